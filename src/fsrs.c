/*
 * fsrs: see fsrs.h. The comments name the ts-fsrs 5.4.2 function each part
 * mirrors; expressions keep the source's operation order so that the
 * doubles come out identical (FSRS6.md section 3).
 */
#include "fsrs.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rng.h"
#include "util.h"

#define FSRS_S_MIN 0.001
#define FSRS_S_MAX 36500.0
#define FSRS_W1718_CEILING 2.0
#define FSRS_RETENTION_MIN 0.70
#define FSRS_RETENTION_MAX 0.99
#define FSRS_STEP_MAX_MINUTES (36500 * 1440)

static const double fsrs_default_w[FSRS_NWEIGHTS] = {
	0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
	0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
	1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

/* ts-fsrs CLAMP_PARAMETERS with the w17/w18 ceiling at 2; w19's lower bound
 * is 0.01 with short-term scheduling and 0 without (fsrs_bounds). */
static const double fsrs_clamp_table[FSRS_NWEIGHTS][2] = {
	{0.001, 100.0}, {0.001, 100.0}, {0.001, 100.0}, {0.001, 100.0},
	{1.0, 10.0},    {0.001, 4.0},   {0.001, 4.0},   {0.001, 0.75},
	{0.0, 4.5},     {0.0, 0.8},     {0.001, 3.5},   {0.001, 5.0},
	{0.001, 0.25},  {0.001, 0.9},   {0.0, 4.0},     {0.0, 1.0},
	{1.0, 6.0},     {0.0, 2.0},     {0.0, 2.0},     {0.01, 0.8},
	{0.1, 0.8},
};

/* ---- numeric helpers (help.ts) ---- */

double
fsrs_js_round(double x)
{
	double r = floor(x);

	if (x - r >= 0.5)
		r += 1.0;
	return r;
}

double
fsrs_round8(double x)
{
	return fsrs_js_round(x * 100000000.0) / 100000000.0;
}

/* Math.max and Math.min for the values met here, which are never NaN;
 * written out because fmax and fmin are library calls on x86-64. */
static inline double
fsrs_max(double a, double b)
{
	return a > b ? a : b;
}

static inline double
fsrs_min(double a, double b)
{
	return a < b ? a : b;
}

/* Math.min(Math.max(x, lo), hi) */
static inline double
fsrs_clamp(double x, double lo, double hi)
{
	return fsrs_min(fsrs_max(x, lo), hi);
}

/*
 * +x.toFixed(8): the 8-decimal number nearest to the exact value of x,
 * halves away from zero, read back as a double. Used only by the FSRS-4.5
 * migration. The exact expansion comes from printf (exact in glibc for
 * these magnitudes); the rounding is done on the digits.
 */
static double
fsrs_to_fixed8(double x)
{
	char buf[160];
	char *dot;
	ptrdiff_t i;
	int len;

	len = snprintf(buf, sizeof buf, "%.90f", fabs(x));
	if (len <= 0 || (size_t)len >= sizeof buf)
		return fsrs_round8(x);
	dot = strchr(buf, '.');
	if (dot == NULL)
		return x;
	if (dot[9] >= '5') {
		/* Add one in the 8th decimal, carrying leftwards past the dot. */
		for (i = dot - buf + 8; i >= 0; i--) {
			if (buf[i] == '.')
				continue;
			if (buf[i] != '9') {
				buf[i]++;
				break;
			}
			buf[i] = '0';
		}
		if (i < 0) { /* 9.99999999|5 -> 10.00000000 */
			memmove(buf + 1, buf, strlen(buf) + 1);
			buf[0] = '1';
			dot++;
		}
	}
	dot[9] = '\0';
	return x < 0 ? -strtod(buf, NULL) : strtod(buf, NULL);
}

/* ---- parameters (constant.ts, default.ts) ---- */

static void
fsrs_bounds(bool short_term, size_t i, double *lo, double *hi)
{
	*lo = fsrs_clamp_table[i][0];
	*hi = fsrs_clamp_table[i][1];
	if (i == 19 && !short_term)
		*lo = 0.0;
}

void
fsrs_params_default(struct fsrs_params *p)
{
	memset(p, 0, sizeof *p);
	memcpy(p->w, fsrs_default_w, sizeof p->w);
	p->retention = 0.9;
	p->max_interval = FSRS_MAX_INTERVAL;
	p->short_term = true;
	p->fuzz = false;
	p->learning_steps[0] = 1;
	p->learning_steps[1] = 10;
	p->nlearning = 2;
	p->relearning_steps[0] = 10;
	p->nrelearning = 1;
}

static int
fsrs_check_weights(const double *w, size_t n, bool short_term, char *err,
		   size_t errlen)
{
	size_t i;
	double lo, hi;

	for (i = 0; i < n; i++) {
		if (!isfinite(w[i])) {
			errorf(err, errlen, "w%zu is not a finite number", i);
			return -1;
		}
		fsrs_bounds(short_term, i, &lo, &hi);
		if (w[i] < lo || w[i] > hi) {
			errorf(err, errlen, "w%zu = %.10g is outside [%g, %g]",
				  i, w[i], lo, hi);
			return -1;
		}
	}
	return 0;
}

int
fsrs_params_set_weights(struct fsrs_params *p, const double *w, size_t n,
			char *err, size_t errlen)
{
	double out[FSRS_NWEIGHTS];
	double lo, hi;
	size_t i;

	if (n != 21 && n != 19 && n != 17) {
		errorf(err, errlen,
			  "expected 21 weights (or 19 or 17 from older FSRS), got %zu", n);
		return -1;
	}
	if (fsrs_check_weights(w, n, p->short_term, err, errlen) != 0)
		return -1;
	memcpy(out, w, n * sizeof *w);
	if (n == 19) {
		/* migrateParameters: FSRS-5 had no w19 and a fixed decay. */
		out[19] = 0.0;
		out[20] = 0.5;
	} else if (n == 17) {
		out[4] = fsrs_to_fixed8(out[5] * 2.0 + out[4]);
		out[5] = fsrs_to_fixed8(log(out[5] * 3.0 + 1.0) / 3.0);
		out[6] = fsrs_to_fixed8(out[6] + 0.5);
		out[17] = 0.0;
		out[18] = 0.0;
		out[19] = 0.0;
		out[20] = 0.5;
	}
	/* ts-fsrs 5.4.2 clips again after migrating (clipParameters). */
	for (i = 0; i < FSRS_NWEIGHTS; i++) {
		fsrs_bounds(p->short_term, i, &lo, &hi);
		out[i] = fsrs_clamp(out[i], lo, hi);
	}
	memcpy(p->w, out, sizeof p->w);
	return 0;
}

static int
fsrs_check_steps(const char *name, const int32_t *steps, size_t n, char *err,
		 size_t errlen)
{
	size_t i;

	if (n > FSRS_MAX_STEPS) {
		errorf(err, errlen, "%s: at most %d steps", name, FSRS_MAX_STEPS);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (steps[i] < 1 || steps[i] > FSRS_STEP_MAX_MINUTES) {
			errorf(err, errlen,
				  "%s: step %zu is %d minutes, outside 1 minute to 36500 days",
				  name, i + 1, (int)steps[i]);
			return -1;
		}
	}
	return 0;
}

int
fsrs_params_validate(const struct fsrs_params *p, char *err, size_t errlen)
{
	if (!(p->retention >= FSRS_RETENTION_MIN && p->retention <= FSRS_RETENTION_MAX)) {
		errorf(err, errlen, "retention %g is outside [%.2f, %.2f]",
			  p->retention, FSRS_RETENTION_MIN, FSRS_RETENTION_MAX);
		return -1;
	}
	if (p->max_interval < 1 || p->max_interval > FSRS_MAX_INTERVAL) {
		errorf(err, errlen, "maximum interval %d is outside [1, %d] days",
			  (int)p->max_interval, FSRS_MAX_INTERVAL);
		return -1;
	}
	if (fsrs_check_steps("learning steps", p->learning_steps, p->nlearning,
			     err, errlen) != 0)
		return -1;
	if (fsrs_check_steps("relearning steps", p->relearning_steps,
			     p->nrelearning, err, errlen) != 0)
		return -1;
	return fsrs_check_weights(p->w, FSRS_NWEIGHTS, p->short_term, err, errlen);
}

bool
fsrs_params_is_valid(const struct fsrs_params *p)
{
	return fsrs_params_validate(p, NULL, 0) == 0;
}

/* ---- steps ---- */

int
fsrs_parse_steps(const char *text, int32_t *out, size_t max, size_t *n,
		 char *err, size_t errlen)
{
	const char *s = text;
	size_t count = 0;
	long long value, mult;
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0') {
		*n = 0;
		return 0;
	}
	for (;;) {
		const char *start;

		while (*s == ' ' || *s == '\t')
			s++;
		start = s;
		if (!isdigit((unsigned char)*s)) {
			errorf(err, errlen,
				  "step %zu: expected a whole number and m, h or d, as in \"10m\"",
				  count + 1);
			return -1;
		}
		errno = 0;
		value = strtoll(s, &end, 10);
		if (errno != 0 || value > FSRS_STEP_MAX_MINUTES) {
			errorf(err, errlen, "step %zu: too long", count + 1);
			return -1;
		}
		s = end;
		switch (*s) {
		case 'm': mult = 1; break;
		case 'h': mult = 60; break;
		case 'd': mult = 1440; break;
		default:
			errorf(err, errlen,
				  "step %zu (\"%.*s\"): the unit must be m, h or d",
				  count + 1, (int)(strcspn(start, ",")), start);
			return -1;
		}
		s++;
		if (value == 0) {
			errorf(err, errlen, "step %zu: a step must be at least 1 minute",
				  count + 1);
			return -1;
		}
		if (value * mult > FSRS_STEP_MAX_MINUTES) {
			errorf(err, errlen, "step %zu: longer than 36500 days", count + 1);
			return -1;
		}
		if (count == max) {
			errorf(err, errlen, "at most %zu steps", max);
			return -1;
		}
		out[count++] = (int32_t)(value * mult);
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		if (*s != ',') {
			errorf(err, errlen, "step %zu: unexpected \"%c\" after the unit",
				  count, *s);
			return -1;
		}
		s++;
	}
	*n = count;
	return 0;
}

