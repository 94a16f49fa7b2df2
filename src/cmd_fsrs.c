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
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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

/*
 * The input, read a line at a time. A regular file is read in chunks of
 * CMD_FSRS_CHUNK, twice (checked, then replayed), so that memory grows with
 * the number of cards, not of reviews; anything else (a pipe, a terminal)
 * is read into memory once and gone over twice there.
 */
#define CMD_FSRS_CHUNK ((size_t)1 << 20)

struct cmd_fsrs_in {
	int fd;	     /* the regular file read in chunks; -1: all of it is in buf */
	off_t start; /* fd's offset where the input starts */
	off_t size;  /* bytes of input the first pass read (fd only) */
	off_t done;  /* bytes read so far in this pass (fd only) */
	char *buf;   /* owned */
	size_t cap;  /* bytes allocated at buf */
	size_t pos;  /* start of the next line in buf */
	size_t end;  /* bytes of input in buf */
	int eof;     /* nothing more to read into buf */
	int first;   /* nothing handed out yet in this pass (to drop a BOM) */
	size_t line; /* number of the line last handed out */
};

static int
cmd_fsrs_in_open(struct cmd_fsrs_in *in)
{
	struct stat st;

	memset(in, 0, sizeof *in);
	in->fd = -1;
	in->first = 1;
	if (fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) &&
	    (in->start = lseek(STDIN_FILENO, 0, SEEK_CUR)) >= 0) {
		in->fd = STDIN_FILENO;
		in->size = -1;
		in->cap = CMD_FSRS_CHUNK;
		in->buf = xmalloc(in->cap);
		return 0;
	}
	if ((in->buf = slurp("-", &in->end)) == NULL)
		return -1;
	in->first = 0; /* slurp dropped the BOM */
	in->eof = 1;
	return 0;
}

/* Starts the second pass over the same input. */
static int
cmd_fsrs_in_rewind(struct cmd_fsrs_in *in)
{
	in->pos = 0;
	in->line = 0;
	if (in->fd < 0)
		return 0;
	in->size = in->done;
	in->done = 0;
	in->end = 0;
	in->eof = 0;
	in->first = 1;
	return lseek(in->fd, in->start, SEEK_SET) == in->start ? 0 : -1;
}

/* Reads more into buf, keeping its unread part. Returns 0, or -1 with errno. */
static int
cmd_fsrs_in_fill(struct cmd_fsrs_in *in)
{
	ssize_t got;
	size_t want;

	if (in->pos > 0) {
		memmove(in->buf, in->buf + in->pos, in->end - in->pos);
		in->end -= in->pos;
		in->pos = 0;
	}
	if (in->end == in->cap) { /* a line longer than the buffer */
		in->cap *= 2;
		in->buf = xrealloc(in->buf, in->cap);
	}
	want = in->cap - in->end;
	if (in->size >= 0 && (off_t)want > in->size - in->done)
		want = (size_t)(in->size - in->done);
	do
		got = want > 0 ? read(in->fd, in->buf + in->end, want) : 0;
	while (got < 0 && errno == EINTR);
	if (got < 0)
		return -1;
	if (got == 0)
		in->eof = 1;
	in->end += (size_t)got;
	in->done += got;
	return 0;
}

/*
 * Sets *s and *n to the next line (without its newline; valid until the
 * next call). Returns 1, 0 at the end of the input, or -1 with errno.
 */
static int
cmd_fsrs_in_line(struct cmd_fsrs_in *in, const char **s, size_t *n)
{
	char *nl;

	for (;;) {
		if (in->first && (in->end - in->pos >= 3 || in->eof)) {
			in->first = 0;
			if (in->end - in->pos >= 3 && memcmp(in->buf + in->pos, "\xef\xbb\xbf", 3) == 0)
				in->pos += 3;
		}
		nl = in->first ? NULL : memchr(in->buf + in->pos, '\n', in->end - in->pos);
		if (nl != NULL || (in->eof && in->pos < in->end)) {
			*s = in->buf + in->pos;
			*n = nl != NULL ? (size_t)(nl - *s) : in->end - in->pos;
			in->pos += *n + (nl != NULL);
			in->line++;
			return 1;
		}
		if (in->eof)
			return 0;
		if (cmd_fsrs_in_fill(in) != 0)
			return -1;
	}
}

