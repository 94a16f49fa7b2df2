/*
 * cmd_packet: `drill packet` — the promotion packet of the candidate's
 * stories (docs/stories.md, "drill packet"), as Markdown or as JSON with
 * the same content, on standard output or written safely to a file. What
 * the packet holds is the pure module's (packet.h); this file reads the
 * story folder, works out today's date, renders and writes.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "amount.h"
#include "cmd.h"
#include "diag.h"
#include "impact.h"
#include "importer.h"
#include "packet.h"
#include "paths.h"
#include "principles.h"
#include "story.h"
#include "util.h"

#define CMD_PACKET_JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(10))
#define CMD_PACKET_ARROW " \xe2\x86\x92 " /* " → " */

static const char cmd_packet_usage[] =
    "usage: drill packet [--hc DATE] [--out FILE] [--json] [--stories DIR]\n"
    "\n"
    "The promotion packet your stories support, with every gap in it: the\n"
    "one-page impact table, the Three P's (performance, product impact, peer\n"
    "advocacy), the endorsements that name a metric, the principles shown in\n"
    "three stories, the narrative and the three slides drafted from your\n"
    "strongest story, and the timeline back to your data-gathering start.\n"
    "\n"
    "Options:\n"
    "  --hc DATE       the HC meeting (YYYY-MM-DD): adds the dated timeline\n"
    "  --out FILE      write the packet to FILE (replaced whole, never half\n"
    "                  written) instead of standard output\n"
    "  --json          the same content as JSON\n"
    "  --stories DIR   the story folder (default $DRILL_STORIES, else\n"
    "                  $XDG_DATA_HOME/drill/stories or ~/.local/share/drill/stories)\n"
    "\n"
    "Exit status: 0 (gaps are content, not errors), 1 for a bad date, no\n"
    "stories or story files with errors, 2 when a file cannot be read or written.\n";

/* ------------------------------------------------------------------ */
/* helpers                                                             */

/* Today's date where the user is (DRILL_NOW and TZ): a day number. */
static int64_t
cmd_packet_today(const struct app *app)
{
	time_t t = (time_t)(app->now_ms / 1000);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL)
		gmtime_r(&t, &tm);
	return packet_day(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/*
 * text on one line of Markdown: white space runs (line breaks too) as one
 * space; in a table cell '|' is escaped.
 */
static void
cmd_packet_md(struct sbuf *b, const char *text, bool cell)
{
	bool space = false;

	for (const char *p = text; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = true;
			continue;
		}
		if (space)
			sbuf_addc(b, ' ');
		space = false;
		if (cell && *p == '|')
			sbuf_addc(b, '\\');
		sbuf_addc(b, *p);
	}
}

static void
cmd_packet_money(double v, char buf[AMOUNT_FORMAT_MAX])
{
	amount_format_sig(v, AMOUNT_MONEY, 4, buf, AMOUNT_FORMAT_MAX);
}

static const char *
cmd_packet_phase_name(enum packet_phase ph)
{
	switch (ph) {
	case PACKET_BEFORE:
		return "before";
	case PACKET_IN_WINDOW:
		return "in_window";
	case PACKET_HC_DAY:
		return "hc_day";
	case PACKET_PAST:
		return "past";
	}
	return "?";
}

/* The sentence on where today falls, for the Markdown and the JSON. */
static char *
cmd_packet_phase_text(const struct packet *p)
{
	struct sbuf b = {0};
	char d[PACKET_DATE_MAX];
	long long n;

	switch (p->phase) {
	case PACKET_BEFORE:
		n = (long long)(p->steps[0].start - p->today);
		sbuf_printf(&b, "Data gathering starts in %lld day%s.", n, n == 1 ? "" : "s");
		break;
	case PACKET_IN_WINDOW:
		packet_date_format(p->steps[p->window].end, d);
		n = (long long)(p->steps[p->window].end - p->today);
		sbuf_printf(&b,
			    "Today falls in the window \"%s\", which closes on %s, in %lld day%s.",
			    p->steps[p->window].name, d, n, n == 1 ? "" : "s");
		if (p->today > p->latest_start)
			sbuf_adds(&b, " That is past the latest safe start.");
		break;
	case PACKET_HC_DAY:
		sbuf_adds(&b, "Today is the HC meeting.");
		break;
	case PACKET_PAST:
		n = (long long)(p->today - p->hc);
		sbuf_printf(&b, "This HC date is %lld day%s in the past.", n, n == 1 ? "" : "s");
		break;
	}
	return sbuf_take(&b);
}

