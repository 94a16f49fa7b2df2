/*
 * cmd_fsrs: `drill fsrs replay`, which runs a review history given as TSV
 * on stdin through the scheduler and prints every step (docs/fsrs.md).
 *
 * All input is read and checked (by replay.c) before anything is written:
 * a bad line is reported as "drill fsrs replay: line N: message" and
 * nothing reaches stdout. Days are local calendar days with a rollover
 * hour, from each timestamp's own UTC offset (localtime_r, tm_gmtoff), so
 * TZ=UTC with --rollover 0 gives the UTC days ts-fsrs uses.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "fsrs.h"
#include "replay.h"
#include "slurp.h"
#include "util.h"

static const char cmd_fsrs_usage[] =
	"usage: drill fsrs replay [--retention R] [--params w0,...,w20] [--no-steps]\n"
	"                         [--rollover HOUR] [--fuzz] < history.tsv\n"
	"\n"
	"Runs a review history through the FSRS-6 scheduler and prints each step.\n"
	"Input, one review per line (tab-separated; blank lines and #comments skipped):\n"
	"  card_id  unix_seconds  rating(1 again, 2 hard, 3 good, 4 easy)\n"
	"Each card's lines must be in time order; cards may interleave.\n"
	"Output: a header line, then one line per review:\n"
	"  card_id unix_seconds rating state_after stability difficulty\n"
	"  retrievability_before interval_days due_unix\n"
	"\n"
	"  --retention R     desired retention, 0.70 to 0.99 (default 0.9)\n"
	"  --params LIST     21 comma-separated weights (19 or 17 from older FSRS\n"
	"                    are migrated); each must lie in its allowed range\n"
	"  --no-steps        no learning or relearning steps: every answer is\n"
	"                    scheduled in whole days\n"
	"  --rollover HOUR   local hour (0-23) at which a new day starts (default 4)\n"
	"  --fuzz            spread intervals, seeded by card id and review number\n"
	"\n"
	"Days are local calendar days ($TZ); TZ=UTC with --rollover 0 matches ts-fsrs.\n"
	"See docs/fsrs.md.\n";

/*
 * Writes x as the shortest decimal that reads back as the same double, in
 * plain notation ("2.3065", "10", "0.00012"). The scheduler's values are
 * rounded to 8 decimals, so the first attempt nearly always succeeds.
 */
static void
cmd_fsrs_fmt(double x, char *buf, size_t len)
{
	char sci[40];
	char *end;
	int p, e, dec;
	size_t n;

	if (!isfinite(x)) {
		snprintf(buf, len, "%s", "nan");
		return;
	}
	snprintf(buf, len, "%.8f", x);
	if (strtod(buf, NULL) == x) {
		n = strlen(buf);
		while (n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (n > 0 && buf[n - 1] == '.')
			buf[--n] = '\0';
		if (strcmp(buf, "-0") == 0)
			snprintf(buf, len, "0");
		return;
	}
	for (p = 1; p <= 17; p++) {
		snprintf(sci, sizeof sci, "%.*e", p - 1, x);
		if (strtod(sci, NULL) == x)
			break;
	}
	end = strchr(sci, 'e');
	e = end != NULL ? atoi(end + 1) : 0;
	dec = p - 1 - e;
	if (dec < 0)
		dec = 0;
	snprintf(buf, len, "%.*f", dec, x);
}

/* The UTC offset of local time at secs, for replay_parse ($TZ). */
static int
cmd_fsrs_utc_offset(int64_t secs, int32_t *utc_offset, void *ctx)
{
	time_t t = (time_t)secs;
	struct tm tm;

	(void)ctx;
	if ((int64_t)t != secs || localtime_r(&t, &tm) == NULL)
		return -1;
	*utc_offset = (int32_t)tm.tm_gmtoff;
	return 0;
}

static int64_t
cmd_fsrs_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if (a % b != 0 && (a < 0) != (b < 0))
		q--;
	return q;
}

/* Replays the checked records and writes the output. */
static int
cmd_fsrs_replay_run(const struct fsrs_params *p, const struct replay *in)
{
	struct fsrs_card *sched = xcalloc(in->ncards ? in->ncards : 1, sizeof *sched);
	char s[48], d[48], r[48];
	int rc = EXIT_OK;

	fputs("card_id\tunix_seconds\trating\tstate_after\tstability\tdifficulty\t"
	      "retrievability_before\tinterval_days\tdue_unix\n", stdout);
	for (size_t i = 0; i < in->nrecs; i++) {
		const struct replay_card *c = &in->cards[in->recs[i].card];
		struct fsrs_card *fc = &sched[in->recs[i].card];
		int64_t day = in->recs[i].day;
		double rb;
		int st;

		/* A change of UTC offset can move a later time to an earlier
		 * local day; count such a review as same-day. */
		if (fc->state != FSRS_NEW && day < fc->last_day)
			day = fc->last_day;
		st = fsrs_review(p, fc, in->recs[i].secs * 1000, day,
				 (enum fsrs_rating)in->recs[i].rating,
				 fsrs_fuzz_seed(c->hash, fc->reps + 1), fc, &rb);
		if (st != FSRS_OK) {
			/* cannot happen on checked input */
			app_err("card \"%s\": %s", c->id, fsrs_status_text(st));
			rc = EXIT_USER;
			goto done;
		}
		cmd_fsrs_fmt(fc->stability, s, sizeof s);
		cmd_fsrs_fmt(fc->difficulty, d, sizeof d);
		if (isnan(rb))
			snprintf(r, sizeof r, "-");
		else
			cmd_fsrs_fmt(rb, r, sizeof r);
		printf("%s\t%" PRId64 "\t%d\t%s\t%s\t%s\t%s\t%d\t%" PRId64 "\n", c->id,
		       in->recs[i].secs, in->recs[i].rating, fsrs_state_name(fc->state), s, d, r,
		       (int)fc->scheduled_days, cmd_fsrs_floor_div(fc->due, 1000));
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		app_err("cannot write the output: %s", strerror(errno));
		rc = EXIT_ENV;
	}
done:
	free(sched);
	return rc;
}

