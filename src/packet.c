/* packet: see packet.h. The rules are written out in docs/stories.md, "drill packet". */
#include "packet.h"

#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "principles.h"
#include "util.h"

/* The placeholders, shared by the narrative, the slides and the gaps. */
#define PACKET_PH_TEAM "[\xe2\x80\xa6the cross-functional team]"
#define PACKET_PH_UNLOCK "[\xe2\x80\xa6the strategic capability]"
#define PACKET_PH_FIGURE "[\xe2\x80\xa6the annual figure]"
#define PACKET_PH_MARKET "[\xe2\x80\xa6the market size]"
#define PACKET_PH_KPI "[\xe2\x80\xa6the KPI, before and after]"

static const char *const packet_step_names[PACKET_STEP_COUNT] = {
    "Data gathering",
    "Packet review by the product leader",
    "Peer-advocacy signatures",
    "Debrief rehearsal",
};

static const int packet_step_days[PACKET_STEP_COUNT] = {
    PACKET_DAYS_DATA,
    PACKET_DAYS_REVIEW,
    PACKET_DAYS_SIGNATURES,
    PACKET_DAYS_REHEARSAL,
};

/* ------------------------------------------------------------------ */
/* dates                                                               */

/* Days from 1970-01-01 (H. Hinnant's days_from_civil). */
int64_t
packet_day(int year, int month, int day)
{
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
packet_civil(int64_t day, int *year, int *month, int *mday)
{
	int64_t z = day + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t m = mp + (mp < 10 ? 3 : -9);

	*mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)m;
	*year = (int)(yoe + era * 400 + (m <= 2));
}

void
packet_date_format(int64_t day, char buf[PACKET_DATE_MAX])
{
	char t[48];
	int y, m, d;

	/* years outside 0..9999 (never a career's) are clamped to fit */
	packet_civil(day, &y, &m, &d);
	snprintf(t, sizeof(t), "%04d-%02d-%02d", y < 0 ? 0 : y > 9999 ? 9999 : y, m, d);
	memcpy(buf, t, PACKET_DATE_MAX - 1);
	buf[PACKET_DATE_MAX - 1] = '\0';
}

static int
packet_month_days(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

/* Reads exactly n digits at *s into *v. */
static bool
packet_digits(const char **s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return false;
		*v = *v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	return true;
}

int
packet_date_parse(const char *text, int64_t *day, char *err, size_t errlen)
{
	static const char *const months[12] = {"January",   "February", "March",    "April",
					       "May",	    "June",	"July",	    "August",
					       "September", "October",	"November", "December"};
	const char *s = text;
	int y, m, d;
	char sep;

	if (!packet_digits(&s, 4, &y) || (*s != '-' && *s != '/'))
		goto shape;
	sep = *s++;
	if (!packet_digits(&s, 2, &m) || *s++ != sep || !packet_digits(&s, 2, &d) || *s != '\0')
		goto shape;
	if (y < 1900 || y > 2100) {
		errorf(err, errlen, "\"%s\": the year must be from 1900 to 2100", text);
		return -1;
	}
	if (m < 1 || m > 12) {
		errorf(err, errlen, "\"%s\": month %02d is not 01 to 12", text, m);
		return -1;
	}
	if (d < 1 || d > packet_month_days(y, m)) {
		errorf(err, errlen, "\"%s\": %s %d has %d days", text, months[m - 1], y,
		       packet_month_days(y, m));
		return -1;
	}
	*day = packet_day(y, m, d);
	return 0;
shape:
	errorf(err, errlen, "\"%s\" is not a date: write YYYY-MM-DD, e.g. 2027-06-01", text);
	return -1;
}

/* ------------------------------------------------------------------ */
/* text helpers                                                        */

static const char *
packet_base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s != NULL ? s + 1 : path;
}

/*
 * The first sentence of text on one line: white space (line breaks
 * included) collapsed, cut at the first '.', '!' or '?' that ends a word
 * (followed by white space or the end), the full stop left out.
 */
static char *
packet_first_sentence(const char *text)
{
	struct sbuf b = {0};
	bool space = false;

	for (const char *p = text; *p; p++) {
		if (isspace((unsigned char)*p)) {
			space = b.len > 0;
			continue;
		}
		if ((*p == '.' || *p == '!' || *p == '?') &&
		    (p[1] == '\0' || isspace((unsigned char)p[1]))) {
			if (*p != '.') {
				if (space)
					sbuf_addc(&b, ' ');
				sbuf_addc(&b, *p);
			}
			break;
		}
		if (space)
			sbuf_addc(&b, ' ');
		space = false;
		sbuf_addc(&b, *p);
	}
	return sbuf_take(&b);
}