/* ------------------------------------------------------------------ */
/* Markdown                                                            */

static void
cmd_packet_md_table(struct sbuf *b, const struct packet *p)
{
	char a[AMOUNT_FORMAT_MAX];

	sbuf_adds(b, "## Impact table\n\n");
	if (p->nrows == 0) {
		sbuf_adds(b, "No story has an impact: line yet.\n\n");
		return;
	}
	sbuf_adds(b, "| Story | Baseline | After | Net annual delta | Method | Source (validated:) "
		     "|\n|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < p->nrows; i++) {
		const struct packet_row *r = &p->rows[i];
		cmd_packet_money(r->annual, a);
		sbuf_adds(b, "| ");
		cmd_packet_md(b, r->story->title.value, true);
		sbuf_adds(b, " | ");
		cmd_packet_md(b, r->baseline != NULL ? r->baseline : "\xe2\x80\x94", true);
		sbuf_adds(b, " | ");
		cmd_packet_md(b, r->after, true);
		sbuf_printf(b, " | %s | %s | ", a, r->method);
		cmd_packet_md(b, r->source != NULL ? r->source : "none", true);
		sbuf_adds(b, " |\n");
	}
	cmd_packet_money(p->total, a);
	sbuf_printf(b, "| **Total** | | | **%s** | | |\n\n", a);
	if (p->nno_impact > 0) {
		sbuf_adds(b, "Not in the table (no impact: line): ");
		for (size_t i = 0; i < p->nno_impact; i++)
			sbuf_printf(b, "%s%s", i ? ", " : "", p->no_impact[i]->id);
		sbuf_adds(b, ".\n\n");
	}
}

static void
cmd_packet_md_three_p(struct sbuf *b, const struct packet *p)
{
	char a[AMOUNT_FORMAT_MAX];
	const struct story *top = p->strongest;

	sbuf_adds(b, "## Three P's\n\n**Performance**, the KPIs measured before and after:\n\n");
	for (size_t i = 0; i < p->nkpis; i++) {
		const struct packet_kpi *k = &p->kpis[i];
		sbuf_printf(b, "- %s: %s" CMD_PACKET_ARROW "%s (%s)\n", k->measure, k->before_text,
			    k->after_text, k->story->id);
	}
	if (p->nkpis == 0)
		sbuf_adds(b, "- none yet\n");
	cmd_packet_money(p->total, a);
	sbuf_printf(b, "\n**Product impact**: %s a year across %zu %s, the impact table's total.",
		    a, p->nrows, p->nrows == 1 ? "story" : "stories");
	if (top != NULL && top->has_annual) {
		cmd_packet_money(top->annual, a);
		sbuf_printf(b, " The largest, %s, is %s a year: %s.", top->id, a,
			    impact_level_text(impact_level_of(top->annual)));
	}
	sbuf_printf(b,
		    "\n\n**Peer advocacy**: %zu written endorsement%s, %zu naming a metric; the "
		    "target is %d that each name one.\n\n",
		    p->nendorsements, p->nendorsements == 1 ? "" : "s", p->with_metric,
		    PACKET_ENDORSEMENTS_TARGET);
}

static void
cmd_packet_md_endorsements(struct sbuf *b, const struct packet *p)
{
	sbuf_adds(b, "## Endorsements\n\n");
	if (p->nendorsements == 0) {
		sbuf_adds(b, "None yet.\n\n");
		return;
	}
	sbuf_adds(b, "| Endorser | Title | Story | Metric |\n|---|---|---|---|\n");
	for (size_t i = 0; i < p->nendorsements; i++) {
		const struct packet_endorsement *e = &p->endorsements[i];
		sbuf_adds(b, "| ");
		cmd_packet_md(b, e->e->name, true);
		sbuf_adds(b, " | ");
		cmd_packet_md(b, e->e->title, true);
		sbuf_printf(b, " | %s | ", e->story->id);
		cmd_packet_md(b, e->metric != NULL ? e->metric : "none", true);
		sbuf_adds(b, " |\n");
	}
	sbuf_addc(b, '\n');
}

/* The ids of the stories that show principle i: "a, b, c". */
static void
cmd_packet_principle_stories(struct sbuf *b, const struct story_set *set, int i)
{
	size_t n = 0;

	for (size_t k = 0; k < set->n; k++)
		if (story_shows(set->v[k], i))
			sbuf_printf(b, "%s%s", n++ ? ", " : "", set->v[k]->id);
}