/* Prints what is wrong with the input, as "line N: message" each. */
static void
cmd_fsrs_report(const struct replay *in)
{
	for (size_t i = 0; i < in->nerrors; i++)
		app_err("line %zu: %s", in->errors[i].line, in->errors[i].msg);
	if (in->nbad > in->nerrors)
		app_err("%zu more bad lines not shown", in->nbad - in->nerrors);
}

/* Reads "w0,w1,..." into p via fsrs_params_set_weights. */
static int
cmd_fsrs_parse_params(struct fsrs_params *p, const char *text, char *err, size_t errlen)
{
	double w[FSRS_NWEIGHTS + 1];
	size_t n = 0;
	const char *s = text;
	char *end;

	for (;;) {
		while (*s == ' ')
			s++;
		if (n == FSRS_NWEIGHTS + 1) {
			snprintf(err, errlen, "more than %d weights", FSRS_NWEIGHTS);
			return -1;
		}
		errno = 0;
		w[n] = strtod(s, &end);
		if (end == s || errno == ERANGE) {
			snprintf(err, errlen, "weight %zu is not a number", n);
			return -1;
		}
		n++;
		s = end;
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		if (*s != ',') {
			snprintf(err, errlen, "weight %zu: unexpected \"%c\"", n - 1, *s);
			return -1;
		}
		s++;
	}
	return fsrs_params_set_weights(p, w, n, err, errlen);
}

static int
cmd_fsrs_replay(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"retention", required_argument, NULL, 'r'},
		{"params", required_argument, NULL, 'p'},
		{"no-steps", no_argument, NULL, 'n'},
		{"rollover", required_argument, NULL, 'o'},
		{"fuzz", no_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{"db", required_argument, NULL, 'D'},
		{"seed", required_argument, NULL, 'S'},
		{NULL, 0, NULL, 0},
	};
	struct fsrs_params p;
	struct replay *in = NULL;
	char *text = NULL;
	size_t len = 0;
	const char *weights = NULL;
	char err[256];
	int rollover = 4, c, idx, rc = EXIT_OK;
	char *end;

	fsrs_params_default(&p);
	opterr = 0;
	optind = 0; /* glibc: restart scanning on this argv */
	while ((c = getopt_long(argc, argv, "+h", opts, &idx)) != -1) {
		switch (c) {
		case 'r':
			errno = 0;
			p.retention = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || errno != 0) {
				app_err("--retention: \"%s\" is not a number",
					optarg);
				return EXIT_USER;
			}
			break;
		case 'p':
			weights = optarg;
			break;
		case 'n':
			p.nlearning = 0;
			p.nrelearning = 0;
			break;
		case 'o': {
			long h;

			errno = 0;
			h = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || errno != 0 || h < 0 || h > 23) {
				app_err("--rollover: \"%s\" is not an hour from 0 to 23",
					optarg);
				return EXIT_USER;
			}
			rollover = (int)h;
			break;
		}
		case 'f':
			p.fuzz = true;
			break;
		case 'h':
			fputs(cmd_fsrs_usage, stdout);
			return EXIT_OK;
		case 'D':
		case 'S':
			if (app_common_option(app, opts[idx].name, optarg) < 0)
				return EXIT_USER;
			break;
		default:
			app_err("unknown option or missing argument: %s "
				"(see drill fsrs --help)",
				optind > 0 && optind <= argc ? argv[optind - 1] : "?");
			return EXIT_USER;
		}
	}
	if (optind < argc) {
		app_err("unexpected argument \"%s\" (the history is read from stdin)",
			argv[optind]);
		return EXIT_USER;
	}
	if (weights != NULL && cmd_fsrs_parse_params(&p, weights, err, sizeof err) != 0) {
		app_err("--params: %s", err);
		return EXIT_USER;
	}
	if (fsrs_params_validate(&p, err, sizeof err) != 0) {
		app_err("%s", err);
		return EXIT_USER;
	}
	tzset();
	if ((text = slurp("-", &len)) == NULL) {
		app_err("cannot read stdin: %s", strerror(errno));
		rc = EXIT_ENV;
	}
	if (rc == EXIT_OK && replay_parse(text, len, rollover, cmd_fsrs_utc_offset, NULL, &in) != 0) {
		cmd_fsrs_report(in);
		rc = EXIT_USER;
	}
	if (rc == EXIT_OK)
		rc = cmd_fsrs_replay_run(&p, in);
	replay_free(in);
	free(text);
	return rc;
}

int
cmd_fsrs(struct app *app, int argc, char **argv)
{
	if (argc < 2) {
		fputs(cmd_fsrs_usage, stderr);
		return EXIT_USER;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(cmd_fsrs_usage, stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "replay") == 0) {
		app_set_command("fsrs replay");
		return cmd_fsrs_replay(app, argc - 1, argv + 1);
	}
	app_err("unknown subcommand \"%s\"", argv[1]);
	fputs(cmd_fsrs_usage, stderr);
	return EXIT_USER;
}
