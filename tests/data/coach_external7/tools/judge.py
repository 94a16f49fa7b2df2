#!/usr/bin/env python3
"""Phase 2: write messages.tsv from out/*.json with the judgements below, and print a summary."""
import glob, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check

Y, N = "yes", "no"
# (file stem, kind, quote) -> (on_target, why)
J = {
 ("01-webhook-drops", "no_attribution", "about $8K"): (Y, "the $8K a week is claimed in full with no share or separation from other causes"),
 ("01-webhook-drops", "no_validation", "about $8K"): (Y, "the dollar claim is the candidate's own estimate; nobody else checked it"),
 ("02-engagement-plan", "no_method", "15%"): (N, "15% is a target set in the Action, not a measured result; the unmeasured claims are the 17%, 12% and 7%"),
 ("02-engagement-plan", "no_attribution", "17%"): (Y, "17% churn cut credited in full ('fed straight into the goal'), no share, no control"),
 ("02-engagement-plan", "no_absolute", "15%"): (N, "15% is a planning target, not an outcome; asking 'of what' about a target misses the real gap"),
 ("02-engagement-plan", "no_absolute", "17%"): (Y, "17% reduction in first-week churn with no user numbers before/after"),
 ("03-sql-injection", "no_figures", ""): (Y, "no dollar or percentage anywhere; result is counts only"),
 ("03-sql-injection", "overreach", "company-wide"): (Y, "either case: L6 answer credits itself with a company-wide initiative; asking for evidence is fair"),
 ("04-fraud-precision", "too_short", ""): (Y, "76 words at L6"),
 ("04-fraud-precision", "vague_timeframe", "40%"): (Y, "no period anywhere in the answer for the 40% / 60% drops"),
 ("04-fraud-precision", "no_attribution", "40%"): (Y, "percentages in the Result, no share or separation from other causes"),
 ("04-fraud-precision", "no_absolute", "40%"): (Y, "false positives 'dropped 40%' with no counts"),
 ("04-fraud-precision", "ic_scope", "I dug into"): (Y, "pure hands-on modelling work, no sign of leading anyone at L6"),
 ("05-supplier-fire", "too_short", ""): (Y, "126 words at L6"),
 ("05-supplier-fire", "missing_star", ""): (N, "the result is there (90% capacity kept, $2M avoided), only mislabelled 'Task:'; 'No result' is wrong"),
 ("05-supplier-fire", "no_method", "15%"): (N, "15% is the price premium paid, not a result; the unmeasured claim is the estimated $2M"),
 ("05-supplier-fire", "no_absolute", "15%"): (N, "15% premium is a negotiated price term, not an outcome percentage"),
 ("06-marketing-sourcing", "too_short", ""): (Y, "263 words at L7"),
 ("06-marketing-sourcing", "round_number", "over $25 million"): (Y, "hedged headline with two significant digits"),
 ("06-marketing-sourcing", "vague_timeframe", "over $25 million"): (Y, "no period for the saving (one-off? per year?)"),
 ("06-marketing-sourcing", "no_method", "over $25 million"): (Y, "no calculation or baseline for the saving"),
 ("06-marketing-sourcing", "no_attribution", "over $25 million"): (Y, "saving claimed in full, no share"),
 ("06-marketing-sourcing", "no_validation", "over $25 million"): (Y, "nobody else checked the saving"),
 ("06-marketing-sourcing", "unverifiable", "over $25 million"): (Y, "L7 hedged headline over $10M with no method and no validation"),
 ("07-carrier-outage", "too_short", ""): (Y, "203 words at L7"),
 ("07-carrier-outage", "no_method", "2%"): (Y, "'churn linked to the incident held to 2%' has no measurement behind it (the 60% is the starker case)"),
 ("07-carrier-outage", "no_attribution", "2%"): (N, "2% is a churn level after the incident, not a gain to share out; the claims to attribute are the 95% and the 60%"),
 ("07-carrier-outage", "no_absolute", "2%"): (N, "2% is a level whose base (customers of the 20,000 stuck orders) is given, not an outcome change"),
 ("07-carrier-outage", "no_absolute", "60%"): (Y, "risk exposure 'reduced by 60%' with no base at all"),
 ("07-carrier-outage", "undersell", ""): (N, "division-wide incident with new logistics providers; 'no organisation beyond one team' is false"),
 ("08-search-filters", "too_short", ""): (Y, "108 words at L6"),
 ("08-search-filters", "round_number", "$1M"): (Y, "$1M per quarter, one significant digit"),
 ("08-search-filters", "no_attribution", "attribute"): (Y, "'attribute ... $1M' with no share and no basis"),
 ("08-search-filters", "no_validation", "$1M"): (Y, "nobody else checked the $1M"),
 ("08-search-filters", "no_absolute", "10%"): (Y, "10% more items added to cart, no absolute numbers"),
 ("09-duplicate-charges", "too_short", ""): (Y, "265 words at L7"),
 ("09-duplicate-charges", "undersell", ""): (Y, "one team of eight, no dollar value: L6-sized story at L7"),
 ("10-phishing-exfiltration", "no_attribution", "65%"): (Y, "65% click-rate drop credited to the training with no share or control"),
 ("10-phishing-exfiltration", "no_absolute", "65%"): (Y, "65% of what click rate, how many clicks?"),
 ("10-phishing-exfiltration", "ic_scope", "I wrote"): (Y, "the story is hands-on forensics with no one led; quoting the incident report is a weak phrase but the problem is real"),
 ("12-duplicate-records", "no_validation", "$716,000"): (Y, "invoices are a method, nobody validated the $716,000"),
 ("12-duplicate-records", "arithmetic", "140,000 x $1.10 x 4 = $716,000"): (Y, "correct: the product is $616,000"),
 ("12-duplicate-records", "ic_scope", "I dug into"): (Y, "all hands-on work, nobody led"),
 ("13-hiring-loop", "vague_timeframe", "Over time"): (Y, "'Over time' in the Result"),
 ("13-hiring-loop", "no_method", "35%"): (N, "35% is a share of the nine hires (hire source), not a measured result; the answer has before/after for its results"),
 ("13-hiring-loop", "no_absolute", "35%"): (N, "35% is a share of the nine hires, whose base is stated; not an outcome"),
 ("13-hiring-loop", "inconsistent", "60%"): (Y, "hire sources 60% + 35% + 15% = 110%"),
 ("14-agent-console", "too_long", ""): (Y, "493 words at L6"),
 ("14-agent-console", "star_balance", ""): (Y, "situation is over half the answer"),
 ("14-agent-console", "vague_timeframe", "significantly"): (Y, "'significantly happier' in the Result with no number"),
 ("14-agent-console", "overreach", "group of 60"): (N, "'a control group of 60 agents' is an experiment arm of support agents, not 60 engineers led"),
 ("15-deletion-requests", "overreach", "58 engineers"): (Y, "more than 50 engineers coordinated at L6"),
 ("15-deletion-requests", "overreach", "nine teams"): (Y, "nine teams at L6"),
 ("15-deletion-requests", "overreach", "board of directors"): (Y, "board-level claim at L6"),
 ("16-support-assistant", "round_number", "as much as $600K"): (Y, "one significant digit, best-case phrasing"),
 ("16-support-assistant", "up_to", "as much as $600K"): (Y, "best case instead of the floor"),
 ("16-support-assistant", "no_method", "as much as $600K"): (N, "the answer names its measurement (year-on-year ticket comparison by intent); label is must_not, the $600K gap is attribution/validation"),
 ("16-support-assistant", "no_attribution", "as much as $600K"): (Y, "saving claimed in full, no share"),
 ("16-support-assistant", "no_validation", "as much as $600K"): (Y, "nobody checked the $600K"),
 ("16-support-assistant", "no_absolute", "30%"): (Y, "'total tickets fell by 30%' with no counts in that clause"),
 ("17-annual-discount", "no_absolute", "10%"): (N, "10% is the existing annual-plan discount (a price setting in the Situation), not an outcome"),
 ("18-car-rental-partner", "round_number", "about $1.5M"): (Y, "hedged, two significant digits"),
 ("18-car-rental-partner", "no_method", "about $1.5M"): (Y, "no method for the bookings figure (gross or incremental?)"),
 ("18-car-rental-partner", "no_attribution", "about $1.5M"): (Y, "claimed in full, no share"),
 ("18-car-rental-partner", "no_validation", "about $1.5M"): (Y, "nobody checked it"),
 ("18-car-rental-partner", "no_ownership", "We"): (Y, "every action is 'we' / 'the team'"),
 ("19-oncall-noise", "vague_timeframe", "Eventually"): (Y, "'Eventually' in the Result"),
 ("19-oncall-noise", "no_outcome", "Eventually the pages became much more manageable, and the team is a lot calmer now"): (Y, "the Result has no number at all"),
 ("20-recommendations", "no_absolute", "1.6%"): (N, "1.6% is a comparison with the holdout, and the next sentence gives its absolute value ($10.2M a year)"),
 ("21-stockout-forecast", "inconsistent", "$212M"): (N, "real inconsistency and right recomputation ($3.74M), but it quotes the inventory level $212M instead of the $9.8M recovery"),
 ("21-stockout-forecast", "arithmetic", "$212M"): (N, "recomputed value is right but attached to $212M (inventory), not to the $9.8M claim"),
 ("23-stolen-passwords", "vague_timeframe", "significantly"): (Y, "'significantly reduced our attack surface' with no number"),
 ("23-stolen-passwords", "no_figures", ""): (Y, "no dollar or percentage anywhere"),
 ("23-stolen-passwords", "no_outcome", "Every internal tool now sits behind the identity provider with hardware keys, the shared"): (Y, "the Outcome holds no number (quote is cut mid-clause, but it points at the right part)"),
 ("24-data-platform-org", "vague_timeframe", "Over time"): (Y, "'Over time' in the Result"),
 ("24-data-platform-org", "inconsistent", "107%"): (N, "'we hired 29, or 107% of plan' is a true figure (29/27), not a share of an outcome"),
 ("25-instant-refunds", "too_long", ""): (Y, "663 words at L7"),
 ("25-instant-refunds", "round_number", "up to $3M"): (Y, "one significant digit"),
 ("25-instant-refunds", "up_to", "up to $3M"): (Y, "best case instead of the floor"),
 ("25-instant-refunds", "vague_timeframe", "a lot of time"): (N, "'I spent a lot of time with the risk team' is an action, not a result or a figure's period"),
 ("25-instant-refunds", "no_method", "up to $3M"): (Y, "'I would estimate' - no measurement or calculation"),
 ("25-instant-refunds", "no_attribution", "up to $3M"): (Y, "claimed in full"),
 ("25-instant-refunds", "no_validation", "up to $3M"): (Y, "nobody checked it"),
 ("25-instant-refunds", "undersell", "up to $3M"): (Y, "largest claim under $5M at L7"),
 ("26-certified-metrics", "no_method", "18%"): (Y, "company revenue growth has no method (the 40% -> 15% before/after does not cover money)"),
 ("26-certified-metrics", "no_attribution", "18%"): (Y, "company revenue growth credited with no share"),
 ("26-certified-metrics", "no_absolute", "18%"): (Y, "revenue grew 18% with no base"),
 ("26-certified-metrics", "unverifiable", "company-wide"): (Y, "'adopted company-wide' plus company revenue credited, no share"),
 ("27-sox-controls", "star_balance", ""): (Y, "situation is half the answer"),
 ("28-reseller-usage", "no_validation", "$4.1M"): (Y, "nobody checked the $4.1M"),
 ("28-reseller-usage", "undersell", "$4.1M"): (Y, "largest claim under $5M at L7"),
 ("28-reseller-usage", "undersell", "my team"): (N, "the story spans 310 partners, partner managers, billing operations, solutions engineers and the pricing team; 'stays within my team' is false"),
 ("28-reseller-usage", "arithmetic", "310 x $1,150 x 12 = $4.1M"): (Y, "correct: $4,278,000"),
 ("28-reseller-usage", "inconsistent", "$4.1M"): (Y, "$4.1M a year recovered against a $3.2M a year loss"),
 ("29-offline-field-app", "undersell", "$2.86M"): (Y, "largest claim under $5M at L7"),
 ("29-offline-field-app", "undersell", "The team"): (Y, "it is one mobile team's story (a duplicate of the previous finding, but true)"),
 ("29-offline-field-app", "no_ownership", "We"): (Y, "the Action is all 'we'"),
 ("31-build-cache", "too_short", ""): (Y, "74 words at L7"),
 ("31-build-cache", "no_figures", ""): (Y, "no dollar or percentage"),
 ("31-build-cache", "undersell", ""): (Y, "either case: a build cache in four sentences is below L7 scope"),
 ("31-build-cache", "no_outcome", "Builds got a lot faster and people were much happier"): (Y, "the Result has no number"),
 ("32-chargeback-model", "round_number", "about $9.4B"): (N, "$9.4B is the payment volume (context), not a claim"),
 ("32-chargeback-model", "up_to", "up to 90"): (N, "'chargebacks arrive up to 90 days late' describes data latency, not a best-case claim"),
 ("32-chargeback-model", "arithmetic", "0.17 points x $9.4B = $18M"): (Y, "correct: about $15.98M"),
}


