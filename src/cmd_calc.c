/*
 * cmd_calc: `drill calc` (run one method of the impact catalogue on given
 * inputs, or list the catalogue) and `drill audit` (check a worked
 * calculation). Prints; the arithmetic lives in impact.c and audit.c.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "amount.h"
#include "audit.h"
#include "calc.h"
#include "cmd.h"
#include "impact.h"
#include "slurp.h"
#include "util.h"

/* JSON output: 12 significant digits is more than any input carries. */
#define CMD_CALC_JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(12))

static const char cmd_calc_usage[] =
    "usage: drill calc --list [--json]\n"
    "       drill calc METHOD name=value ... [--json]\n"
    "\n"
    "Runs one impact-calculation method on the inputs given and prints each\n"
    "step with its arithmetic, the annual figure, its level band (below_l6,\n"
    "l6, l6_stretch, between, l7, l7_strategic), the attribution band and the\n"
    "conservative figure to claim. Values are written the way people type\n"
    "them: traffic=150K before=2.3% after=3.1% aov=$65. Inputs with a default\n"
    "(attribution: 100%) may be left out. The method \"total\" adds up any\n"
    "named components: drill calc total labor=187K quality=145K.\n"
    "\n"
    "A percent without a % sign: a number above 1 is a percent (attribution=70\n"
    "is 70%), a number up to 1 is a fraction (attribution=0.8 is 80%, and\n"
    "drill says so on stderr). The JSON output gives percents as fractions, so\n"
    "its inputs can be passed back as they are; write a percent above 100% with\n"
    "its sign (improvement=150%).\n"
    "\n"
    "  --list   list the methods and their inputs\n"
    "  --json   print JSON instead of text\n"
    "  --help   show this help\n";

static const char cmd_audit_usage[] =
    "usage: drill audit [FILE|-] [--json]\n"
    "\n"
    "Checks a worked calculation written one step a line, e.g.\n"
    "  Monthly revenue: 1,200 x $65 = $78K\n"
    "Each step's left side is recomputed from the numbers as written: ok when\n"
    "it matches the stated result to the precision it is written with,\n"
    "imprecise when within 1%, wrong otherwise (with the right value). Lines\n"
    "without \"=\" are shown as context. Reads standard input without FILE or\n"
    "with \"-\". Exits 1 when a step is wrong.\n"
    "\n"
    "  --json   print JSON instead of text\n"
    "  --help   show this help\n";

/* Options shared by both commands. */
struct cmd_calc_opts {
	bool json, list, help;
	struct strv args; /* positional arguments, in order */
};

/*
 * Reads the options; returns EXIT_OK, or EXIT_USER after printing an
 * error. --db and --seed are accepted (and passed on) like everywhere.
 */
static int
cmd_calc_options(struct app *app, const char *cmd, int argc, char **argv, bool list_ok,
		 struct cmd_calc_opts *o)
{
	bool rest = false;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (rest || a[0] != '-' || strcmp(a, "-") == 0) {
			strv_push(&o->args, a);
		} else if (strcmp(a, "--") == 0) {
			rest = true;
		} else if (strcmp(a, "--json") == 0) {
			o->json = true;
		} else if (list_ok && strcmp(a, "--list") == 0) {
			o->list = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			o->help = true;
		} else if (strncmp(a, "--db", 4) == 0 || strncmp(a, "--seed", 6) == 0) {
			const char *name = a + 2, *eq = strchr(a, '='), *val;
			char opt[8];
			int rc;

			snprintf(opt, sizeof(opt), "%.*s",
				 (int)(eq != NULL ? (size_t)(eq - name) : strlen(name)), name);
			if (strcmp(opt, "db") != 0 && strcmp(opt, "seed") != 0)
				goto unknown;
			if (eq != NULL) {
				val = eq + 1;
			} else if (i + 1 < argc) {
				val = argv[++i];
			} else {
				app_err("%s: option --%s needs a value", cmd, opt);
				return EXIT_USER;
			}
			rc = app_common_option(app, opt, val);
			if (rc < 0)
				return EXIT_USER;
		} else {
			goto unknown;
		}
		continue;
	unknown:
		app_err("%s: unknown option \"%s\" (see drill %s --help)", cmd, a,
			cmd);
		return EXIT_USER;
	}
	return EXIT_OK;
}