/*
 * s with its first letter lower-cased when it opens a sentence as an
 * ordinary word does (a capital, then lower-case letters: "Checkout" but
 * not "AWS", "I" or "iOS"), so that it reads after "that".
 */
static void
packet_lower_first(char *s)
{
	size_t n = 0;

	if (!isupper((unsigned char)s[0]))
		return;
	while (isalpha((unsigned char)s[n + 1]))
		n++;
	if (n == 0)
		return; /* "I", "A" */
	for (size_t i = 1; i <= n; i++)
		if (!islower((unsigned char)s[i]))
			return;
	s[0] = (char)tolower((unsigned char)s[0]);
}

static void
packet_gap(struct packet *p, enum packet_section section, char *message)
{
	p->gaps = xrealloc(p->gaps, (p->ngaps + 1) * sizeof(*p->gaps));
	p->gaps[p->ngaps].section = section;
	p->gaps[p->ngaps].message = message;
	p->ngaps++;
}

static void
packet_fill(struct packet_part *part, char *text, const char *from)
{
	part->text = text;
	part->placeholder = false;
	part->from = from;
}

static void
packet_hole(struct packet_part *part, const char *placeholder)
{
	part->text = xstrdup(placeholder);
	part->placeholder = true;
	part->from = NULL;
}

static void
packet_money(double v, char buf[AMOUNT_FORMAT_MAX])
{
	amount_format_sig(v, AMOUNT_MONEY, 4, buf, AMOUNT_FORMAT_MAX);
}

/* ------------------------------------------------------------------ */
/* the impact table and the KPIs                                       */

/*
 * The before/after inputs of an impact line's method: "before" and
 * "after", "X_before" and "X_after", or an A/B test's "control" and
 * "variant". Returns false for a method without them (and for a total).
 */
static bool
packet_pair(const struct story_impact *im, int *lo, int *hi)
{
	const struct impact_method *m = im->method;

	if (im->args.total || m == NULL)
		return false;
	for (size_t i = 0; i < m->ninputs; i++) {
		const char *name = m->inputs[i].name;
		size_t n = strlen(name);
		char want[64];

		if (strcmp(name, "before") == 0)
			snprintf(want, sizeof(want), "after");
		else if (strcmp(name, "control") == 0)
			snprintf(want, sizeof(want), "variant");
		else if (n > 7 && strcmp(name + n - 7, "_before") == 0)
			snprintf(want, sizeof(want), "%.*s_after", (int)(n - 7), name);
		else
			continue;
		int j = impact_input_index(m, want);
		if (j >= 0) {
			*lo = (int)i;
			*hi = j;
			return true;
		}
	}
	return false;
}

/* The measure a before input names, from its help: "conversion rate
 * before" -> "conversion rate"; "conversion rate of the control" ->
 * "conversion rate". */
static void
packet_measure(const struct impact_input *in, char *buf, size_t len)
{
	const char *h = in->help;
	const char *cut = strstr(h, " of the ");
	size_t n = strlen(h);

	if (n > 7 && strcmp(h + n - 7, " before") == 0)
		n -= 7;
	else if (cut != NULL)
		n = (size_t)(cut - h);
	snprintf(buf, len, "%.*s", (int)n, h);
}

static void
packet_add_kpi(struct packet *p, const struct story *st, const struct story_impact *im, int lo,
	       int hi)
{
	struct packet_kpi *k;

	p->kpis = xrealloc(p->kpis, (p->nkpis + 1) * sizeof(*p->kpis));
	k = &p->kpis[p->nkpis++];
	memset(k, 0, sizeof(*k));
	k->story = st;
	packet_measure(&im->method->inputs[lo], k->measure, sizeof(k->measure));
	k->kind = im->method->inputs[lo].kind;
	k->before = im->values[lo];
	k->after = im->values[hi];
	amount_format_exact(k->before, k->kind, k->before_text, sizeof(k->before_text));
	amount_format_exact(k->after, k->kind, k->after_text, sizeof(k->after_text));
}