def lists(stem):
    _, l, _ = check.parse(stem + ".txt")
    return l


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.chdir(root)
    rows, missing = [], []
    per_file = {}
    for p in sorted(glob.glob("out/*.json")):
        stem = os.path.basename(p)[:-5]
        d = json.load(open(p))
        per_file[stem] = d["findings"]
        for f in d["findings"]:
            key = (stem, f["kind"], f["quote"])
            if key not in J:
                missing.append(key)
                continue
            on, why = J[key]
            rows.append((stem + ".txt", f["kind"], f["quote"], on, why))
    if missing:
        print("UNJUDGED:", missing)
        sys.exit(1)
    with open("messages.tsv", "w") as out:
        out.write("file\tkind\tquote\ton_target\twhy\n")
        for r in rows:
            out.write("\t".join(x.replace("\t", " ").replace("\n", " ") for x in r) + "\n")
    n = len(rows)
    yes = sum(1 for r in rows if r[3] == Y)
    print("messages:", n, "on target:", yes, "no:", n - yes)
    # must kinds without any message of that kind, and without an on-target one
    nomsg, noyes = [], []
    total_must = hit_any = hit_yes = 0
    for stem, fnd in per_file.items():
        l = lists(stem)
        for k in l["must"]:
            total_must += 1
            ks = [f for f in fnd if f["kind"] == k]
            if ks:
                hit_any += 1
            else:
                nomsg.append((stem, k))
            if any(J[(stem, f["kind"], f["quote"])][0] == Y for f in ks):
                hit_yes += 1
            elif ks:
                noyes.append((stem, k))
        for f in fnd:
            if f["kind"] in l["must_not"]:
                print("  must_not raised:", stem, f["kind"], repr(f["quote"]))
    print("must entries:", total_must, "with a message:", hit_any, "with an on-target message:", hit_yes)
    print("must with no message:", nomsg)
    print("must with only off-target messages:", noyes)


if __name__ == "__main__":
    main()
