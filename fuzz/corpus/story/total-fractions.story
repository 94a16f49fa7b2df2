id: t
title: Total and fractions
level: l7
principles: HBDC; are right a lot;; Earth’s Best Employer
when: 2020-01 to 2020-01
situation: s
task: t
action: a
result: r
impact: total labor=187K quality=-45K
impact: cloud cost_before=2M cost_after=1M attribution=0.7
endorsement: A, B, C: D: E
