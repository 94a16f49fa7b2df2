/* settings: see settings.h. */
#include "settings.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "plan.h"
#include "rng.h"
#include "store.h"
#include "util.h"

static const struct settings_key settings_table[] = {
	{"retention", "0.9", "desired retention, the chance of recall when a card is due (0.70-0.99)"},
	{"learning_steps", "1m,10m", "steps for new cards, e.g. 1m,10m (empty: none)"},
	{"relearning_steps", "10m", "steps after a lapse, e.g. 10m (empty: none)"},
	{"weights", "default", "the 21 FSRS-6 weights, comma-separated, or 'default'"},
	{"max_interval", "36500", "longest interval in days"},
	{"fuzz", "on", "spread review intervals a little (on/off)"},
	{"rollover", "4", "hour of the day (0-23) at which a new study day starts"},
	{"new_per_day", "20", "new cards introduced per day"},
	{"new_order", "interleave",
	 "new cards: interleave (round-robin over decks), deck (deck after deck), or deck keys to take first"},
	{"leech_lapses", "8", "lapses that make a card a leech (1-100)"},
	{"leech_action", "flag", "what a leech gets: flag (listed by drill cards is:leech) or suspend"},
	{"interview_date", "none", "the interview day, YYYY-MM-DD (none: no date); drill plan"},
	{"interview_margin_days", "7", "every card seen at least this many days before the date (0-365)"},
	{"review_budget", "auto",
	 "reviews a day you can afford; auto: the mean of the last 14 study days, at least 50"},
	{"backup_daily", "7", "backups kept: the newest of each of this many days (1-1000)"},
	{"backup_weekly", "4", "backups kept besides: the newest of each of this many weeks (0-1000)"},
	{"backup_monthly", "6", "backups kept besides: the newest of each of this many months (0-1000)"},
};

const struct settings_key *
settings_keys(size_t *n)
{
	*n = ARRAY_LEN(settings_table);
	return settings_table;
}

static const struct settings_key *
settings_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(settings_table); i++)
		if (strcmp(settings_table[i].name, name) == 0)
			return &settings_table[i];
	return NULL;
}

static int
settings_int(const char *v, long lo, long hi, long *out)
{
	char *end;
	long x;

	errno = 0;
	x = strtol(v, &end, 10);
	if (errno || end == v || *end != '\0' || x < lo || x > hi)
		return -1;
	*out = x;
	return 0;
}

/* new_order: interleave, deck, or deck keys separated by commas. */
static int
settings_new_order(struct settings *st, const char *v, char *err, size_t errlen)
{
	size_t n = strlen(v);

	st->new_first[0] = '\0';
	if (strcmp(v, "interleave") == 0) {
		st->new_order = SETTINGS_NEW_INTERLEAVE;
		return 0;
	}
	if (strcmp(v, "deck") == 0) {
		st->new_order = SETTINGS_NEW_DECK;
		return 0;
	}
	/* Deck keys are file names: letters, digits, '-', '_' and '.'. */
	bool ok = n > 0 && n < sizeof(st->new_first) && v[0] != ',' && v[n - 1] != ',' &&
		  strstr(v, ",,") == NULL;
	for (const char *p = v; ok && *p; p++)
		ok = isalnum((unsigned char)*p) || strchr("-_.,", *p) != NULL;
	if (!ok) {
		snprintf(err, errlen, "new_order is interleave, deck, or deck keys separated by "
			 "commas (e.g. levels,principles), not \"%s\"", v);
		return -1;
	}
	st->new_order = SETTINGS_NEW_LIST;
	memcpy(st->new_first, v, n + 1);
	return 0;
}