size_t
fsrs_format_steps(const int32_t *steps, size_t n, char *buf, size_t len)
{
	char all[FSRS_MAX_STEPS * 16 + 1];
	size_t i, used = 0;
	int k;

	all[0] = '\0';
	for (i = 0; i < n && i < FSRS_MAX_STEPS; i++) {
		const char *sep = i ? "," : "";

		if (steps[i] % 1440 == 0)
			k = snprintf(all + used, sizeof all - used, "%s%dd", sep,
				     (int)(steps[i] / 1440));
		else if (steps[i] % 60 == 0)
			k = snprintf(all + used, sizeof all - used, "%s%dh", sep,
				     (int)(steps[i] / 60));
		else
			k = snprintf(all + used, sizeof all - used, "%s%dm", sep, (int)steps[i]);
		if (k > 0)
			used += (size_t)k;
	}
	if (len > 0)
		snprintf(buf, len, "%s", all);
	return used;
}

/* ---- days ---- */

static int64_t
fsrs_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

int64_t
fsrs_day_number(int64_t unix_ms, int32_t utc_offset_seconds, int rollover_hour)
{
	int64_t local = unix_ms + (int64_t)utc_offset_seconds * 1000 -
			(int64_t)rollover_hour * 3600000;

	return fsrs_floor_div(local, FSRS_MS_PER_DAY);
}