static void
packet_add_row(struct packet *p, const struct story *st)
{
	struct packet_row *r;
	struct sbuf base = {0}, after = {0}, method = {0};

	p->rows = xrealloc(p->rows, (p->nrows + 1) * sizeof(*p->rows));
	r = &p->rows[p->nrows++];
	for (size_t i = 0; i < st->nimpacts; i++) {
		const struct story_impact *im = &st->impacts[i];
		int lo, hi;

		sbuf_printf(&method, "%s%s", i ? " + " : "", im->method->name);
		if (after.len > 0)
			sbuf_adds(&after, "; ");
		if (packet_pair(im, &lo, &hi)) {
			const struct packet_kpi *k;
			packet_add_kpi(p, st, im, lo, hi);
			k = &p->kpis[p->nkpis - 1];
			sbuf_printf(&base, "%s%s: %s", base.len ? "; " : "", k->measure,
				    k->before_text);
			sbuf_printf(&after, "%s: %s", k->measure, k->after_text);
		} else {
			const struct impact_step *s = &im->result.steps[0];
			sbuf_printf(&after, "%s: %s", s->label, s->text);
		}
	}
	r->story = st;
	r->baseline = base.len > 0 ? sbuf_take(&base) : NULL;
	r->after = sbuf_take(&after);
	r->method = sbuf_take(&method);
	r->annual = st->annual;
	r->source = st->validated.value;
	p->total += st->annual;
	sbuf_free(&base);
}

/* ------------------------------------------------------------------ */
/* endorsements                                                        */

bool
packet_metric(const char *credit, char *buf, size_t len)
{
	size_t pos = 0, n = strlen(credit);
	struct amount_figure f;

	while (amount_next_figure(credit, n, &pos, &f)) {
		enum amount_kind k = f.r.lo.kind;
		if (f.year || !(f.digits || k == AMOUNT_MONEY || k == AMOUNT_PERCENT))
			continue;
		snprintf(buf, len, "%.*s", (int)(f.end - f.start), credit + f.start);
		return true;
	}
	return false;
}

static void
packet_endorsements(struct packet *p)
{
	const struct story_set *set = p->set;

	for (size_t i = 0; i < set->n; i++) {
		const struct story *st = set->v[i];
		for (size_t j = 0; j < st->nendorsements; j++) {
			struct packet_endorsement *e;
			char m[256];

			p->endorsements = xrealloc(p->endorsements, (p->nendorsements + 1) *
									sizeof(*p->endorsements));
			e = &p->endorsements[p->nendorsements++];
			e->story = st;
			e->e = &st->endorsements[j];
			e->metric = packet_metric(st->endorsements[j].credit, m, sizeof(m))
					? xstrdup(m)
					: NULL;
			p->with_metric += e->metric != NULL;
		}
	}
}

/* ------------------------------------------------------------------ */
/* the strongest story, the narrative and the slides                   */

const struct story *
packet_strongest(const struct story_set *set)
{
	const struct story *best = NULL;

	for (size_t i = 0; i < set->n; i++) {
		const struct story *st = set->v[i];
		if (st->has_annual && (best == NULL || st->annual > best->annual))
			best = st;
	}
	if (best != NULL)
		return best;
	for (size_t i = 0; i < set->n; i++)
		if (best == NULL || set->v[i]->level > best->level)
			best = set->v[i];
	return best;
}

/* The market size an impact line gives: its "market potential" or
 * "revenue opportunity" step. */
static const struct impact_step *
packet_market(const struct story *st)
{
	for (size_t i = 0; i < st->nimpacts; i++) {
		const struct impact_result *r = &st->impacts[i].result;
		int k = impact_step_index(r, "market potential");
		if (k < 0)
			k = impact_step_index(r, "revenue opportunity");
		if (k >= 0)
			return &r->steps[k];
	}
	return NULL;
}