/* Applies one key's text to st. 0, or -1 with a message. */
static int
settings_apply(struct settings *st, const char *name, const char *v, char *err,
	       size_t errlen)
{
	long x;

	if (strcmp(name, "retention") == 0) {
		char *end;
		double r = strtod(v, &end);
		if (end != v && *end == '%' && end[1] == '\0')
			r /= 100; /* "90%" */
		else if (end == v || *end != '\0')
			r = NAN;
		if (!(r >= 0.7 && r <= 0.99)) {
			snprintf(err, errlen, "retention must be from 0.70 to 0.99 (or 70%% to 99%%), "
				 "not \"%s\"", v);
			return -1;
		}
		st->fsrs.retention = r;
	} else if (strcmp(name, "learning_steps") == 0 ||
		   strcmp(name, "relearning_steps") == 0) {
		bool learn = name[0] == 'l';
		char e[200];
		if (fsrs_parse_steps(v, learn ? st->fsrs.learning_steps : st->fsrs.relearning_steps,
				     FSRS_MAX_STEPS,
				     learn ? &st->fsrs.nlearning : &st->fsrs.nrelearning,
				     e, sizeof(e)) != 0) {
			snprintf(err, errlen, "%s: %s", name, e);
			return -1;
		}
	} else if (strcmp(name, "weights") == 0) {
		double w[FSRS_NWEIGHTS + 1];
		size_t n = 0;
		char e[200];
		if (strcmp(v, "default") == 0)
			return 0;
		for (const char *p = v; *p && n <= FSRS_NWEIGHTS;) {
			char *end;
			w[n++] = strtod(p, &end);
			if (end == p) {
				snprintf(err, errlen, "weights: cannot read \"%s\" as a number", p);
				return -1;
			}
			p = end;
			while (*p == ' ' || *p == ',')
				p++;
		}
		if (fsrs_params_set_weights(&st->fsrs, w, n, e, sizeof(e)) != 0) {
			snprintf(err, errlen, "weights: %s", e);
			return -1;
		}
	} else if (strcmp(name, "max_interval") == 0) {
		if (settings_int(v, 1, FSRS_MAX_INTERVAL, &x) != 0) {
			snprintf(err, errlen, "max_interval must be a whole number of days from 1 to %d",
				 FSRS_MAX_INTERVAL);
			return -1;
		}
		st->fsrs.max_interval = (int32_t)x;
	} else if (strcmp(name, "fuzz") == 0) {
		if (strcasecmp(v, "on") != 0 && strcasecmp(v, "off") != 0) {
			snprintf(err, errlen, "fuzz is on or off");
			return -1;
		}
		st->fsrs.fuzz = strcasecmp(v, "on") == 0;
	} else if (strcmp(name, "rollover") == 0) {
		if (settings_int(v, 0, 23, &x) != 0) {
			snprintf(err, errlen, "rollover must be an hour from 0 to 23");
			return -1;
		}
		st->rollover = (int)x;
	} else if (strcmp(name, "new_per_day") == 0) {
		if (settings_int(v, 0, 100000, &x) != 0) {
			snprintf(err, errlen, "new_per_day must be a whole number from 0 to 100000");
			return -1;
		}
		st->new_per_day = (int)x;
	} else if (strcmp(name, "new_order") == 0) {
		return settings_new_order(st, v, err, errlen);
	} else if (strcmp(name, "leech_lapses") == 0) {
		if (settings_int(v, 1, 100, &x) != 0) {
			snprintf(err, errlen, "leech_lapses must be a whole number from 1 to 100");
			return -1;
		}
		st->leech_lapses = (int)x;
	} else if (strcmp(name, "leech_action") == 0) {
		if (strcmp(v, "flag") != 0 && strcmp(v, "suspend") != 0) {
			snprintf(err, errlen, "leech_action is flag or suspend, not \"%s\"", v);
			return -1;
		}
		st->leech_suspend = strcmp(v, "suspend") == 0;
	} else if (strcmp(name, "interview_date") == 0) {
		int64_t day;
		if (strcmp(v, "none") == 0) {
			st->has_interview = false;
			st->interview_date[0] = '\0';
			return 0;
		}
		if (plan_parse_date(v, &day) != 0) {
			snprintf(err, errlen, "interview_date is a date written YYYY-MM-DD "
				 "(e.g. 2027-01-20), or none to clear it, not \"%s\"", v);
			return -1;
		}
		st->has_interview = true;
		st->interview_day = day;
		memcpy(st->interview_date, v, sizeof(st->interview_date));
	} else if (strcmp(name, "interview_margin_days") == 0) {
		if (settings_int(v, 0, 365, &x) != 0) {
			snprintf(err, errlen, "interview_margin_days must be a whole number of days "
				 "from 0 to 365");
			return -1;
		}
		st->margin_days = (int)x;
	} else if (strcmp(name, "review_budget") == 0) {
		if (strcmp(v, "auto") == 0) {
			st->review_budget = 0;
			return 0;
		}
		if (settings_int(v, 1, 100000, &x) != 0) {
			snprintf(err, errlen, "review_budget is auto or a whole number of reviews a "
				 "day from 1 to 100000, not \"%s\"", v);
			return -1;
		}
		st->review_budget = (int)x;
	} else if (strncmp(name, "backup_", 7) == 0) {
		long lo = strcmp(name, "backup_daily") == 0 ? 1 : 0;
		if (settings_int(v, lo, 1000, &x) != 0) {
			snprintf(err, errlen, "%s must be a whole number from %ld to 1000", name, lo);
			return -1;
		}
		if (name[7] == 'd')
			st->backups.daily = (int)x;
		else if (name[7] == 'w')
			st->backups.weekly = (int)x;
		else
			st->backups.monthly = (int)x;
	} else {
		snprintf(err, errlen, "unknown setting \"%s\"", name);
		return -1;
	}
	return 0;
}

static void
settings_defaults(struct settings *st)
{
	char e[64];

	memset(st, 0, sizeof(*st));
	fsrs_params_default(&st->fsrs);
	for (size_t i = 0; i < ARRAY_LEN(settings_table); i++)
		settings_apply(st, settings_table[i].name, settings_table[i].dflt, e, sizeof(e));
}