/* ---- the model (algorithm.ts) ---- */

/* init_stability */
static double
fsrs_init_s(const double *w, int g)
{
	return fsrs_max(w[g - 1], 0.1);
}

/* init_difficulty (unclamped) */
static double
fsrs_init_d(const double *w, int g)
{
	return fsrs_round8(w[4] - exp((double)(g - 1) * w[5]) + 1.0);
}

void
fsrs_model_init(struct fsrs_model *m, const struct fsrs_params *p)
{
	const double *w = p->w;

	m->p = p;
	m->w = w;
	m->decay = -w[20];
	m->factor = fsrs_round8(exp(pow(m->decay, -1.0) * log(0.9)) - 1.0);
	m->w17 = w[17];
	m->w18 = w[18];
	m->d0_easy = fsrs_init_d(w, FSRS_EASY);
	m->exp_w8 = exp(w[8]);
	if (p->nrelearning > 1) {
		/* clipParameters: keep a lapse from raising S over several
		 * relearning steps. w11, w13, w14 are already in range. */
		double value = -(log(w[11]) + log(pow(2.0, w[13]) - 1.0) + w[14] * 0.3) /
			       (double)p->nrelearning;
		double ceiling = fsrs_clamp(fsrs_round8(sqrt(fsrs_max(value, 0.0))), 0.01,
					    FSRS_W1718_CEILING);

		m->w17 = fsrs_clamp(m->w17, 0.0, ceiling);
		m->w18 = fsrs_clamp(m->w18, 0.0, ceiling);
	}
	m->ivl_mod = fsrs_round8((pow(p->retention, 1.0 / m->decay) - 1.0) / m->factor);
	m->u = 0.0;
}

/* Sets m->u, the review's fuzz draw, from seed. */
static void
fsrs_model_seed(struct fsrs_model *m, uint64_t seed)
{
	m->u = 0.0;
	if (m->p->fuzz) {
		struct rng r;

		rng_seed(&r, seed);
		m->u = rng_unit(&r);
	}
}

/* forgetting_curve */
static double
fsrs_model_r(const struct fsrs_model *m, int64_t t, double s)
{
	return fsrs_round8(pow(1.0 + (m->factor * (double)t) / s, m->decay));
}

/* calculate_interval_modifier */
static double
fsrs_model_ivl_modifier(const struct fsrs_model *m)
{
	return m->ivl_mod;
}

/* next_difficulty with linear_damping and mean_reversion */
static double
fsrs_next_d(const struct fsrs_model *m, double d, int g)
{
	const double *w = m->w;
	double delta_d = -w[6] * (double)(g - 3);
	double next_d = d + fsrs_round8((delta_d * (10.0 - d)) / 9.0);

	return fsrs_clamp(fsrs_round8(w[7] * m->d0_easy + (1.0 - w[7]) * next_d), 1.0,
			  10.0);
}

/*
 * The part of next_recall_stability that does not depend on the rating
 * (its power and exponential), so that one review's Hard, Good and Easy
 * compute it once (issue 20). Evaluated in the same order as the whole
 * expression, left to right, and the build has -ffp-contract=off, so the
 * results are the same to the bit.
 */
static double
fsrs_recall_core(const struct fsrs_model *m, double d, double s, double r)
{
	const double *w = m->w;

	return m->exp_w8 * (11.0 - d) * pow(s, -w[9]) * (exp((1.0 - r) * w[10]) - 1.0);
}

/* next_recall_stability from fsrs_recall_core's value. */
static double
fsrs_recall_s_core(const struct fsrs_model *m, double s, double core, int g)
{
	const double *w = m->w;
	double hard_penalty = g == FSRS_HARD ? w[15] : 1.0;
	double easy_bonus = g == FSRS_EASY ? w[16] : 1.0;

	return fsrs_round8(
	    fsrs_clamp(s * (1.0 + core * hard_penalty * easy_bonus), FSRS_S_MIN, FSRS_S_MAX));
}

/* next_recall_stability */
static double
fsrs_recall_s(const struct fsrs_model *m, double d, double s, double r, int g)
{
	return fsrs_recall_s_core(m, s, fsrs_recall_core(m, d, s, r), g);
}

/* next_forget_stability */
static double
fsrs_forget_s(const double *w, double d, double s, double r)
{
	return fsrs_round8(fsrs_clamp(w[11] * pow(d, -w[12]) *
					      (pow(s + 1.0, w[13]) - 1.0) *
					      exp((1.0 - r) * w[14]),
				      FSRS_S_MIN, FSRS_S_MAX));
}

/* next_short_term_stability */
static double
fsrs_short_s(const struct fsrs_model *m, double s, int g)
{
	const double *w = m->w;
	double sinc = pow(s, -w[19]) * exp(m->w17 * ((double)(g - 3) + m->w18));

	if (g >= FSRS_HARD)
		sinc = fsrs_max(sinc, 1.0);
	return fsrs_round8(fsrs_clamp(s * sinc, FSRS_S_MIN, FSRS_S_MAX));
}

/* next_state, stability part: the new S after grade g, t days after the
 * last review, with retrievability r = R(t, S). Not for a first review
 * (fsrs_init_s). The new D is fsrs_next_d. */
static double
fsrs_next_s(const struct fsrs_model *m, double d, double s, int64_t t, int g, double r)
{
	if (t == 0 && m->p->short_term)
		return fsrs_short_s(m, s, g);
	if (g == FSRS_AGAIN) {
		double s_fail = fsrs_forget_s(m->w, d, s, r);
		double w17 = 0.0, w18 = 0.0;

		if (m->p->short_term) {
			w17 = m->w17;
			w18 = m->w18;
		}
		return fsrs_clamp(fsrs_round8(s / exp(w17 * w18)), FSRS_S_MIN, s_fail);
	}
	return fsrs_recall_s(m, d, s, r, g);
}

/*
 * fsrs_next_s for a pass (Hard, Good or Easy), given core: the value of
 * fsrs_recall_core for the review, or anything when t == 0 in short-term
 * mode (the core is not used then; see fsrs_pass_core).
 */
static double
fsrs_pass_s(const struct fsrs_model *m, double s, int64_t t, double core, int g)
{
	if (t == 0 && m->p->short_term)
		return fsrs_short_s(m, s, g);
	return fsrs_recall_s_core(m, s, core, g);
}

/* The core fsrs_pass_s needs: computed only when it will be used. */
static double
fsrs_pass_core(const struct fsrs_model *m, double d, double s, int64_t t, double r)
{
	return t == 0 && m->p->short_term ? 0.0 : fsrs_recall_core(m, d, s, r);
}

/* get_fuzz_range */
void
fsrs_fuzz_range(int32_t ivl, int64_t elapsed_days, int32_t max_interval,
		int32_t *lo, int32_t *hi)
{
	static const double ranges[3][3] = {
		{2.5, 7.0, 0.15}, {7.0, 20.0, 0.1}, {20.0, INFINITY, 0.05}};
	double interval = (double)ivl;
	double delta = 1.0, min_ivl, max_ivl;
	size_t i;

	if (interval < 2.5) {
		*lo = *hi = ivl;
		return;
	}
	for (i = 0; i < 3; i++)
		delta += ranges[i][2] *
			 fsrs_max(fsrs_min(interval, ranges[i][1]) - ranges[i][0], 0.0);
	interval = fsrs_min(interval, (double)max_interval);
	min_ivl = fsrs_max(2.0, fsrs_js_round(interval - delta));
	max_ivl = fsrs_min(fsrs_js_round(interval + delta), (double)max_interval);
	if (interval > (double)elapsed_days)
		min_ivl = fsrs_max(min_ivl, (double)elapsed_days + 1.0);
	min_ivl = fsrs_min(min_ivl, max_ivl);
	*lo = (int32_t)min_ivl;
	*hi = (int32_t)max_ivl;
}

/* next_interval with apply_fuzz */
static int32_t
fsrs_next_interval(const struct fsrs_model *m, double ivl_mod, double s,
		   int64_t elapsed)
{
	double ivl = fsrs_min(fsrs_max(1.0, fsrs_js_round(s * ivl_mod)),
			  (double)m->p->max_interval);
	int32_t lo, hi;

	if (!m->p->fuzz || ivl < 2.5)
		return (int32_t)ivl;
	fsrs_fuzz_range((int32_t)ivl, elapsed, m->p->max_interval, &lo, &hi);
	return (int32_t)floor(m->u * (double)(hi - lo + 1) + (double)lo);
}