/* Integral values print as JSON integers ("annual": 936000). */
static json_t *
cmd_calc_json_number(double v)
{
	if (!isfinite(v))
		return json_null();
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static void
cmd_calc_print_inputs_of(FILE *f, const struct impact_method *m)
{
	fprintf(f, "inputs of %s:\n", m->name);
	for (size_t i = 0; i < m->ninputs; i++) {
		const struct impact_input *in = &m->inputs[i];
		char d[AMOUNT_FORMAT_MAX + 16] = "";

		if (in->has_default) {
			char num[AMOUNT_FORMAT_MAX];
			amount_format_exact(in->dflt, in->kind, num, sizeof(num));
			snprintf(d, sizeof(d), ", default %s", num);
		}
		fprintf(f, "  %-20s %s%s: %s\n", in->name, amount_kind_name(in->kind), d, in->help);
	}
}

static int
cmd_calc_list(bool json)
{
	if (json) {
		json_t *root = json_object(), *methods = json_array();

		for (size_t i = 0; i < impact_method_count(); i++) {
			const struct impact_method *m = impact_method_at(i);
			json_t *jm = json_object(), *inputs = json_array();

			json_object_set_new(jm, "name", json_string(m->name));
			json_object_set_new(jm, "title", json_string(m->title));
			json_object_set_new(jm, "formula", json_string(m->formula));
			for (size_t j = 0; j < m->ninputs; j++) {
				const struct impact_input *in = &m->inputs[j];
				json_t *ji = json_object();
				json_object_set_new(ji, "name", json_string(in->name));
				json_object_set_new(ji, "kind",
						    json_string(amount_kind_name(in->kind)));
				json_object_set_new(ji, "help", json_string(in->help));
				json_object_set_new(ji, "default",
						    in->has_default ? cmd_calc_json_number(in->dflt)
								    : json_null());
				json_array_append_new(inputs, ji);
			}
			json_object_set_new(jm, "inputs", inputs);
			json_array_append_new(methods, jm);
		}
		json_object_set_new(root, "methods", methods);
		json_dumpf(root, stdout, CMD_CALC_JSON_FLAGS);
		fputc('\n', stdout);
		json_decref(root);
		return EXIT_OK;
	}
	for (size_t i = 0; i < impact_method_count(); i++) {
		const struct impact_method *m = impact_method_at(i);

		printf("%s%s: %s\n  %s\n", i ? "\n" : "", m->name, m->title, m->formula);
		for (size_t j = 0; j < m->ninputs; j++) {
			const struct impact_input *in = &m->inputs[j];
			char d[AMOUNT_FORMAT_MAX + 16] = "";

			if (in->has_default) {
				char num[AMOUNT_FORMAT_MAX];
				amount_format_exact(in->dflt, in->kind, num, sizeof(num));
				snprintf(d, sizeof(d), " (default %s)", num);
			}
			printf("    %-20s %-8s %s%s\n", in->name, amount_kind_name(in->kind),
			       in->help, d);
		}
	}
	return EXIT_OK;
}

/* One run of a method, ready to print. */
struct cmd_calc_run {
	const char *method;
	const char *title;
	const char *formula; /* NULL for free-named totals */
	struct calc_args args; /* the inputs, or a total's components */
	int attribution;       /* index of the attribution input, or -1 */
	struct impact_result res;
};

static void
cmd_calc_print_json(const struct cmd_calc_run *r)
{
	json_t *root = json_object(), *inputs = json_object(), *steps = json_array();
	double annual = r->res.annual;

	json_object_set_new(root, "method", json_string(r->method));
	for (size_t i = 0; i < r->args.n; i++)
		json_object_set_new(inputs, r->args.names[i],
				    cmd_calc_json_number(r->args.values[i]));
	json_object_set_new(root, "inputs", inputs);
	for (size_t i = 0; i < r->res.nsteps; i++) {
		const struct impact_step *s = &r->res.steps[i];
		json_t *js = json_object();
		json_object_set_new(js, "label", json_string(s->label));
		json_object_set_new(js, "expression", json_string(s->expression));
		json_object_set_new(js, "value", cmd_calc_json_number(s->value));
		json_array_append_new(steps, js);
	}
	json_object_set_new(root, "steps", steps);
	json_object_set_new(root, "annual", cmd_calc_json_number(annual));
	json_object_set_new(root, "level", json_string(impact_level_name(impact_level_of(annual))));
	json_object_set_new(root, "attribution_band",
			    r->attribution < 0
				? json_null()
				: json_string(impact_attribution_name(
				      impact_attribution_of(r->args.values[r->attribution]))));
	json_object_set_new(root, "conservative",
			    cmd_calc_json_number(impact_conservative(annual)));
	json_dumpf(root, stdout, CMD_CALC_JSON_FLAGS);
	fputc('\n', stdout);
	json_decref(root);
}

static void
cmd_calc_print_text(const struct cmd_calc_run *r)
{
	size_t w = 0;
	char num[AMOUNT_FORMAT_MAX];
	double annual = r->res.annual;

	printf("%s: %s\n", r->method, r->title);
	if (r->formula != NULL)
		printf("  %s\n", r->formula);
	printf("\ninputs\n");
	for (size_t i = 0; i < r->args.n; i++)
		if (strlen(r->args.names[i]) > w)
			w = strlen(r->args.names[i]);
	for (size_t i = 0; i < r->args.n; i++) {
		amount_format_exact(r->args.values[i], r->args.kinds[i], num, sizeof(num));
		printf("  %-*s  %s%s\n", (int)w, r->args.names[i], num,
		       r->args.defaulted[i] ? " (default)" : "");
	}
	printf("\nsteps\n");
	w = 0;
	for (size_t i = 0; i < r->res.nsteps; i++)
		if (strlen(r->res.steps[i].label) > w)
			w = strlen(r->res.steps[i].label);
	for (size_t i = 0; i < r->res.nsteps; i++) {
		const struct impact_step *s = &r->res.steps[i];
		printf("  %zu. %-*s  %s = %s\n", i + 1, (int)w, s->label, s->expression, s->text);
	}
	amount_format(annual, AMOUNT_MONEY, num, sizeof(num));
	printf("\nannual impact       %s\n", num);
	printf("level               %s (%s)\n", impact_level_name(impact_level_of(annual)),
	       impact_level_text(impact_level_of(annual)));
	if (r->attribution >= 0) {
		char pct[AMOUNT_FORMAT_MAX];
		amount_format_exact(r->args.values[r->attribution], AMOUNT_PERCENT, pct, sizeof(pct));
		printf("attribution band    %s (%s)\n",
		       impact_attribution_name(impact_attribution_of(r->args.values[r->attribution])),
		       pct);
	} else {
		printf("attribution band    none (the method has no attribution input)\n");
	}
	amount_format(impact_conservative(annual), AMOUNT_MONEY, num, sizeof(num));
	printf("conservative claim  %s\n", num);
}

/*
 * Reads the inputs (calc_read_args, the same reading a story's impact:
 * line gets) and runs the method. Notes on percents read as fractions go
 * to stderr before any error, in the order the words were given.
 */
static int
cmd_calc_method(const struct impact_method *m, const struct strv *args, struct cmd_calc_run *r)
{
	const char *const *words = (const char *const *)args->v + 1;
	size_t nwords = args->n - 1;
	char err[256], note[256];
	int rc = calc_read_args(m, words, nwords, &r->args, err, sizeof(err));

	r->attribution = r->args.total ? -1 : impact_input_index(m, "attribution");
	for (size_t i = 0; i < r->args.bad; i++)
		if (calc_args_note(&r->args, words, i, note, sizeof(note)))
			app_err("%s", note);
	if (rc != 0) {
		app_err("%s: %s", m->name, err);
		if (r->args.list_inputs)
			cmd_calc_print_inputs_of(stderr, m);
		return EXIT_USER;
	}
	if (calc_args_run(&r->args, &r->res, err, sizeof(err)) != 0) {
		app_err("%s: %s", m->name, err);
		return EXIT_USER;
	}
	return EXIT_OK;
}

int
cmd_calc(struct app *app, int argc, char **argv)
{
	struct cmd_calc_opts o = {0};
	struct cmd_calc_run r;
	const struct impact_method *m;
	int rc = cmd_calc_options(app, "calc", argc, argv, true, &o);

	memset(&r, 0, sizeof(r));
	if (rc != EXIT_OK)
		goto out;
	if (o.help) {
		fputs(cmd_calc_usage, stdout);
		goto out;
	}
	if (o.list) {
		if (o.args.n > 0) {
			app_err("--list takes no method or inputs");
			rc = EXIT_USER;
		} else {
			rc = cmd_calc_list(o.json);
		}
		goto out;
	}
	if (o.args.n == 0) {
		fputs(cmd_calc_usage, stderr);
		rc = EXIT_USER;
		goto out;
	}
	m = impact_method_find(o.args.v[0]);
	if (m == NULL) {
		struct sbuf names = {0};
		for (size_t i = 0; i < impact_method_count(); i++)
			sbuf_printf(&names, " %s", impact_method_at(i)->name);
		app_err("unknown method \"%s\"; methods:%s", o.args.v[0], names.buf);
		sbuf_free(&names);
		rc = EXIT_USER;
		goto out;
	}
	r.method = m->name;
	r.title = m->title;
	r.formula = strcmp(m->name, "total") == 0 ? NULL : m->formula;
	rc = cmd_calc_method(m, &o.args, &r);
	if (rc != EXIT_OK)
		goto out;
	if (o.json)
		cmd_calc_print_json(&r);
	else
		cmd_calc_print_text(&r);

out:
	strv_free(&o.args);
	return rc;
}


static void
cmd_audit_print_json(const struct audit_report *rep)
{
	json_t *root = json_object(), *steps = json_array();

	for (size_t i = 0; i < rep->n; i++) {
		const struct audit_step *s = &rep->steps[i];
		bool checked = s->status == AUDIT_OK || s->status == AUDIT_IMPRECISE ||
			       s->status == AUDIT_WRONG;
		json_t *js = json_object();

		json_object_set_new(js, "line", json_integer((json_int_t)s->line));
		json_object_set_new(js, "text", json_string(s->text));
		json_object_set_new(js, "status", json_string(audit_status_name(s->status)));
		json_object_set_new(js, "stated",
				    checked ? cmd_calc_json_number(s->stated) : json_null());
		json_object_set_new(js, "computed",
				    checked ? cmd_calc_json_number(s->computed) : json_null());
		json_array_append_new(steps, js);
	}
	json_object_set_new(root, "steps", steps);
	json_dumpf(root, stdout, CMD_CALC_JSON_FLAGS);
	fputc('\n', stdout);
	json_decref(root);
}

static void
cmd_audit_print_text(const struct audit_report *rep)
{
	size_t count[AUDIT_UNREADABLE + 1] = {0};

	for (size_t i = 0; i < rep->n; i++) {
		const struct audit_step *s = &rep->steps[i];

		count[s->status]++;
		printf("%4zu  %-10s  %s\n", s->line,
		       s->status == AUDIT_CONTEXT ? "" : audit_status_name(s->status), s->text);
		if (s->message != NULL)
			printf("%18s%s\n", "", s->message);
	}
	size_t steps = rep->n - count[AUDIT_CONTEXT];
	printf("\n%zu step%s: %zu ok, %zu imprecise, %zu wrong, %zu unreadable\n", steps,
	       steps == 1 ? "" : "s", count[AUDIT_OK], count[AUDIT_IMPRECISE], count[AUDIT_WRONG],
	       count[AUDIT_UNREADABLE]);
}

int
cmd_audit(struct app *app, int argc, char **argv)
{
	struct cmd_calc_opts o = {0};
	struct audit_report rep = {0};
	const char *path = "-";
	char *text = NULL;
	size_t len = 0;
	int rc = cmd_calc_options(app, "audit", argc, argv, false, &o);

	if (rc != EXIT_OK)
		goto out;
	if (o.help) {
		fputs(cmd_audit_usage, stdout);
		goto out;
	}
	if (o.args.n > 1) {
		app_err("one file at most");
		fputs(cmd_audit_usage, stderr);
		rc = EXIT_USER;
		goto out;
	}
	if (o.args.n == 1)
		path = o.args.v[0];
	text = slurp(path, &len);
	if (text == NULL) {
		app_err("cannot read %s: %s",
			strcmp(path, "-") == 0 ? "standard input" : path, strerror(errno));
		rc = EXIT_ENV;
		goto out;
	}
	audit_text(text, len, &rep);
	if (o.json)
		cmd_audit_print_json(&rep);
	else
		cmd_audit_print_text(&rep);
	for (size_t i = 0; i < rep.n; i++)
		if (rep.steps[i].status == AUDIT_WRONG)
			rc = EXIT_USER;

out:
	audit_report_free(&rep);
	free(text);
	strv_free(&o.args);
	return rc;
}
