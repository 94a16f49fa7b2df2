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
#include <pthread.h>
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

static void cmd_fsrs_report(const struct replay *in);

/*
 * How the replay runs (issue 20: the whole command at least 50 times as
 * fast as ts-fsrs, memory growing with the cards and not the reviews).
 *
 * The input is gone over twice, a line at a time, never held whole unless
 * it is not a regular file: a checker reads every line for bad ones (the
 * first pass), while a replayer parses the same lines again and runs the
 * scheduler (the second pass). Each has its own card table (replay.c
 * numbers cards in order of first appearance, so both number them alike).
 * The replayer hands its results over in blocks through a ring of
 * CMD_FSRS_NBLOCKS blocks; once the checker has found no bad line, the
 * same thread becomes the writer: it formats the blocks (with the ids from
 * its own table) and writes them. The scheduling is shared out by card:
 * the replayer reviews the even-numbered cards, the writer the odd ones as
 * it meets their lines (each card's reviews stay in order on one thread).
 * Nothing reaches stdout before every line was checked; memory is the card
 * tables, the ring and a few 1 MB buffers. The checker-writer runs on a
 * second thread; when one cannot be started, the main thread checks first
 * and then writes each block as it fills.
 */
#define CMD_FSRS_CHUNK ((size_t)1 << 20)
#define CMD_FSRS_BLOCK 4096 /* steps in a block of the ring */
#define CMD_FSRS_NBLOCKS 8  /* blocks in the ring */

/* The input of one pass: a regular file read in chunks, or memory. */
struct cmd_fsrs_in {
	int fd;	     /* the regular file read with pread; -1: all of it is in buf */
	off_t start; /* fd's offset where the input starts */
	off_t size;  /* bytes of input (fd only): the file's size when opened */
	off_t done;  /* bytes read so far (fd only) */
	char *buf;   /* owned when own */
	int own;     /* buf is this pass's to free */
	size_t cap;  /* bytes allocated at buf */
	size_t pos;  /* start of the next line in buf */
	size_t end;  /* bytes of input in buf */
	int eof;     /* nothing more to read into buf */
	int first;   /* nothing handed out yet (to drop a BOM) */
	size_t line; /* number of the line last handed out */
	int err;     /* errno of a failed read; 0 */
};

/* Opens stdin for the two passes: *a and *b read it independently. */
static int
cmd_fsrs_in_open(struct cmd_fsrs_in *a, struct cmd_fsrs_in *b)
{
	struct stat st;
	off_t start;

	memset(a, 0, sizeof *a);
	a->fd = -1;
	if (fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) &&
	    (start = lseek(STDIN_FILENO, 0, SEEK_CUR)) >= 0) {
		a->fd = STDIN_FILENO;
		a->start = start;
		a->size = st.st_size > start ? st.st_size - start : 0;
		a->first = 1;
		*b = *a;
		a->cap = b->cap = CMD_FSRS_CHUNK;
		a->buf = xmalloc(a->cap);
		b->buf = xmalloc(b->cap);
		a->own = b->own = 1;
		return 0;
	}
	if ((a->buf = slurp("-", &a->end)) == NULL)
		return -1;
	a->eof = 1; /* slurp dropped the BOM */
	*b = *a;
	a->own = 1;
	return 0;
}

static void
cmd_fsrs_in_close(struct cmd_fsrs_in *in)
{
	if (in->own)
		free(in->buf);
	in->buf = NULL;
}

/* Reads more into buf, keeping its unread part. Returns 0, or -1 (in->err). */
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
	if ((off_t)want > in->size - in->done)
		want = (size_t)(in->size - in->done);
	do
		got = want > 0 ? pread(in->fd, in->buf + in->end, want, in->start + in->done) : 0;
	while (got < 0 && errno == EINTR);
	if (got < 0) {
		in->err = errno;
		return -1;
	}
	if (got == 0)
		in->eof = 1;
	in->end += (size_t)got;
	in->done += got;
	return 0;
}

