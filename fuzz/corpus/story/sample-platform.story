# This file starts with a UTF-8 byte-order mark, as some editors write it.

id: build-costs
title: Halved the cost of the build farm
level: L6
principles: Frugality; Invent and Simplify; Bias for Action
when: 2022-09 to 2023-02
situation: The build farm cost $410K a month and engineers waited 40 minutes
  for a full build, so most ran the whole suite by hand before every merge.
task: I owned the build platform and was asked to cut its cost by a third
  without slowing anyone down.
action: I moved the test shards to spot instances, cached dependency layers
  between builds, and deleted 1,400 tests that had not failed in two years after
  checking each owner agreed. I shipped the caching in two weeks rather than wait
  for the quarterly plan.
result: The farm now costs $265K a month, $1.57M a year with 90% credited to
  this work, and builds take 18 minutes, which saves 6 hours of engineer time
  on each of 2,600 merges a year: $1.48M. Together, $3.05M a year.
impact: cloud cost_before=410K cost_after=265K attribution=90%
impact: labor hours=6 occurrences=2600 rate=95
validated: the monthly invoices before and after; merge counts from the
  repository

id: incident-reviews
title: Took over incident reviews nobody owned
level: L6
principles: Ownership; Dive Deep; Earn Trust
when: 2024-01
situation: Incident reviews had lapsed after a reorganisation and the same
  three kinds of outage kept coming back, each costing about $180K.
task: Nobody was assigned to the reviews; I decided to own them for the
  whole organisation.
action: I read every incident report of the year, grouped them by cause, and
  found that nine recurring outages came from two missing alarms and one unsafe
  deploy step. I wrote the fixes with the owning teams and presented the
  findings to the directors, including the two outages my own team caused.
result: The nine recurring incidents stopped, $972K a year with 60% credited to
  the reviews.
impact: error_reduction cost_per_incident=180K incidents_prevented=9 attribution=60%