static void
fsrs_schedule_days(struct fsrs_card *c, int64_t now_ms, int32_t days)
{
	c->scheduled_days = days;
	c->due = now_ms + (int64_t)days * FSRS_MS_PER_DAY;
}

/*
 * BasicScheduler.applyLearningSteps with BasicLearningStepsStrategy: where
 * the step table sends grade g from the pre-review state, with the card's
 * new S already in c->stability.
 */
static void
fsrs_apply_steps(const struct fsrs_model *m, const struct fsrs_card *before,
		 int g, enum fsrs_state target, int64_t now_ms, int64_t elapsed,
		 struct fsrs_card *c)
{
	const struct fsrs_params *p = m->p;
	bool relearn = before->state == FSRS_REVIEW || before->state == FSRS_RELEARNING;
	const int32_t *steps = relearn ? p->relearning_steps : p->learning_steps;
	int64_t len = (int64_t)(relearn ? p->nrelearning : p->nlearning);
	int64_t cur = before->learning_steps;
	double minutes = 0.0;
	int32_t next = 0;

	if (len > 0 && cur < len) {
		if (before->state == FSRS_REVIEW) {
			if (g == FSRS_AGAIN)
				minutes = steps[cur < 0 ? 0 : cur];
		} else if (g == FSRS_AGAIN) {
			minutes = steps[0];
		} else if (g == FSRS_HARD) {
			minutes = len == 1 ? fsrs_js_round((double)steps[0] * 1.5)
					   : fsrs_js_round((double)(steps[0] + steps[1]) / 2.0);
			next = (int32_t)cur;
		} else if (g == FSRS_GOOD && cur + 1 >= 0 && cur + 1 < len &&
			   steps[cur + 1] != 0) {
			minutes = steps[cur + 1];
			next = (int32_t)(cur + 1);
		}
	}
	if (minutes < 0.0)
		minutes = 0.0;
	if (next < 0)
		next = 0;
	if (minutes > 0.0 && minutes < 1440.0) {
		c->learning_steps = next;
		c->scheduled_days = 0;
		c->state = target;
		c->due = now_ms + (int64_t)fsrs_js_round(minutes) * 60000;
	} else if (minutes >= 1440.0) {
		c->state = FSRS_REVIEW;
		c->learning_steps = next;
		c->due = now_ms + (int64_t)fsrs_js_round(minutes) * 60000;
		c->scheduled_days = (int32_t)floor(minutes / 1440.0);
	} else {
		c->state = FSRS_REVIEW;
		c->learning_steps = 0;
		fsrs_schedule_days(c, now_ms,
				   fsrs_next_interval(m, fsrs_model_ivl_modifier(m),
						      c->stability, elapsed));
	}
}

