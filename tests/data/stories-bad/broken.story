# A story file with one mistake of every kind, for the tests: the exact
# diagnostics it must produce are in broken.expected.

id: checkout-latency
title: Cut checkout latency across 12 teams
title: Cut checkout latency
level: L8
principles: Dive Deeper; Deliver Results; DR
when: 2024-13 to 2025-01
situation: Checkout was slow.
action: I fixed it.
resutl: Conversion rose.
impact: conversion traffic=4M before=2.3% after=3.1% aov=65 colour=red
impact: convertion traffic=4M
endorsement: Dana Ito credits the work

id: no spaces allowed
title: A story with a bad id
level: L6
principles: Customer Focus, Teamwork
when: March 2024
situation: s
task: t
action: a
result: r
impact: cloud cost_before=265K cost_after=410K

id: checkout-latency
title: The same id again
level: L7
principles: Dive Deep, Earn Trust
when: 2025-01 to 2024-03
situation: s
task: t
action: a
result:
impact: total
validated:
