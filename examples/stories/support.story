# Two L6 example stories (docs/stories.md).

id: support-triage
title: Automated the triage of support tickets
level: L6
principles: Invent and Simplify; Customer Obsession; Bias for Action
when: 2023-02 to 2023-08
situation: Our support team handled 240,000 tickets a year, and each one was
  read and routed by hand before anyone started on it. Customers waited a day
  on average for a first answer.
task: I owned the support tools and set myself the goal of removing the manual
  routing without hurting the quality of the answers.
action: I sampled 2,000 tickets, found that 80% fell into eleven categories,
  and built a classifier with a confidence threshold, sending unsure tickets to
  a person as before. I shipped it to one queue in three weeks, measured the
  misroutes daily, and extended it queue by queue.
result: Routing is now automatic for most tickets: it saves 70% of the $12 a
  ticket cost, $2.02M a year, and the first answer comes within four hours.
impact: automation process_cost=12 efficiency=70% volume=240K
validated: cost per ticket from the support budget; misroutes checked weekly
  against a hand-labelled sample

id: enterprise-churn
title: Kept enterprise customers who were about to leave
level: L6
principles: Earn Trust; Ownership; Dive Deep
when: 2024-04 to 2024-12
situation: 2,400 enterprise customers, each worth $4,500 a year, were flagged
  as at risk, and exit surveys blamed failed data exports for 60% of that risk.
task: The exports belonged to no team. I took them on and committed to the
  account managers that I would call the largest customers myself.
action: I read six months of export failures and found that two timeouts
  caused almost all of them. I fixed both, added an alert when an export fails,
  and wrote to every affected customer with what had gone wrong and what we
  changed, including the part that was my team's fault.
result: We kept 45% of the customers at risk for that reason. With 75% of it
  credited to the export work, that is $2.19M a year.
impact: churn at_risk=2400 annual_value=4500 churn_share=60% retention=45% attribution=75%
validated: renewal data from the finance team, compared with the year before
estimate_differently: the 60% share comes from exit surveys; interviews with a
  sample of customers would confirm it
endorsement: Sam Okafor, Head of Customer Success: credits the renewals to the
  export fixes