static void
cmd_packet_md_principles(struct sbuf *b, const struct packet *p)
{
	bool any = false;

	sbuf_printf(b, "## Principles\n\nThe same principle in at least %d stories:\n\n",
		    STORY_TARGET);
	for (int i = 0; i < PRINCIPLE_COUNT; i++) {
		if (p->coverage.status[i] != STORY_COVERED)
			continue;
		sbuf_printf(b, "- %s: ", principle_at(i)->name);
		cmd_packet_principle_stories(b, p->set, i);
		sbuf_addc(b, '\n');
		any = true;
	}
	if (!any)
		sbuf_adds(b, "- none yet\n");
	any = false;
	for (int i = 0; i < PRINCIPLE_COUNT; i++) {
		if (p->coverage.count[i] != STORY_TARGET - 1)
			continue;
		if (!any)
			sbuf_adds(b, "\nOne story short:\n\n");
		sbuf_printf(b, "- %s: ", principle_at(i)->name);
		cmd_packet_principle_stories(b, p->set, i);
		sbuf_addc(b, '\n');
		any = true;
	}
	sbuf_addc(b, '\n');
}

static void
cmd_packet_md_story(struct sbuf *b, const struct packet *p)
{
	sbuf_printf(b,
		    "## Narrative\n\nFrom %s, the strongest story (the largest annual figure by "
		    "the engine). Say it the same way in the email, on the slides and in the "
		    "debrief.\n\n> ",
		    p->strongest->id);
	cmd_packet_md(b, p->narrative, false);
	sbuf_adds(b, "\n\n## Slides\n\n");
	for (int i = 0; i < PACKET_SLIDE_COUNT; i++) {
		sbuf_printf(b, "%d. **%s**\n", i + 1, p->slides[i].title);
		for (int j = 0; j < PACKET_SLIDE_POINTS; j++) {
			sbuf_adds(b, "   - ");
			cmd_packet_md(b, p->slides[i].points[j].text, false);
			sbuf_addc(b, '\n');
		}
	}
	sbuf_addc(b, '\n');
}

static void
cmd_packet_md_timeline(struct sbuf *b, const struct packet *p)
{
	char d1[PACKET_DATE_MAX], d2[PACKET_DATE_MAX];
	long long away = (long long)(p->hc - p->today);
	char *status;

	packet_date_format(p->hc, d1);
	packet_date_format(p->today, d2);
	sbuf_printf(b, "## Timeline\n\nBack-scheduled from the HC meeting on %s (", d1);
	if (away >= 0)
		sbuf_printf(b, "%lld day%s from today, %s", away, away == 1 ? "" : "s", d2);
	else
		sbuf_printf(b, "%lld day%s before today, %s", -away, away == -1 ? "" : "s", d2);
	sbuf_printf(b, "): four windows back to back, %d days in all.\n\n", PACKET_DAYS_FULL);
	sbuf_adds(b, "| Step | Start | End | Days |\n|---|---|---|---|\n");
	for (int i = 0; i < PACKET_STEP_COUNT; i++) {
		packet_date_format(p->steps[i].start, d1);
		packet_date_format(p->steps[i].end, d2);
		sbuf_printf(b, "| %s | %s | %s | %lld |\n", p->steps[i].name, d1, d2,
			    (long long)(p->steps[i].end - p->steps[i].start));
	}
	packet_date_format(p->latest_start, d1);
	status = cmd_packet_phase_text(p);
	sbuf_printf(b,
		    "\nThe latest safe start is %s, %d days before HC: the last three windows "
		    "stay whole and data gathering shrinks to %d days. %s\n\n",
		    d1, PACKET_LATEST_START,
		    PACKET_LATEST_START - (PACKET_DAYS_FULL - PACKET_DAYS_DATA), status);
	free(status);
}