/* The budget and the final pass's first day (an interview date is set). */
static int
settings_plan(struct store *s, struct settings *st, char *err, size_t errlen)
{
	int64_t cards = 0;
	double mean = 0;
	int rc = store_count_studied(s, &cards);

	st->budget = st->review_budget;
	if (rc == STORE_OK && st->budget == 0) {
		rc = store_mean_reviews(s, INT64_MAX, 14, &mean);
		st->budget = mean > PLAN_MIN_BUDGET ? (int)ceil(mean) : PLAN_MIN_BUDGET;
	}
	if (rc != STORE_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		return -1;
	}
	st->pass_day = plan_pass_start(st->interview_day, cards, st->budget);
	return 0;
}

int
settings_load(struct store *s, struct settings *out, char *err, size_t errlen)
{
	settings_defaults(out);
	for (size_t i = 0; i < ARRAY_LEN(settings_table); i++) {
		char *v = NULL;
		char e[256];
		if (store_config_get(s, settings_table[i].name, &v) != STORE_OK) {
			snprintf(err, errlen, "%s", store_errmsg(s));
			return -1;
		}
		if (v != NULL && settings_apply(out, settings_table[i].name, v, e, sizeof(e)) != 0) {
			snprintf(err, errlen, "stored setting is invalid: %s", e);
			free(v);
			return -1;
		}
		free(v);
	}
	if (fsrs_params_validate(&out->fsrs, err, errlen) != 0)
		return -1;
	if (out->has_interview)
		return settings_plan(s, out, err, errlen);
	return 0;
}

char *
settings_get(struct store *s, const char *name, char *err, size_t errlen)
{
	const struct settings_key *k = settings_find(name);
	char *v = NULL;

	if (k == NULL) {
		snprintf(err, errlen, "unknown setting \"%s\"", name);
		return NULL;
	}
	if (store_config_get(s, name, &v) != STORE_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		return NULL;
	}
	return v ? v : xstrdup(k->dflt);
}

int
settings_set(struct store *s, const char *name, const char *value, char *err,
	     size_t errlen)
{
	struct settings st;

	if (settings_find(name) == NULL) {
		snprintf(err, errlen, "unknown setting \"%s\" (see drill config)", name);
		return 1;
	}
	if (settings_load(s, &st, err, errlen) != 0)
		return 2;
	if (settings_apply(&st, name, value, err, errlen) != 0)
		return 1;
	if (fsrs_params_validate(&st.fsrs, err, errlen) != 0)
		return 1;
	char norm[32];
	if (strcmp(name, "retention") == 0) {
		/* "90%" is kept as 0.9, the form every reader expects. */
		snprintf(norm, sizeof(norm), "%.10g", st.fsrs.retention);
		value = norm;
	}
	if (store_config_set(s, name, value) != STORE_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		return 2;
	}
	return 0;
}

int64_t
settings_day(int64_t unix_ms, int rollover)
{
	time_t t = (time_t)(unix_ms >= 0 ? unix_ms / 1000 : -((-unix_ms + 999) / 1000));
	struct tm tm;
	long off = 0;

	if (localtime_r(&t, &tm) != NULL)
		off = tm.tm_gmtoff;
	return fsrs_day_number(unix_ms, (int32_t)off, rollover);
}

int64_t
settings_day_start(int64_t day, int rollover)
{
	/* From UTC, corrected by the local offset twice: the second pass
	 * settles a day whose start falls across a DST change. */
	int64_t t = day * 86400000 + (int64_t)rollover * 3600000;

	for (int i = 0; i < 2; i++) {
		time_t sec = (time_t)(t / 1000);
		struct tm tm;
		long off = 0;
		if (localtime_r(&sec, &tm) != NULL)
			off = tm.tm_gmtoff;
		t = day * 86400000 + (int64_t)rollover * 3600000 - (int64_t)off * 1000;
	}
	return t;
}

void
settings_when(const struct settings *st, int64_t now_ms, struct store_when *w)
{
	w->now = now_ms;
	w->day = settings_day(now_ms, st->rollover);
	w->day_end = settings_day_start(w->day + 1, st->rollover);
	/* A zone change can leave the computed end behind now; the day then
	 * ends no earlier than now. */
	if (w->day_end <= now_ms)
		w->day_end = now_ms + 1;
	w->learn_ahead = SETTINGS_LEARN_AHEAD_MS;
	w->pass_start = 0;
	if (st->has_interview && w->day >= st->pass_day && w->day < st->interview_day)
		w->pass_start = settings_day_start(st->pass_day, st->rollover);
}

int
settings_replay_review(const struct settings *st, const char *card_id,
		       struct fsrs_card *state, int64_t at_ms, enum fsrs_rating rating)
{
	int64_t day = settings_day(at_ms, st->rollover);

	if (state->state != FSRS_NEW && day < state->last_day)
		day = state->last_day;
	return fsrs_review(&st->fsrs, state, at_ms, day, rating,
			   fsrs_fuzz_seed(rng_hash(card_id), state->reps + 1), state, NULL);
}
