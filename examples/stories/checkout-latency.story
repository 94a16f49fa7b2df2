# An example story (docs/stories.md). One story per record; records are
# separated by blank lines. Indented lines continue the field above.

id: checkout-latency
title: Cut checkout latency across 12 teams
level: L7
principles: Dive Deep; Deliver Results; Earn Trust
when: 2024-03 to 2025-01
situation: Checkout took 4.2 seconds at the 90th percentile and conversion had
  slipped from 2.6% to 2.3% in two quarters. Twelve teams owned parts of the
  page, and each believed the delay came from someone else's service.
task: I was asked to bring checkout under two seconds without stopping the
  teams' roadmaps. I owned the plan and the agreement between the teams.
action: I traced 300 slow sessions end to end myself and found that 60% of the
  time went to five calls to the pricing service made one after another. I
  designed a single batched pricing call, wrote the proposal, and negotiated a
  latency budget with the twelve team leads. I reviewed the budget with them
  every week and paired with the two teams that were furthest behind.
result: Checkout fell to 1.6 seconds at the 90th percentile and conversion rose
  from 2.3% to 3.1% on 4M monthly visitors. With 70% of the gain credited to
  this work, that is $17.5M a year.
impact: conversion traffic=4M before=2.3% after=3.1% aov=65 attribution=70%
validated: the finance partner rebuilt the model; a 5% holdout ran for 8 weeks
estimate_differently: the 70% share rests on one quarter's pricing data; a
  longer holdout would settle it
endorsement: Dana Ito, Director of Payments: credits the $17.5M a year to this work