static char *
cmd_packet_markdown(const struct packet *p, const char *dir, size_t nfiles_stories)
{
	struct sbuf b = {0};
	char d[PACKET_DATE_MAX];

	packet_date_format(p->today, d);
	sbuf_printf(&b,
		    "# Promotion packet\n\n%zu %s from %s, as of %s. Every figure is the impact "
		    "engine's, from the stories' impact: lines.\n\n",
		    nfiles_stories, nfiles_stories == 1 ? "story" : "stories", dir, d);
	cmd_packet_md_table(&b, p);
	cmd_packet_md_three_p(&b, p);
	cmd_packet_md_endorsements(&b, p);
	cmd_packet_md_principles(&b, p);
	cmd_packet_md_story(&b, p);
	if (p->has_hc)
		cmd_packet_md_timeline(&b, p);
	sbuf_adds(&b, "## Gaps\n\n");
	for (size_t i = 0; i < p->ngaps; i++) {
		sbuf_printf(&b, "%zu. ", i + 1);
		cmd_packet_md(&b, p->gaps[i].message, false);
		sbuf_addc(&b, '\n');
	}
	if (p->ngaps == 0)
		sbuf_adds(&b, "None: the packet is complete.\n");
	return sbuf_take(&b);
}

/* ------------------------------------------------------------------ */
/* JSON                                                                */