/*
 * Sets *s and *n to the next line (without its newline; valid until the
 * next call). Returns 1, 0 at the end of the input, or -1 (in->err).
 */
static int
cmd_fsrs_in_line(struct cmd_fsrs_in *in, const char **s, size_t *n)
{
	char *nl;

	for (;;) {
		if (in->first && (in->end - in->pos >= 3 || in->eof)) {
			in->first = 0;
			if (in->end - in->pos >= 3 &&
			    memcmp(in->buf + in->pos, "\xef\xbb\xbf", 3) == 0)
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

/* One replayed review, as the writer needs it. */
struct cmd_fsrs_step {
	int64_t secs;	/* unix seconds of the review */
	int64_t day;	/* its day number (for the writer's cards) */
	int64_t due;	/* unix ms of the next review */
	double s, d, r; /* stability, difficulty after; R before (NaN: new) */
	uint64_t hash;	/* the card id's hash: the writer checks its own card has it */
	uint32_t card;	/* card index (both tables number cards alike) */
	int32_t ivl;	/* interval in days */
	int8_t rating;	/* 1..4 */
	int8_t state;	/* enum fsrs_state after */
	int8_t done;	/* 1: scheduled by the replayer; 0: the writer's card, to schedule */
};

/* What the replayer and the checker-writer share. */
struct cmd_fsrs_job {
	/* set before the threads start, then read-only */
	const struct fsrs_params *p;
	int rollover;
	int threaded; /* the checker-writer runs on its own thread */
	/* the checker-writer's own */
	struct cmd_fsrs_in in1;
	struct replay *rp1;	  /* the first pass's table and messages */
	struct fsrs_model model;  /* the parameters' model, for the writer's cards */
	struct fsrs_card *wsched; /* the writer's cards' states, by card index */
	char *out;		  /* CMD_FSRS_CHUNK bytes */
	size_t outlen;
	/* the replayer's own */
	struct cmd_fsrs_in in2;
	struct replay *rp2;
	/* the ring, under mu */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct cmd_fsrs_step *ring; /* CMD_FSRS_NBLOCKS * CMD_FSRS_BLOCK */
	size_t count[CMD_FSRS_NBLOCKS];
	size_t head;   /* blocks published by the replayer */
	size_t tail;   /* blocks written by the writer; head - tail <= CMD_FSRS_NBLOCKS */
	int done;      /* the replayer published its last block */
	int checked;   /* the first pass is over: check_rc tells how it went */
	int check_rc;  /* EXIT_OK; EXIT_USER: bad lines; EXIT_ENV: cannot read */
	int check_err; /* errno of a failed read in the first pass */
	int write_rc;  /* EXIT_OK; EXIT_ENV: cannot write; EXIT_USER: the passes disagree */
	int write_err; /* errno of a failed write */
};

/* The first pass: checks every line. */
static void
cmd_fsrs_check(struct cmd_fsrs_job *job)
{
	struct replay_rec rec;
	const char *s;
	size_t n;
	int got;

	while ((got = cmd_fsrs_in_line(&job->in1, &s, &n)) > 0)
		replay_line(job->rp1, s, n, job->in1.line, &rec);
	job->check_rc = got < 0 ? EXIT_ENV : job->rp1->nbad != 0 ? EXIT_USER : EXIT_OK;
	job->check_err = job->in1.err;
}

/*
 * Reviews card *fc (named c) at secs, on day (clamped to its last day: a
 * change of UTC offset can move a later time to an earlier local day, which
 * counts as the same day). Sets *rb to R before. Returns 0, or -1 (cannot
 * happen on checked input).
 */
static int
cmd_fsrs_review(const struct fsrs_params *p, const struct fsrs_model *model, struct fsrs_card *fc,
		const struct replay_card *c, int64_t secs, int64_t day, int rating, double *rb)
{
	if (fc->state != FSRS_NEW && day < fc->last_day)
		day = fc->last_day;
	return fsrs_review_model(model, fc, secs * 1000, day, (enum fsrs_rating)rating,
				 p->fuzz ? fsrs_fuzz_seed(c->hash, fc->reps + 1) : 0, fc,
				 rb) == FSRS_OK
		   ? 0
		   : -1;
}

/* Writes job->out to stdout and empties it; returns -1 with errno on failure. */
static int
cmd_fsrs_flush(struct cmd_fsrs_job *job)
{
	size_t n = job->outlen;

	job->outlen = 0;
	return n == 0 || fwrite(job->out, 1, n, stdout) == n ? 0 : -1;
}

/* Formats and writes one block of n steps. */
static void
cmd_fsrs_write_block(struct cmd_fsrs_job *job, const struct cmd_fsrs_step *st, size_t n)
{
	const struct replay *rp = job->rp1;
	struct replay_rec rec;
	struct fsrs_card after;
	double rb;

	memset(&after, 0, sizeof after);
	for (size_t i = 0; i < n && job->write_rc == EXIT_OK; i++) {
		if (st[i].card >= rp->ncards || rp->cards[st[i].card].hash != st[i].hash) {
			job->write_rc = EXIT_USER; /* stdin changed between the passes */
			break;
		}
		if (CMD_FSRS_CHUNK - job->outlen < REPLAY_STEP_MAX && cmd_fsrs_flush(job) != 0) {
			job->write_rc = EXIT_ENV;
			job->write_err = errno;
			break;
		}
		rec.secs = st[i].secs;
		rec.rating = st[i].rating;
		if (st[i].done) {
			after.state = (enum fsrs_state)st[i].state;
			after.stability = st[i].s;
			after.difficulty = st[i].d;
			after.scheduled_days = st[i].ivl;
			after.due = st[i].due;
			rb = st[i].r;
		} else if (cmd_fsrs_review(job->p, &job->model, &job->wsched[st[i].card],
					   &rp->cards[st[i].card], st[i].secs, st[i].day,
					   st[i].rating, &rb) == 0) {
			after = job->wsched[st[i].card];
		} else {
			job->write_rc = EXIT_USER; /* cannot happen on checked input */
			break;
		}
		job->outlen += replay_format_step(job->out + job->outlen, &rp->cards[st[i].card],
						  &rec, &after, rb);
	}
}

/* The writer's last flush: records a failure unless one is recorded. */
static void
cmd_fsrs_end_write(struct cmd_fsrs_job *job)
{
	if (job->write_rc == EXIT_OK &&
	    (cmd_fsrs_flush(job) != 0 || fflush(stdout) != 0 || ferror(stdout))) {
		job->write_rc = EXIT_ENV;
		job->write_err = errno;
	}
}

/* After a good first pass: the header, and the writer's cards. */
static void
cmd_fsrs_start_write(struct cmd_fsrs_job *job)
{
	memcpy(job->out, REPLAY_HEADER, sizeof REPLAY_HEADER - 1);
	job->outlen = sizeof REPLAY_HEADER - 1;
	fsrs_model_init(&job->model, job->p);
	job->wsched = xcalloc(job->rp1->ncards + 1, sizeof *job->wsched);
}

/* The checker-writer's thread: the first pass, then the writer. */
static void *
cmd_fsrs_writer(void *arg)
{
	struct cmd_fsrs_job *job = arg;
	size_t blk;

	cmd_fsrs_check(job);
	pthread_mutex_lock(&job->mu);
	job->checked = 1;
	pthread_cond_broadcast(&job->cv);
	pthread_mutex_unlock(&job->mu);
	if (job->check_rc != EXIT_OK)
		return NULL;
	cmd_fsrs_start_write(job);
	for (;;) {
		pthread_mutex_lock(&job->mu);
		while (job->head == job->tail && !job->done)
			pthread_cond_wait(&job->cv, &job->mu);
		if (job->head == job->tail) {
			pthread_mutex_unlock(&job->mu);
			break;
		}
		blk = job->tail % CMD_FSRS_NBLOCKS;
		pthread_mutex_unlock(&job->mu);
		if (job->write_rc == EXIT_OK)
			cmd_fsrs_write_block(job, job->ring + blk * CMD_FSRS_BLOCK,
					     job->count[blk]);
		pthread_mutex_lock(&job->mu);
		job->tail++;
		pthread_cond_broadcast(&job->cv);
		pthread_mutex_unlock(&job->mu);
	}
	cmd_fsrs_end_write(job);
	return NULL;
}

/*
 * Publishes the replayer's current block of n steps. Returns 0 to go on,
 * -1 when the writer will write nothing (bad lines, or the first pass
 * could not read).
 */
static int
cmd_fsrs_publish(struct cmd_fsrs_job *job, size_t n)
{
	int rc = 0;

	if (!job->threaded) { /* checked already: write it now */
		cmd_fsrs_write_block(job, job->ring, n);
		return 0;
	}
	pthread_mutex_lock(&job->mu);
	job->count[job->head % CMD_FSRS_NBLOCKS] = n;
	job->head++;
	pthread_cond_broadcast(&job->cv);
	while (job->head - job->tail >= CMD_FSRS_NBLOCKS &&
	       !(job->checked && job->check_rc != EXIT_OK))
		pthread_cond_wait(&job->cv, &job->mu);
	if (job->checked && job->check_rc != EXIT_OK)
		rc = -1;
	pthread_mutex_unlock(&job->mu);
	return rc;
}

/*
 * The replayer: the second pass. Returns EXIT_OK, or EXIT_USER when a line
 * the first pass found good is bad now (stdin changed).
 */
static int
cmd_fsrs_replayer(struct cmd_fsrs_job *job)
{
	struct fsrs_card *sched = NULL;
	size_t schedcap = 0, n = 0;
	struct fsrs_model model;
	struct replay_rec rec;
	struct cmd_fsrs_step *step = job->ring;
	const char *s;
	size_t len;
	int rc = EXIT_OK, got, kind;

	fsrs_model_init(&model, job->p);
	while ((got = cmd_fsrs_in_line(&job->in2, &s, &len)) > 0) {
		const struct replay_card *c;
		struct fsrs_card *fc;
		double rb;

		kind = replay_line(job->rp2, s, len, job->in2.line, &rec);
		if (kind == REPLAY_SKIP)
			continue;
		if (kind != REPLAY_REVIEW) {
			rc = EXIT_USER; /* the first pass reports it, or stdin changed */
			break;
		}
		if (rec.card >= schedcap) {
			size_t cap = schedcap ? schedcap * 2 : 1024;

			sched = xrealloc(sched, cap * sizeof *sched);
			memset(sched + schedcap, 0, (cap - schedcap) * sizeof *sched);
			schedcap = cap;
		}
		c = &job->rp2->cards[rec.card];
		step[n].secs = rec.secs;
		step[n].day = rec.day;
		step[n].hash = c->hash;
		step[n].card = (uint32_t)rec.card;
		step[n].rating = (int8_t)rec.rating;
		/* The cards are shared out by index: the replayer schedules the
		 * even ones, the writer the odd ones as it writes them, which
		 * evens out the two threads' work. */
		step[n].done = (rec.card & 1) == 0;
		if (step[n].done) {
			fc = &sched[rec.card];
			if (cmd_fsrs_review(job->p, &model, fc, c, rec.secs, rec.day, rec.rating,
					    &rb) != 0) {
				rc = EXIT_USER; /* cannot happen on checked input */
				break;
			}
			step[n].due = fc->due;
			step[n].s = fc->stability;
			step[n].d = fc->difficulty;
			step[n].r = rb;
			step[n].ivl = fc->scheduled_days;
			step[n].state = (int8_t)fc->state;
		}
		if (++n == CMD_FSRS_BLOCK) {
			if (cmd_fsrs_publish(job, n) != 0)
				goto done;
			n = 0;
			step = job->ring + (job->head % CMD_FSRS_NBLOCKS) * CMD_FSRS_BLOCK;
		}
	}
	if (got < 0)
		rc = EXIT_USER; /* the first pass reports a read error, or stdin changed */
	if (rc == EXIT_OK && n > 0)
		cmd_fsrs_publish(job, n);
done:
	free(sched);
	return rc;
}

/* Runs both passes; reports and returns the exit status. */
static int
cmd_fsrs_run(const struct fsrs_params *p, int rollover)
{
	struct cmd_fsrs_job job;
	pthread_t writer;
	int rc, replay_rc;

	memset(&job, 0, sizeof job);
	job.p = p;
	job.rollover = rollover;
	if (cmd_fsrs_in_open(&job.in1, &job.in2) != 0) {
		app_err("cannot read stdin: %s", strerror(errno));
		return EXIT_ENV;
	}
	/* The checker needs no days, only to know that every time converts:
	 * with a 64-bit time_t, localtime_r cannot fail for years 1..9999 (it
	 * fails only when the year overflows an int), so it is not asked. */
	job.rp1 = replay_new(rollover, sizeof(time_t) >= 8 ? NULL : cmd_fsrs_utc_offset, NULL);
	job.rp2 = replay_new(rollover, cmd_fsrs_utc_offset, NULL);
	job.out = xmalloc(CMD_FSRS_CHUNK);
	job.ring = xmalloc((size_t)CMD_FSRS_NBLOCKS * CMD_FSRS_BLOCK * sizeof *job.ring);
	pthread_mutex_init(&job.mu, NULL);
	pthread_cond_init(&job.cv, NULL);
	job.threaded = pthread_create(&writer, NULL, cmd_fsrs_writer, &job) == 0;
	if (job.threaded) {
		replay_rc = cmd_fsrs_replayer(&job);
		pthread_mutex_lock(&job.mu);
		job.done = 1;
		pthread_cond_broadcast(&job.cv);
		pthread_mutex_unlock(&job.mu);
		pthread_join(writer, NULL);
	} else {
		cmd_fsrs_check(&job);
		job.checked = 1;
		replay_rc = EXIT_OK;
		if (job.check_rc == EXIT_OK) {
			cmd_fsrs_start_write(&job);
			replay_rc = cmd_fsrs_replayer(&job);
			cmd_fsrs_end_write(&job);
		}
	}
	if (job.check_rc == EXIT_ENV) {
		app_err("cannot read stdin: %s", strerror(job.check_err));
		rc = EXIT_ENV;
	} else if (job.check_rc == EXIT_USER) {
		cmd_fsrs_report(job.rp1);
		rc = EXIT_USER;
	} else if (replay_rc != EXIT_OK && job.rp2->nerrors > 0) {
		cmd_fsrs_report(job.rp2); /* a line the checker could not see as bad */
		rc = EXIT_USER;
	} else if (replay_rc != EXIT_OK || job.write_rc == EXIT_USER) {
		app_err("stdin changed while it was read; the output stops there");
		rc = EXIT_ENV;
	} else if (job.write_rc != EXIT_OK) {
		app_err("cannot write the output: %s", strerror(job.write_err));
		rc = EXIT_ENV;
	} else {
		rc = EXIT_OK;
	}
	pthread_cond_destroy(&job.cv);
	pthread_mutex_destroy(&job.mu);
	free(job.ring);
	free(job.wsched);
	free(job.out);
	replay_free(job.rp1);
	replay_free(job.rp2);
	cmd_fsrs_in_close(&job.in1);
	cmd_fsrs_in_close(&job.in2);
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
	return cmd_fsrs_run(&p, rollover);
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
