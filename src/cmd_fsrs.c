/*
 * cmd_fsrs: `drill fsrs replay`, which runs a review history given as TSV
 * on stdin through the scheduler and prints every step (docs/fsrs.md).
 *
 * All input is read and checked before anything is written: a bad line is
 * reported as "drill: line N: message" and nothing reaches stdout. Days are
 * local calendar days with a rollover hour, from each timestamp's own UTC
 * offset (localtime_r, tm_gmtoff), so TZ=UTC with --rollover 0 gives the
 * UTC days ts-fsrs uses.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "fsrs.h"
#include "rng.h"
#include "slurp.h"
#include "util.h"

#define CMD_FSRS_MAX_ID 256
#define CMD_FSRS_MAX_ERRORS 50
/* 0001-01-01 .. 9999-12-31 UTC: what localtime_r and the output can hold */
#define CMD_FSRS_MIN_TIME INT64_C(-62135596800)
#define CMD_FSRS_MAX_TIME INT64_C(253402300799)

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

/* One input review, checked. */
struct cmd_fsrs_rec {
	size_t card;     /* index into the card table */
	int64_t secs;    /* unix seconds */
	int64_t day;     /* local day number */
	int rating;      /* 1..4 */
};

/* A card seen in the input, with its scheduling state during the replay. */
struct cmd_fsrs_card {
	const char *id;  /* points into the input buffer */
	uint64_t hash;   /* rng_hash(id): table key and fuzz card key */
	int64_t last_secs;
	size_t last_line;
	struct fsrs_card sched;
};

/* Cards by id: open addressing over indexes into cards[]. */
struct cmd_fsrs_table {
	struct cmd_fsrs_card *cards;
	size_t ncards, cardcap;
	size_t *slots; /* index + 1; 0 = empty */
	size_t nslots; /* power of two */
};

static void
cmd_fsrs_table_free(struct cmd_fsrs_table *t)
{
	free(t->cards);
	free(t->slots);
}

