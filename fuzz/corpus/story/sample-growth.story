id: marketplace-launch
title: Argued for a marketplace in three new countries
level: L7
principles: Think Big; Customer Obsession; Are Right, A Lot; Have Backbone; Disagree and Commit
when: 2023-01 to 2024-06
situation: Leadership planned to enter one new country a year with our own
  inventory, and customers in three neighbouring countries were already ordering
  through resellers at twice the price.
task: I was responsible for the technical plan of the next expansion and
  believed the plan was too small.
action: I built a model of the three markets with the finance team, proposed a
  marketplace that let local sellers list on our platform, and disagreed in the
  planning review when the VP preferred one country. Once we agreed on a
  two-country pilot I committed to it fully and led the platform work.
result: The marketplace opened in three countries within 18 months. At 40%
  penetration and 60% attribution it is worth $6.48M a year.
impact: market markets=3 revenue_per_market=9M attribution=60% penetration=40%
validated: revenue per market from the first two quarters of sales
estimate_differently: penetration is still rising; I would re-measure after
  a full year
endorsement: Marco Silva, VP of International: the marketplace was Priya's
  proposal and she carried it through the pilot

id: tech-lead-program
title: Grew four engineers into tech leads
level: L6
principles: HDB; Earth's Best Employer; Ownership
when: 2022-02 to 2023-06
situation: Our group had twenty engineers and one tech lead, and every design
  decision waited for her.
task: I set out to grow at least three engineers to lead their own projects
  within a year.
action: I wrote a tech-lead path with the engineering manager, paired each
  candidate with a project a size larger than their last, reviewed their design
  documents every week, and stepped back from meetings so that they ran them.
result: Four engineers became tech leads in fifteen months; design reviews no
  longer waited on one person and two of the four were promoted.
endorsement: Lena Park, Engineering Manager: credits Priya with the tech-lead
  path and its results