static void
packet_story(struct packet *p)
{
	const struct story *st = p->strongest;
	struct packet_part *s = p->slots;
	char money[AMOUNT_FORMAT_MAX];
	char *first;
	struct sbuf b = {0};
	const struct impact_step *market;

	first = packet_first_sentence(st->situation.value);
	packet_lower_first(first);
	packet_fill(&s[PACKET_IDENTIFIED], xasprintf("that %s", first), "situation");
	free(first);
	packet_hole(&s[PACKET_BUILT], PACKET_PH_TEAM);
	packet_fill(&s[PACKET_DELIVERED], xasprintf("\"%s\"", st->title.value), "title");
	if (st->has_annual) {
		packet_money(st->annual, money);
		packet_fill(&s[PACKET_REALISED], xasprintf("%s a year", money), "impact");
	} else {
		packet_hole(&s[PACKET_REALISED], PACKET_PH_FIGURE);
	}
	packet_hole(&s[PACKET_UNLOCKED], PACKET_PH_UNLOCK);
	p->narrative =
	    xasprintf("I identified %s, built %s, delivered %s, and realised %s, "
		      "which unlocked %s.",
		      s[PACKET_IDENTIFIED].text, s[PACKET_BUILT].text, s[PACKET_DELIVERED].text,
		      s[PACKET_REALISED].text, s[PACKET_UNLOCKED].text);

	/* slide 1: the problem and the market size */
	p->slides[0].title = "Problem and market size";
	packet_fill(&p->slides[0].points[0], packet_first_sentence(st->situation.value),
		    "situation");
	market = packet_market(st);
	if (market != NULL)
		packet_fill(&p->slides[0].points[1],
			    xasprintf("%s: %s a year", market->label, market->text), "impact");
	else
		packet_hole(&p->slides[0].points[1], PACKET_PH_MARKET);

	/* slide 2: the execution and the KPI delta */
	p->slides[1].title = "Execution and KPI delta";
	packet_fill(&p->slides[1].points[0], packet_first_sentence(st->action.value), "action");
	for (size_t i = 0; i < p->nkpis; i++)
		if (p->kpis[i].story == st)
			sbuf_printf(&b, "%s%s: %s \xe2\x86\x92 %s", b.len ? "; " : "",
				    p->kpis[i].measure, p->kpis[i].before_text,
				    p->kpis[i].after_text);
	if (b.len > 0)
		packet_fill(&p->slides[1].points[1], sbuf_take(&b), "impact");
	else
		packet_hole(&p->slides[1].points[1], PACKET_PH_KPI);

	/* slide 3: the financial impact and the strategic unlock */
	p->slides[2].title = "Financial impact and strategic unlock";
	if (st->has_annual) {
		sbuf_printf(&b, "%s a year by the engine", money);
		if (st->validated.value != NULL)
			sbuf_printf(&b, "; validated: %s", st->validated.value);
		packet_fill(&p->slides[2].points[0], sbuf_take(&b), "impact");
	} else {
		packet_hole(&p->slides[2].points[0], PACKET_PH_FIGURE);
	}
	packet_hole(&p->slides[2].points[1], PACKET_PH_UNLOCK);
	sbuf_free(&b);
}

/* ------------------------------------------------------------------ */
/* the timeline                                                        */

static void
packet_timeline(struct packet *p, int64_t hc)
{
	int64_t at = hc - PACKET_DAYS_FULL;

	p->has_hc = true;
	p->hc = hc;
	p->latest_start = hc - PACKET_LATEST_START;
	for (int i = 0; i < PACKET_STEP_COUNT; i++) {
		p->steps[i].name = packet_step_names[i];
		p->steps[i].start = at;
		at += packet_step_days[i];
		p->steps[i].end = at;
	}
	p->window = -1;
	if (p->today < p->steps[0].start) {
		p->phase = PACKET_BEFORE;
	} else if (p->today < hc) {
		p->phase = PACKET_IN_WINDOW;
		for (int i = 0; i < PACKET_STEP_COUNT; i++)
			if (p->today >= p->steps[i].start && p->today < p->steps[i].end)
				p->window = i;
	} else {
		p->phase = p->today == hc ? PACKET_HC_DAY : PACKET_PAST;
	}
}

/* ------------------------------------------------------------------ */
/* the gaps, most important first                                      */