/* BasicScheduler (enable_short_term = true). */
static void
fsrs_review_basic(const struct fsrs_model *m, const struct fsrs_card *before,
		  int64_t now_ms, int64_t t, int g, double r, struct fsrs_card *c)
{
	const double *w = m->w;
	double d = before->difficulty, s = before->stability;

	switch (before->state) {
	case FSRS_NEW:
	case FSRS_LEARNING:
	case FSRS_RELEARNING:
		if (before->state == FSRS_NEW) {
			c->difficulty = fsrs_clamp(fsrs_init_d(w, g), 1.0, 10.0);
			c->stability = fsrs_init_s(w, g);
		} else {
			c->stability = fsrs_next_s(m, d, s, t, g, r);
			c->difficulty = fsrs_next_d(m, d, g);
		}
		fsrs_apply_steps(m, before, g,
				 before->state == FSRS_NEW ? FSRS_LEARNING : before->state,
				 now_ms, t, c);
		break;
	case FSRS_REVIEW:
		if (g == FSRS_AGAIN) {
			c->stability = fsrs_next_s(m, d, s, t, g, r);
			c->difficulty = fsrs_next_d(m, d, g);
			fsrs_apply_steps(m, before, g, FSRS_RELEARNING, now_ms, t, c);
			c->lapses++;
		} else {
			double ivl_mod = fsrs_model_ivl_modifier(m);
			double core = fsrs_pass_core(m, d, s, t, r);
			double s_hard = fsrs_pass_s(m, s, t, core, FSRS_HARD);
			double s_good = fsrs_pass_s(m, s, t, core, FSRS_GOOD), s_easy;
			int32_t hard, good, easy;

			hard = fsrs_next_interval(m, ivl_mod, s_hard, t);
			good = fsrs_next_interval(m, ivl_mod, s_good, t);
			hard = hard < good ? hard : good;
			good = good > hard + 1 ? good : hard + 1;
			if (g == FSRS_EASY) {
				s_easy = fsrs_pass_s(m, s, t, core, FSRS_EASY);
				easy = fsrs_next_interval(m, ivl_mod, s_easy, t);
				easy = easy > good + 1 ? easy : good + 1;
				c->stability = s_easy;
				fsrs_schedule_days(c, now_ms, easy);
			} else if (g == FSRS_GOOD) {
				c->stability = s_good;
				fsrs_schedule_days(c, now_ms, good);
			} else {
				c->stability = s_hard;
				fsrs_schedule_days(c, now_ms, hard);
			}
			c->difficulty = fsrs_next_d(m, d, g);
			c->state = FSRS_REVIEW;
			c->learning_steps = 0;
		}
		break;
	}
}

/* LongTermScheduler (enable_short_term = false): no steps, every answer
 * goes to Review and the four intervals are made increasing. */
static void
fsrs_review_long(const struct fsrs_model *m, const struct fsrs_card *before,
		 int64_t now_ms, int64_t t, int g, double r, struct fsrs_card *c)
{
	const double *w = m->w;
	double d = before->difficulty, s = before->stability;
	double ivl_mod = fsrs_model_ivl_modifier(m);
	double nd[5], ns[5];
	double core = before->state == FSRS_NEW ? 0.0 : fsrs_pass_core(m, d, s, t, r);
	int32_t ivl[5];
	int k;

	for (k = FSRS_AGAIN; k <= FSRS_EASY; k++) {
		if (before->state == FSRS_NEW) {
			nd[k] = fsrs_clamp(fsrs_init_d(w, k), 1.0, 10.0);
			ns[k] = fsrs_init_s(w, k);
		} else {
			ns[k] = k == FSRS_AGAIN ? fsrs_next_s(m, d, s, t, k, r)
						: fsrs_pass_s(m, s, t, core, k);
			nd[k] = fsrs_next_d(m, d, k);
		}
		ivl[k] = fsrs_next_interval(m, ivl_mod, ns[k], t);
	}
	ivl[1] = ivl[1] < ivl[2] ? ivl[1] : ivl[2];
	ivl[2] = ivl[2] > ivl[1] + 1 ? ivl[2] : ivl[1] + 1;
	ivl[3] = ivl[3] > ivl[2] + 1 ? ivl[3] : ivl[2] + 1;
	ivl[4] = ivl[4] > ivl[3] + 1 ? ivl[4] : ivl[3] + 1;
	c->difficulty = nd[g];
	c->stability = ns[g];
	c->state = FSRS_REVIEW;
	c->learning_steps = 0;
	fsrs_schedule_days(c, now_ms, ivl[g]);
	if (g == FSRS_AGAIN && before->state != FSRS_NEW)
		c->lapses++;
}

int
fsrs_review(const struct fsrs_params *p, const struct fsrs_card *before,
	    int64_t now_ms, int64_t now_day, enum fsrs_rating g,
	    uint64_t fuzz_seed, struct fsrs_card *after,
	    double *retrievability_before)
{
	struct fsrs_model m;

	fsrs_model_init(&m, p);
	return fsrs_review_model(&m, before, now_ms, now_day, g, fuzz_seed, after,
				 retrievability_before);
}