/* Checks every line of the input: the first pass. */
static int
cmd_fsrs_check(struct cmd_fsrs_in *in, struct replay *rp)
{
	struct replay_rec rec;
	const char *s;
	size_t n;
	int got;

	while ((got = cmd_fsrs_in_line(in, &s, &n)) > 0)
		replay_line(rp, s, n, in->line, &rec);
	if (got < 0) {
		app_err("cannot read stdin: %s", strerror(errno));
		return EXIT_ENV;
	}
	return EXIT_OK;
}

/* Writes out[0..*len) to stdout and empties it. */
static int
cmd_fsrs_flush(char *out, size_t *len)
{
	size_t n = *len;

	*len = 0;
	return n == 0 || fwrite(out, 1, n, stdout) == n ? 0 : -1;
}

/* Replays the checked input (the second pass) and writes the output. */
static int
cmd_fsrs_replay_run(const struct fsrs_params *p, struct cmd_fsrs_in *in, struct replay *rp)
{
	struct fsrs_card *sched = xcalloc(rp->ncards ? rp->ncards : 1, sizeof *sched);
	struct fsrs_model model;
	char *out = xmalloc(CMD_FSRS_CHUNK);
	size_t len = sizeof REPLAY_HEADER - 1, ncards = rp->ncards, n;
	struct replay_rec rec;
	const char *s;
	int rc = EXIT_OK, got, wr = 0;

	memcpy(out, REPLAY_HEADER, len);
	fsrs_model_init(&model, p);
	replay_rewind(rp);
	if (cmd_fsrs_in_rewind(in) != 0) {
		app_err("cannot read stdin again: %s", strerror(errno));
		rc = EXIT_ENV;
		goto done;
	}
	while ((got = cmd_fsrs_in_line(in, &s, &n)) > 0) {
		const struct replay_card *c;
		struct fsrs_card *fc;
		double rb;
		int kind = replay_line(rp, s, n, in->line, &rec), st;

		if (kind == REPLAY_SKIP)
			continue;
		if (kind != REPLAY_REVIEW || rp->ncards != ncards) {
			app_err("stdin changed while it was read (line %zu); nothing more is replayed",
				in->line);
			rc = EXIT_ENV;
			goto done;
		}
		c = &rp->cards[rec.card];
		fc = &sched[rec.card];
		/* A change of UTC offset can move a later time to an earlier
		 * local day; count such a review as same-day. */
		if (fc->state != FSRS_NEW && rec.day < fc->last_day)
			rec.day = fc->last_day;
		st = fsrs_review_model(&model, fc, rec.secs * 1000, rec.day,
				       (enum fsrs_rating)rec.rating,
				       fsrs_fuzz_seed(c->hash, fc->reps + 1), fc, &rb);
		if (st != FSRS_OK) {
			/* cannot happen on checked input */
			app_err("card \"%s\": %s", c->id, fsrs_status_text(st));
			rc = EXIT_USER;
			goto done;
		}
		if (CMD_FSRS_CHUNK - len < REPLAY_STEP_MAX && wr == 0)
			wr = cmd_fsrs_flush(out, &len);
		len += replay_format_step(out + len, c, &rec, fc, rb);
	}
	if (got < 0) {
		app_err("cannot read stdin again: %s", strerror(errno));
		rc = EXIT_ENV;
		goto done;
	}
	if (wr == 0)
		wr = cmd_fsrs_flush(out, &len);
	if (wr != 0 || fflush(stdout) != 0 || ferror(stdout)) {
		app_err("cannot write the output: %s", strerror(errno));
		rc = EXIT_ENV;
	}
done:
	if (rc != EXIT_OK && wr == 0)
		cmd_fsrs_flush(out, &len);
	free(out);
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
	struct cmd_fsrs_in src = {.fd = -1};
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
	if (cmd_fsrs_in_open(&src) != 0) {
		app_err("cannot read stdin: %s", strerror(errno));
		rc = EXIT_ENV;
	}
	if (rc == EXIT_OK) {
		in = replay_new(rollover, cmd_fsrs_utc_offset, NULL);
		rc = cmd_fsrs_check(&src, in);
	}
	if (rc == EXIT_OK && in->nbad != 0) {
		cmd_fsrs_report(in);
		rc = EXIT_USER;
	}
	if (rc == EXIT_OK)
		rc = cmd_fsrs_replay_run(&p, &src, in);
	replay_free(in);
	free(src.buf);
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