static void
packet_gaps(struct packet *p)
{
	const struct story_set *set = p->set;
	const struct story *st = p->strongest;
	char a[AMOUNT_FORMAT_MAX], d1[PACKET_DATE_MAX], d2[PACKET_DATE_MAX];

	/* Product impact: no figure, no packet. */
	if (set->n == 0) {
		packet_gap(p, PACKET_SEC_IMPACT,
			   xstrdup("No stories: write your first with drill story new "
				   "(docs/stories.md has the format)."));
		return;
	}
	if (p->nrows == 0)
		packet_gap(p, PACKET_SEC_IMPACT,
			   xstrdup("No story has an impact: line, so the packet shows no financial "
				   "delta: add one to your flagship story (drill calc --list shows "
				   "the methods)."));

	/* Peer advocacy: written endorsements that name a metric. */
	if (p->nendorsements == 0)
		packet_gap(p, PACKET_SEC_ENDORSEMENTS,
			   xasprintf("No endorsements: a packet needs %d written ones from senior "
				     "leaders, each naming a metric they credit to you; add "
				     "endorsement: lines (Name, Title: what they credit) to the "
				     "stories they back.",
				     PACKET_ENDORSEMENTS_TARGET));
	else if (p->with_metric < PACKET_ENDORSEMENTS_TARGET)
		packet_gap(
		    p, PACKET_SEC_ENDORSEMENTS,
		    xasprintf("%zu of your %zu endorsement%s name%s a metric; a packet needs "
			      "%d that do.",
			      p->with_metric, p->nendorsements, p->nendorsements == 1 ? "" : "s",
			      p->with_metric == 1 ? "s" : "", PACKET_ENDORSEMENTS_TARGET));
	for (size_t i = 0; i < p->nendorsements; i++) {
		const struct packet_endorsement *e = &p->endorsements[i];
		if (e->metric != NULL)
			continue;
		if (e->story->has_annual)
			packet_money(e->story->annual, a);
		packet_gap(p, PACKET_SEC_ENDORSEMENTS,
			   xasprintf("%s's endorsement of %s (%s:%d) names no metric: ask for one "
				     "that credits a figure to you%s%s%s.",
				     e->e->name, e->story->id, packet_base(e->story->path),
				     e->e->line, e->story->has_annual ? ", such as its " : "",
				     e->story->has_annual ? a : "",
				     e->story->has_annual ? " a year" : ""));
	}

	/* The source of every figure. */
	for (size_t i = 0; i < p->nrows; i++) {
		const struct packet_row *r = &p->rows[i];
		if (r->source != NULL)
			continue;
		packet_money(r->annual, a);
		packet_gap(p, PACKET_SEC_SOURCE,
			   xasprintf("%s (%s:%d) has no validated: line: say how its %s a year was "
				     "checked and by whom (Finance, an A/B test), so that the "
				     "figure can be audited.",
				     r->story->id, packet_base(r->story->path), r->story->line, a));
	}

	/* Performance: a KPI measured before and after. */
	if (p->nkpis == 0)
		packet_gap(p, PACKET_SEC_PERFORMANCE,
			   xstrdup("No impact: line measures a KPI before and after (such as "
				   "conversion before=2.3% after=3.1%), so Performance has nothing "
				   "to show."));

	/* Principle consistency. */
	if (p->coverage.covered == 0) {
		int best = 0;
		for (int i = 1; i < PRINCIPLE_COUNT; i++)
			if (p->coverage.count[i] > p->coverage.count[best])
				best = i;
		packet_gap(p, PACKET_SEC_PRINCIPLES,
			   xasprintf("No principle appears in %d stories yet; the closest is %s "
				     "(%zu): add a story that shows it.",
				     STORY_TARGET, principle_at(best)->name,
				     p->coverage.count[best]));
	}

	/* The timeline. */
	if (!p->has_hc) {
		packet_gap(p, PACKET_SEC_TIMELINE,
			   xstrdup("No HC date: run drill packet --hc YYYY-MM-DD for the dated "
				   "timeline."));
	} else if (p->phase == PACKET_PAST) {
		packet_date_format(p->hc, d1);
		packet_date_format(p->today, d2);
		packet_gap(p, PACKET_SEC_TIMELINE,
			   xasprintf("The HC date %s is %lld day%s before today (%s): give the "
				     "date of the next HC meeting.",
				     d1, (long long)(p->today - p->hc),
				     p->today - p->hc == 1 ? "" : "s", d2));
	} else if (p->phase == PACKET_HC_DAY) {
		packet_gap(p, PACKET_SEC_TIMELINE,
			   xstrdup("The HC meeting is today: no window of the timeline is left; "
				   "give the date of the next HC meeting."));
	} else if (p->today > p->latest_start) {
		packet_date_format(p->latest_start, d1);
		packet_gap(p, PACKET_SEC_TIMELINE,
			   xasprintf("HC is %lld day%s away, past the latest safe start (%s, %d "
				     "days before HC): the windows no longer fit and the packet "
				     "risks being judged late; start now, or aim at the next HC.",
				     (long long)(p->hc - p->today),
				     p->hc - p->today == 1 ? "" : "s", d1, PACKET_LATEST_START));
	}

	/* The narrative and the slides: what the files do not say. */
	packet_gap(p, PACKET_SEC_NARRATIVE,
		   xasprintf("Narrative, \"built\": the story files do not name the "
			     "cross-functional team you built for %s (who, from which functions).",
			     st->id));
	if (!st->has_annual)
		packet_gap(p, PACKET_SEC_NARRATIVE,
			   xasprintf("Narrative, \"realised\": %s has no impact: line, so there is "
				     "no figure to claim.",
				     st->id));
	packet_gap(p, PACKET_SEC_NARRATIVE,
		   xasprintf("Narrative, \"which unlocked\" (and slide 3): the files do not say "
			     "what strategic capability %s unlocked for the business.",
			     st->id));
	if (p->slides[0].points[1].placeholder)
		packet_gap(p, PACKET_SEC_SLIDES,
			   xasprintf("Slide 1 needs the market size: %s's impact: lines give none "
				     "(the market and opportunity methods do).",
				     st->id));
	if (p->slides[1].points[1].placeholder)
		packet_gap(p, PACKET_SEC_SLIDES,
			   xasprintf("Slide 2 needs the KPI delta: %s's impact: lines measure no "
				     "KPI before and after.",
				     st->id));
}