static void
cmd_fsrs_table_grow(struct cmd_fsrs_table *t)
{
	size_t n = t->nslots ? t->nslots * 2 : 1024, i, j;
	size_t *slots = xcalloc(n, sizeof *slots);

	for (i = 0; i < t->ncards; i++) {
		j = (size_t)t->cards[i].hash & (n - 1);
		while (slots[j] != 0)
			j = (j + 1) & (n - 1);
		slots[j] = i + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = n;
}

/* Returns the index of card id, adding it if new. */
static size_t
cmd_fsrs_table_get(struct cmd_fsrs_table *t, const char *id)
{
	uint64_t h = rng_hash(id);
	size_t j;

	if ((t->ncards + 1) * 2 > t->nslots)
		cmd_fsrs_table_grow(t);
	j = (size_t)h & (t->nslots - 1);
	while (t->slots[j] != 0) {
		struct cmd_fsrs_card *c = &t->cards[t->slots[j] - 1];

		if (c->hash == h && strcmp(c->id, id) == 0)
			return t->slots[j] - 1;
		j = (j + 1) & (t->nslots - 1);
	}
	if (t->ncards == t->cardcap) {
		t->cardcap = t->cardcap ? t->cardcap * 2 : 256;
		t->cards = xrealloc(t->cards, t->cardcap * sizeof *t->cards);
	}
	memset(&t->cards[t->ncards], 0, sizeof t->cards[t->ncards]);
	t->cards[t->ncards].id = id;
	t->cards[t->ncards].hash = h;
	t->slots[j] = ++t->ncards;
	return t->ncards - 1;
}

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

static void
cmd_fsrs_line_error(size_t *nerr, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
cmd_fsrs_line_error(size_t *nerr, size_t line, const char *fmt, ...)
{
	va_list ap;

	if (++*nerr > CMD_FSRS_MAX_ERRORS)
		return;
	struct sbuf m = {0};
	va_start(ap, fmt);
	sbuf_vprintf(&m, fmt, ap);
	va_end(ap);
	app_err("line %zu: %s", line, m.buf);
	sbuf_free(&m);
}

static int
cmd_fsrs_parse_int(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (*s == '\0' || (*s != '-' && (*s < '0' || *s > '9')))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	*out = (int64_t)v;
	return 0;
}

/* The local day of unix time secs; -1 if the C library cannot convert it. */
static int
cmd_fsrs_day(int64_t secs, int rollover, int64_t *day)
{
	time_t t = (time_t)secs;
	struct tm tm;

	if ((int64_t)t != secs || localtime_r(&t, &tm) == NULL)
		return -1;
	*day = fsrs_day_number(secs * 1000, (int32_t)tm.tm_gmtoff, rollover);
	return 0;
}

/*
 * Checks one input line (already NUL-terminated, without the newline) and
 * appends it to recs. Returns 0, or -1 after reporting the problem.
 */
static int
cmd_fsrs_parse_line(char *s, size_t line, int rollover, struct cmd_fsrs_table *t,
		    struct cmd_fsrs_rec *rec, size_t *nerr)
{
	char *f[4];
	size_t nf = 0, idlen, i;
	int64_t secs, rating, day;
	struct cmd_fsrs_card *c;

	f[nf++] = s;
	for (; *s != '\0'; s++) {
		if (*s == '\t') {
			*s = '\0';
			if (nf == 4)
				break;
			f[nf++] = s + 1;
		}
	}
	if (nf != 3) {
		cmd_fsrs_line_error(nerr, line,
				    "expected 3 tab-separated fields (card_id, unix_seconds, "
				    "rating), found %s%zu", nf > 3 ? "at least " : "", nf);
		return -1;
	}
	idlen = strlen(f[0]);
	if (idlen == 0 || idlen > CMD_FSRS_MAX_ID) {
		cmd_fsrs_line_error(nerr, line, "card_id must be 1 to %d bytes",
				    CMD_FSRS_MAX_ID);
		return -1;
	}
	for (i = 0; i < idlen; i++) {
		if ((unsigned char)f[0][i] < 0x20 || f[0][i] == 0x7f) {
			cmd_fsrs_line_error(nerr, line, "card_id contains a control character");
			return -1;
		}
	}
	if (cmd_fsrs_parse_int(f[1], &secs) != 0 || secs < CMD_FSRS_MIN_TIME ||
	    secs > CMD_FSRS_MAX_TIME) {
		cmd_fsrs_line_error(nerr, line,
				    "unix_seconds \"%s\" is not a whole number of seconds "
				    "between years 1 and 9999", f[1]);
		return -1;
	}
	if (cmd_fsrs_parse_int(f[2], &rating) != 0 || rating < 1 || rating > 4) {
		cmd_fsrs_line_error(nerr, line,
				    "rating \"%s\" is not 1 (again), 2 (hard), 3 (good) or 4 (easy)",
				    f[2]);
		return -1;
	}
	if (cmd_fsrs_day(secs, rollover, &day) != 0) {
		cmd_fsrs_line_error(nerr, line, "cannot convert %s to local time", f[1]);
		return -1;
	}
	rec->card = cmd_fsrs_table_get(t, f[0]);
	c = &t->cards[rec->card];
	if (c->last_line != 0 && secs < c->last_secs) {
		cmd_fsrs_line_error(nerr, line,
				    "card \"%s\" at %" PRId64 " is earlier than its review on line %zu",
				    f[0], secs, c->last_line);
		return -1;
	}
	c->last_secs = secs;
	c->last_line = line;
	rec->secs = secs;
	rec->day = day;
	rec->rating = (int)rating;
	return 0;
}

/* Parses every line of buf into *recs. Returns the number of bad lines. */
static size_t
cmd_fsrs_parse_input(char *buf, int rollover, struct cmd_fsrs_table *t,
		     struct cmd_fsrs_rec **recs, size_t *nrecs)
{
	size_t cap = 0, line = 0, nerr = 0;
	char *s = buf, *next;

	*recs = NULL;
	*nrecs = 0;
	for (; *s != '\0'; s = next) {
		size_t len;

		next = strchr(s, '\n');
		if (next != NULL)
			*next++ = '\0';
		else
			next = s + strlen(s);
		line++;
		len = strlen(s);
		if (len > 0 && s[len - 1] == '\r')
			s[--len] = '\0';
		if (len == 0 || s[0] == '#')
			continue;
		if (*nrecs == cap) {
			cap = cap ? cap * 2 : 1024;
			*recs = xrealloc(*recs, cap * sizeof **recs);
		}
		if (cmd_fsrs_parse_line(s, line, rollover, t, &(*recs)[*nrecs], &nerr) == 0)
			(*nrecs)++;
	}
	if (nerr > CMD_FSRS_MAX_ERRORS)
		app_err("%zu more bad lines not shown",
			nerr - CMD_FSRS_MAX_ERRORS);
	return nerr;
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
cmd_fsrs_replay_run(const struct fsrs_params *p, struct cmd_fsrs_table *t,
		    const struct cmd_fsrs_rec *recs, size_t nrecs)
{
	char s[48], d[48], r[48];
	size_t i;

	fputs("card_id\tunix_seconds\trating\tstate_after\tstability\tdifficulty\t"
	      "retrievability_before\tinterval_days\tdue_unix\n", stdout);
	for (i = 0; i < nrecs; i++) {
		struct cmd_fsrs_card *c = &t->cards[recs[i].card];
		int64_t day = recs[i].day;
		double rb;
		int rc;

		/* A change of UTC offset can move a later time to an earlier
		 * local day; count such a review as same-day. */
		if (c->sched.state != FSRS_NEW && day < c->sched.last_day)
			day = c->sched.last_day;
		rc = fsrs_review(p, &c->sched, recs[i].secs * 1000, day,
				 (enum fsrs_rating)recs[i].rating,
				 fsrs_fuzz_seed(c->hash, c->sched.reps + 1), &c->sched, &rb);
		if (rc != FSRS_OK) {
			/* cannot happen on checked input */
			app_err("card \"%s\": %s", c->id,
				fsrs_status_text(rc));
			return EXIT_USER;
		}
		cmd_fsrs_fmt(c->sched.stability, s, sizeof s);
		cmd_fsrs_fmt(c->sched.difficulty, d, sizeof d);
		if (isnan(rb))
			snprintf(r, sizeof r, "-");
		else
			cmd_fsrs_fmt(rb, r, sizeof r);
		printf("%s\t%" PRId64 "\t%d\t%s\t%s\t%s\t%s\t%d\t%" PRId64 "\n", c->id,
		       recs[i].secs, recs[i].rating, fsrs_state_name(c->sched.state), s, d, r,
		       (int)c->sched.scheduled_days,
		       cmd_fsrs_floor_div(c->sched.due, 1000));
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		app_err("cannot write the output: %s",
			strerror(errno));
		return EXIT_ENV;
	}
	return EXIT_OK;
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
	struct cmd_fsrs_table table = {0};
	struct cmd_fsrs_rec *recs = NULL;
	char *in = NULL;
	size_t inlen = 0;
	const char *weights = NULL;
	char err[256];
	size_t nrecs = 0;
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
	if ((in = slurp("-", &inlen)) == NULL) {
		app_err("cannot read stdin: %s", strerror(errno));
		rc = EXIT_ENV;
	}
	if (rc == EXIT_OK && cmd_fsrs_parse_input(in, rollover, &table, &recs, &nrecs) != 0)
		rc = EXIT_USER;
	if (rc == EXIT_OK)
		rc = cmd_fsrs_replay_run(&p, &table, recs, nrecs);
	free(recs);
	cmd_fsrs_table_free(&table);
	free(in);
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