int
fsrs_review_model(const struct fsrs_model *model, const struct fsrs_card *before, int64_t now_ms,
		  int64_t now_day, enum fsrs_rating g, uint64_t fuzz_seed, struct fsrs_card *after,
		  double *retrievability_before)
{
	const struct fsrs_params *p = model->p;
	struct fsrs_model m = *model;
	struct fsrs_card c;
	int64_t t = 0;
	double r = NAN;
	int gi = (int)g;

	assert(fsrs_params_is_valid(p));
	if (gi < FSRS_AGAIN || gi > FSRS_EASY)
		return FSRS_ERR_RATING;
	if (!fsrs_card_is_valid(before))
		return FSRS_ERR_CARD;
	if (before->state != FSRS_NEW) {
		t = now_day - before->last_day;
		if (t < 0)
			return FSRS_ERR_TIME;
	}
	fsrs_model_seed(&m, fuzz_seed);
	c = *before;
	c.reps++;
	c.last_review = now_ms;
	c.last_day = now_day;
	if (before->state != FSRS_NEW)
		r = fsrs_model_r(&m, t, before->stability);
	if (p->short_term)
		fsrs_review_basic(&m, before, now_ms, t, gi, r, &c);
	else
		fsrs_review_long(&m, before, now_ms, t, gi, r, &c);
	*after = c;
	if (retrievability_before != NULL)
		*retrievability_before = r;
	return FSRS_OK;
}

uint64_t
fsrs_fuzz_seed(uint64_t card_key, int32_t review_number)
{
	struct rng r;

	rng_seed(&r, card_key ^ ((uint64_t)(uint32_t)review_number * 0xd1342543de82ef95ULL));
	return rng_next(&r);
}

double
fsrs_retrievability(const struct fsrs_params *p, const struct fsrs_card *card,
		    int64_t now_day)
{
	struct fsrs_model m;
	int64_t t;

	if (card->state == FSRS_NEW || card->stability < FSRS_S_MIN)
		return 0.0;
	fsrs_model_init(&m, p);
	t = now_day - card->last_day;
	if (t < 0)
		t = 0;
	return fsrs_model_r(&m, t, card->stability);
}

bool
fsrs_card_is_valid(const struct fsrs_card *card)
{
	double s = card->stability, d = card->difficulty;

	if (card->reps < 0 || card->lapses < 0 || card->learning_steps < 0 ||
	    card->scheduled_days < 0)
		return false;
	switch (card->state) {
	case FSRS_NEW:
		return s == 0.0 && d == 0.0;
	case FSRS_LEARNING:
	case FSRS_REVIEW:
	case FSRS_RELEARNING:
		return isfinite(s) && isfinite(d) && s >= FSRS_S_MIN &&
		       s <= FSRS_S_MAX && d >= 1.0 && d <= 10.0;
	}
	return false;
}

/* ---- names ---- */

static const char *const fsrs_state_names[] = {"new", "learning", "review", "relearning"};
static const char *const fsrs_rating_names[] = {"again", "hard", "good", "easy"};

const char *
fsrs_state_name(enum fsrs_state s)
{
	unsigned i = (unsigned)s;

	return i < 4 ? fsrs_state_names[i] : "?";
}

const char *
fsrs_rating_name(enum fsrs_rating g)
{
	unsigned i = (unsigned)g - 1u;

	return i < 4 ? fsrs_rating_names[i] : "?";
}

int
fsrs_state_from_name(const char *name)
{
	int i;

	for (i = 0; i < 4; i++)
		if (strcasecmp(name, fsrs_state_names[i]) == 0)
			return i;
	return -1;
}

int
fsrs_rating_from_name(const char *name)
{
	int i;

	for (i = 0; i < 4; i++)
		if (strcasecmp(name, fsrs_rating_names[i]) == 0)
			return i + 1;
	return -1;
}

const char *
fsrs_status_text(int status)
{
	switch (status) {
	case FSRS_OK: return "ok";
	case FSRS_ERR_RATING: return "rating must be 1 (again) to 4 (easy)";
	case FSRS_ERR_CARD: return "card state is out of range";
	case FSRS_ERR_TIME: return "review is on an earlier day than the previous one";
	}
	return "unknown error";
}