/* ------------------------------------------------------------------ */

struct packet *
packet_build(const struct story_set *set, int64_t today, bool has_hc, int64_t hc)
{
	struct packet *p = xcalloc(1, sizeof(*p));

	p->set = set;
	p->today = today;
	for (size_t i = 0; i < set->n; i++) {
		const struct story *st = set->v[i];
		if (st->nimpacts > 0) {
			packet_add_row(p, st);
		} else {
			p->no_impact =
			    xrealloc(p->no_impact, (p->nno_impact + 1) * sizeof(*p->no_impact));
			p->no_impact[p->nno_impact++] = st;
		}
	}
	packet_endorsements(p);
	story_coverage(set, 0, &p->coverage);
	p->strongest = packet_strongest(set);
	if (p->strongest != NULL)
		packet_story(p);
	if (has_hc)
		packet_timeline(p, hc);
	packet_gaps(p);
	assert(packet_is_valid(p));
	return p;
}

static void
packet_part_free(struct packet_part *part)
{
	free(part->text);
}

void
packet_free(struct packet *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->nrows; i++) {
		free(p->rows[i].baseline);
		free(p->rows[i].after);
		free(p->rows[i].method);
	}
	free(p->rows);
	free(p->no_impact);
	free(p->kpis);
	for (size_t i = 0; i < p->nendorsements; i++)
		free(p->endorsements[i].metric);
	free(p->endorsements);
	for (int i = 0; i < PACKET_SLOT_COUNT; i++)
		packet_part_free(&p->slots[i]);
	for (int i = 0; i < PACKET_SLIDE_COUNT; i++)
		for (int j = 0; j < PACKET_SLIDE_POINTS; j++)
			packet_part_free(&p->slides[i].points[j]);
	free(p->narrative);
	for (size_t i = 0; i < p->ngaps; i++)
		free(p->gaps[i].message);
	free(p->gaps);
	free(p);
}

bool
packet_is_valid(const struct packet *p)
{
	double total = 0;
	size_t with = 0, j = 0;

	if ((p->strongest == NULL) != (p->set->n == 0))
		return false;
	for (size_t i = 0; i < p->set->n; i++) {
		if (p->set->v[i]->nimpacts == 0)
			continue;
		if (j >= p->nrows || p->rows[j].story != p->set->v[i])
			return false;
		total += p->rows[j++].annual;
	}
	if (j != p->nrows || fabs(total - p->total) > 1e-6 * (fabs(total) + 1))
		return false;
	for (size_t i = 0; i < p->nendorsements; i++)
		with += p->endorsements[i].metric != NULL;
	if (with != p->with_metric)
		return false;
	if (p->has_hc) {
		if (p->steps[0].start != p->hc - PACKET_DAYS_FULL ||
		    p->steps[PACKET_STEP_COUNT - 1].end != p->hc)
			return false;
		for (int i = 1; i < PACKET_STEP_COUNT; i++)
			if (p->steps[i].start != p->steps[i - 1].end)
				return false;
	}
	return true;
}

const char *
packet_section_name(enum packet_section s)
{
	switch (s) {
	case PACKET_SEC_IMPACT:
	case PACKET_SEC_SOURCE:
		return "impact_table";
	case PACKET_SEC_ENDORSEMENTS:
		return "endorsements";
	case PACKET_SEC_PERFORMANCE:
		return "three_p";
	case PACKET_SEC_PRINCIPLES:
		return "principles";
	case PACKET_SEC_TIMELINE:
		return "timeline";
	case PACKET_SEC_NARRATIVE:
		return "narrative";
	case PACKET_SEC_SLIDES:
		return "slides";
	}
	return "?";
}