static json_t *
cmd_packet_str(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
cmd_packet_date(int64_t day)
{
	char d[PACKET_DATE_MAX];

	packet_date_format(day, d);
	return json_string(d);
}

static json_t *
cmd_packet_part(const struct packet_part *part)
{
	json_t *o = json_object();

	json_object_set_new(o, "text", json_string(part->text));
	json_object_set_new(o, "from", cmd_packet_str(part->from));
	json_object_set_new(o, "placeholder", json_boolean(part->placeholder));
	return o;
}

static json_t *
cmd_packet_principle_json(const struct story_set *set, int i)
{
	json_t *o = json_object(), *a = json_array();

	for (size_t k = 0; k < set->n; k++)
		if (story_shows(set->v[k], i))
			json_array_append_new(a, json_string(set->v[k]->id));
	json_object_set_new(o, "name", json_string(principle_at(i)->name));
	json_object_set_new(o, "stories", a);
	return o;
}

static json_t *
cmd_packet_json(const struct packet *p, const char *dir)
{
	json_t *root = json_object(), *a, *o, *x;
	static const char *const slot_names[PACKET_SLOT_COUNT] = {
	    "identified", "built", "delivered", "realised", "unlocked"};

	json_object_set_new(root, "date", cmd_packet_date(p->today));
	json_object_set_new(root, "stories_dir", json_string(dir));
	json_object_set_new(root, "stories", json_integer((json_int_t)p->set->n));

	/* impact_table */
	o = json_object();
	a = json_array();
	for (size_t i = 0; i < p->nrows; i++) {
		const struct packet_row *r = &p->rows[i];
		x = json_object();
		json_object_set_new(x, "story", json_string(r->story->id));
		json_object_set_new(x, "title", json_string(r->story->title.value));
		json_object_set_new(x, "baseline", cmd_packet_str(r->baseline));
		json_object_set_new(x, "after", json_string(r->after));
		json_object_set_new(x, "net_annual", json_real(r->annual));
		json_object_set_new(x, "method", json_string(r->method));
		json_object_set_new(x, "source", cmd_packet_str(r->source));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "rows", a);
	json_object_set_new(o, "total", json_real(p->total));
	a = json_array();
	for (size_t i = 0; i < p->nno_impact; i++)
		json_array_append_new(a, json_string(p->no_impact[i]->id));
	json_object_set_new(o, "without_impact", a);
	json_object_set_new(root, "impact_table", o);

	/* three_p */
	o = json_object();
	a = json_array();
	for (size_t i = 0; i < p->nkpis; i++) {
		const struct packet_kpi *k = &p->kpis[i];
		x = json_object();
		json_object_set_new(x, "story", json_string(k->story->id));
		json_object_set_new(x, "measure", json_string(k->measure));
		json_object_set_new(x, "kind", json_string(amount_kind_name(k->kind)));
		json_object_set_new(x, "before", json_real(k->before));
		json_object_set_new(x, "after", json_real(k->after));
		json_object_set_new(x, "text",
				    json_sprintf("%s: %s" CMD_PACKET_ARROW "%s", k->measure,
						 k->before_text, k->after_text));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "performance", a);
	x = json_object();
	json_object_set_new(x, "total", json_real(p->total));
	json_object_set_new(x, "stories", json_integer((json_int_t)p->nrows));
	if (p->strongest != NULL && p->strongest->has_annual) {
		json_object_set_new(x, "largest", json_string(p->strongest->id));
		json_object_set_new(x, "largest_annual", json_real(p->strongest->annual));
		json_object_set_new(
		    x, "largest_band",
		    json_string(impact_level_name(impact_level_of(p->strongest->annual))));
	} else {
		json_object_set_new(x, "largest", json_null());
		json_object_set_new(x, "largest_annual", json_null());
		json_object_set_new(x, "largest_band", json_null());
	}
	json_object_set_new(o, "product_impact", x);
	x = json_object();
	json_object_set_new(x, "endorsements", json_integer((json_int_t)p->nendorsements));
	json_object_set_new(x, "with_metric", json_integer((json_int_t)p->with_metric));
	json_object_set_new(x, "target", json_integer(PACKET_ENDORSEMENTS_TARGET));
	json_object_set_new(x, "met", json_boolean(p->with_metric >= PACKET_ENDORSEMENTS_TARGET));
	json_object_set_new(o, "peer_advocacy", x);
	json_object_set_new(root, "three_p", o);

	/* endorsements */
	o = json_object();
	json_object_set_new(o, "count", json_integer((json_int_t)p->nendorsements));
	json_object_set_new(o, "with_metric", json_integer((json_int_t)p->with_metric));
	json_object_set_new(o, "target", json_integer(PACKET_ENDORSEMENTS_TARGET));
	a = json_array();
	for (size_t i = 0; i < p->nendorsements; i++) {
		const struct packet_endorsement *e = &p->endorsements[i];
		x = json_object();
		json_object_set_new(x, "story", json_string(e->story->id));
		json_object_set_new(x, "name", json_string(e->e->name));
		json_object_set_new(x, "title", json_string(e->e->title));
		json_object_set_new(x, "metric", cmd_packet_str(e->metric));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "items", a);
	json_object_set_new(root, "endorsements", o);

	/* principles */
	o = json_object();
	json_object_set_new(o, "target", json_integer(STORY_TARGET));
	a = json_array();
	for (int i = 0; i < PRINCIPLE_COUNT; i++)
		if (p->coverage.status[i] == STORY_COVERED)
			json_array_append_new(a, cmd_packet_principle_json(p->set, i));
	json_object_set_new(o, "consistent", a);
	a = json_array();
	for (int i = 0; i < PRINCIPLE_COUNT; i++)
		if (p->coverage.count[i] == STORY_TARGET - 1)
			json_array_append_new(a, cmd_packet_principle_json(p->set, i));
	json_object_set_new(o, "one_short", a);
	json_object_set_new(root, "principles", o);

	/* narrative and slides */
	if (p->strongest != NULL) {
		o = json_object();
		json_object_set_new(o, "story", json_string(p->strongest->id));
		json_object_set_new(o, "text", json_string(p->narrative));
		x = json_object();
		for (int i = 0; i < PACKET_SLOT_COUNT; i++)
			json_object_set_new(x, slot_names[i], cmd_packet_part(&p->slots[i]));
		json_object_set_new(o, "slots", x);
		json_object_set_new(root, "narrative", o);
		a = json_array();
		for (int i = 0; i < PACKET_SLIDE_COUNT; i++) {
			json_t *pts = json_array();
			x = json_object();
			json_object_set_new(x, "title", json_string(p->slides[i].title));
			for (int j = 0; j < PACKET_SLIDE_POINTS; j++)
				json_array_append_new(pts,
						      cmd_packet_part(&p->slides[i].points[j]));
			json_object_set_new(x, "points", pts);
			json_array_append_new(a, x);
		}
		json_object_set_new(root, "slides", a);
	} else {
		json_object_set_new(root, "narrative", json_null());
		json_object_set_new(root, "slides", json_array());
	}

	/* hc and timeline */
	if (p->has_hc) {
		char *status = cmd_packet_phase_text(p);
		o = json_object();
		json_object_set_new(o, "date", cmd_packet_date(p->hc));
		json_object_set_new(o, "days_away", json_integer((json_int_t)(p->hc - p->today)));
		json_object_set_new(o, "latest_safe_start", cmd_packet_date(p->latest_start));
		json_object_set_new(o, "phase", json_string(cmd_packet_phase_name(p->phase)));
		json_object_set_new(o, "window",
				    p->phase == PACKET_IN_WINDOW
					? json_string(p->steps[p->window].name)
					: json_null());
		json_object_set_new(o, "status", json_string(status));
		free(status);
		json_object_set_new(root, "hc", o);
		a = json_array();
		for (int i = 0; i < PACKET_STEP_COUNT; i++) {
			x = json_object();
			json_object_set_new(x, "step", json_string(p->steps[i].name));
			json_object_set_new(x, "start", cmd_packet_date(p->steps[i].start));
			json_object_set_new(x, "end", cmd_packet_date(p->steps[i].end));
			json_object_set_new(
			    x, "days",
			    json_integer((json_int_t)(p->steps[i].end - p->steps[i].start)));
			json_array_append_new(a, x);
		}
		json_object_set_new(root, "timeline", a);
	} else {
		json_object_set_new(root, "hc", json_null());
		json_object_set_new(root, "timeline", json_null());
	}

	/* gaps */
	a = json_array();
	for (size_t i = 0; i < p->ngaps; i++) {
		x = json_object();
		json_object_set_new(x, "section",
				    json_string(packet_section_name(p->gaps[i].section)));
		json_object_set_new(x, "message", json_string(p->gaps[i].message));
		json_array_append_new(a, x);
	}
	json_object_set_new(root, "gaps", a);
	return root;
}

/* ------------------------------------------------------------------ */
/* writing                                                             */

/* ------------------------------------------------------------------ */

int
cmd_packet(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"hc", required_argument, NULL, 'c'}, {"out", required_argument, NULL, 'o'},
	    {"json", no_argument, NULL, 'j'},	  {"stories", required_argument, NULL, 0},
	    {"db", required_argument, NULL, 0},	  {"seed", required_argument, NULL, 0},
	    {"help", no_argument, NULL, 'h'},	  {NULL, 0, NULL, 0},
	};
	struct story_set set = {0};
	struct packet *p = NULL;
	const char *hc_text = NULL, *out = NULL;
	char *dir = NULL, *text = NULL, err[160];
	bool json = false, has_hc = false, missing = false;
	int64_t hc = 0, today;
	int c, idx, rc = EXIT_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
		switch (c) {
		case 0:
			if (app_common_option(app, opts[idx].name, optarg) < 0)
				return EXIT_USER;
			break;
		case 'c':
			hc_text = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'j':
			json = true;
			break;
		case 'h':
			fputs(cmd_packet_usage, stdout);
			return EXIT_OK;
		default:
			fputs(cmd_packet_usage, stderr);
			return EXIT_USER;
		}
	}
	if (optind < argc) {
		app_err("unexpected argument \"%s\" (drill packet --help lists the options)",
			argv[optind]);
		return EXIT_USER;
	}
	if (out != NULL && *out == '\0') {
		app_err("--out needs a file name");
		return EXIT_USER;
	}
	today = cmd_packet_today(app);
	if (hc_text != NULL) {
		if (packet_date_parse(hc_text, &hc, err, sizeof(err)) != 0) {
			app_err("--hc %s", err);
			return EXIT_USER;
		}
		has_hc = true;
	}

	rc = app_read_stories(app, &dir, &set, &missing);
	if (rc != EXIT_OK)
		goto out;
	if (missing) {
		app_err("there is no story folder at %s: write a story with drill story new, or "
			"name the folder with --stories DIR",
			dir);
		rc = EXIT_USER;
		goto out;
	}
	if (set.n == 0) {
		app_err("no stories in %s: write one with drill story new (docs/stories.md)", dir);
		rc = EXIT_USER;
		goto out;
	}

	p = packet_build(&set, today, has_hc, hc);
	if (has_hc && p->phase == PACKET_PAST) {
		char d1[PACKET_DATE_MAX], d2[PACKET_DATE_MAX];
		packet_date_format(hc, d1);
		packet_date_format(today, d2);
		app_err("the HC date %s is %lld day%s before today (%s): the timeline is in the "
			"past",
			d1, (long long)(today - hc), today - hc == 1 ? "" : "s", d2);
	}
	if (json) {
		json_t *root = cmd_packet_json(p, dir);
		char *s = json_dumps(root, CMD_PACKET_JSON_FLAGS);
		json_decref(root);
		if (s == NULL) {
			app_err("cannot write the packet as JSON");
			rc = EXIT_ENV;
			goto out;
		}
		text = xasprintf("%s\n", s);
		free(s);
	} else {
		text = cmd_packet_markdown(p, dir, set.n);
	}
	if (out == NULL) {
		fputs(text, stdout);
	} else if (app_write_file(out, text, strlen(text)) != 0) {
		app_err("cannot write %s: %s (nothing was written)", out, strerror(errno));
		rc = EXIT_ENV;
	} else {
		printf("Wrote the packet to %s: %zu gap%s to close.\n", out, p->ngaps,
		       p->ngaps == 1 ? "" : "s");
	}
out:
	free(text);
	packet_free(p);
	story_set_free(&set);
	free(dir);
	return rc;
}
