# Priya Raman's stories from the checkout team (2022-2025).
# Sample folder for the tests: see docs/stories.md for the format.

id: checkout-latency
title: Cut checkout latency across 12 teams
level: L7
principles: Dive Deep; Deliver Results; Earn Trust
when: 2024-03 to 2025-01
situation: Checkout took 4.2 seconds at the 90th percentile and conversion had
  slipped from 2.6% to 2.3% over two quarters. Twelve teams owned pieces of the
  page and each believed the slowness was someone else's.
task: I was asked to bring checkout under two seconds without stopping the
  teams' roadmaps, and I owned the plan and the cross-team agreement.
action: I traced 300 slow sessions end to end myself and found that 60% of the
  time went to five serial calls to the pricing service. I proposed one batched
  pricing call, wrote the design, and negotiated a shared latency budget with the
  twelve team leads. I ran a weekly review of the budget and paired with the two
  teams that were furthest behind.
result: Checkout dropped to 1.6 seconds at p90 and conversion rose from 2.3% to
  3.1%. With 70% of the gain credited to this work, that is $17.5M a year.
impact: conversion traffic=4M before=2.3% after=3.1% aov=65 attribution=70%
validated: the finance partner rebuilt the model; a 5% holdout ran for 8 weeks
estimate_differently: the 70% share rests on one quarter's pricing data; a
  longer holdout would settle it
endorsement: Dana Ito, Director of Payments: credits the $17.5M a year to this work

id: payment-retries
title: Saved failed card payments with smart retries
level: l6
principles: CO; Invent & Simplify; DD
when: 2023-05 to 2023-11
situation: About 22% of checkouts that reached the payment step were abandoned,
  and support tickets showed that many customers gave up after a declined card
  that would have gone through a minute later.
task: My goal was to recover those customers without adding a step to checkout.
action: I analysed six months of decline codes and found that soft declines were
  retried by no one. I designed a retry with a short back-off for those codes
  only, replaced three hand-written retry paths with one, and ran the A/B test.
result: Abandonment fell from 22% to 20.5%, about $2.51M a year with 80% of it
  credited to the retries.
impact: funnel starts=300K abandon_before=22% abandon_after=20.5% aov=58 attribution=80%
validated: A/B test over 6 weeks, 50/50 split, checked by the analytics team
