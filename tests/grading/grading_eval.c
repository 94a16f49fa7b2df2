/*
 * grading_eval: measures how fairly drill grades typed answers.
 *
 * Reads the bundled decks and a grading set (tests/data/grading/README.md:
 * card id, accept|reject, typed answer, what it tests), judges every case
 * with answer_judge, the checker a session uses, and prints the share of
 * fair answers rejected and of wrong answers accepted, per deck and card
 * type, then every case that failed. With --goal it exits 1 when either
 * rate is over issue 12's goal (2% and 1%). Cases of a card that is no
 * longer in the decks, or no longer answered by typing, are left out and
 * named: a set is never edited.
 *
 * A fair answer counts as rejected when it is judged wrong, cannot be read
 * (the session would ask again) or cannot be judged; one judged close
 * (graded Hard) is counted apart, as accepted. A wrong answer counts as
 * accepted when it is judged correct or close: either is a passing grade.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "deck.h"
#include "slurp.h"
#include "util.h"

#define GOAL_FAIR_REJECTED 0.02
#define GOAL_WRONG_ACCEPTED 0.01

struct tally {
	char key[64];
	int fair, fair_rejected, fair_close, wrong, wrong_accepted;
};

struct eval {
	struct deck **decks;
	size_t ndecks;
	struct tally rows[64];
	size_t nrows;
	struct tally all;
};

static const struct card *
eval_find(const struct eval *ev, const char *id, const struct deck **deck)
{
	for (size_t i = 0; i < ev->ndecks; i++)
		for (size_t j = 0; j < ev->decks[i]->ncards; j++)
			if (strcmp(ev->decks[i]->cards[j].id, id) == 0) {
				*deck = ev->decks[i];
				return &ev->decks[i]->cards[j];
			}
	return NULL;
}

static struct tally *
eval_row(struct eval *ev, const char *deck, const char *type)
{
	char key[64];

	snprintf(key, sizeof(key), "%-12s %-7s", deck, type);
	for (size_t i = 0; i < ev->nrows; i++)
		if (strcmp(ev->rows[i].key, key) == 0)
			return &ev->rows[i];
	if (ev->nrows == sizeof(ev->rows) / sizeof(ev->rows[0]))
		return &ev->all; /* never: there are few decks and types */
	memset(&ev->rows[ev->nrows], 0, sizeof(ev->rows[0]));
	snprintf(ev->rows[ev->nrows].key, sizeof(key), "%s", key);
	return &ev->rows[ev->nrows++];
}

static int
eval_load_decks(struct eval *ev, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];

	if (d == NULL) {
		fprintf(stderr, "grading_eval: cannot open %s\n", dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name), len;
		struct diag_list dl = {0};
		struct deck *dk = NULL;
		char *buf;

		if (n < 6 || strcmp(e->d_name + n - 5, ".deck") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if ((buf = slurp(path, &len)) == NULL) {
			fprintf(stderr, "grading_eval: cannot read %s\n", path);
			closedir(d);
			return -1;
		}
		if (deck_parse(path, buf, len, &dk, &dl) != 0) {
			for (size_t i = 0; i < dl.n; i++)
				fprintf(stderr, "%s:%d: %s\n", dl.v[i].file, dl.v[i].line, dl.v[i].msg);
			fprintf(stderr, "grading_eval: %s does not parse\n", path);
			free(buf);
			diag_list_free(&dl);
			closedir(d);
			return -1;
		}
		diag_list_free(&dl);
		free(buf);
		ev->decks = xrealloc(ev->decks, (ev->ndecks + 1) * sizeof(*ev->decks));
		ev->decks[ev->ndecks++] = dk;
	}
	closedir(d);
	return 0;
}

static const char *
eval_verdict_name(int v)
{
	switch (v) {
	case CALC_CORRECT:
		return "correct";
	case CALC_CLOSE:
		return "close";
	case CALC_WRONG:
		return "wrong";
	case ANSWER_UNREADABLE:
		return "unreadable";
	case ANSWER_UNJUDGED:
		return "unjudged";
	}
	return "?";
}

static double
eval_rate(int k, int n)
{
	return n > 0 ? 100.0 * k / n : 0;
}

static void
eval_print_row(const struct tally *t)
{
	printf("%s %5d %5d %6.1f%% %5d %5d %5d %6.1f%%\n", t->key, t->fair, t->fair_rejected,
	       eval_rate(t->fair_rejected, t->fair), t->fair_close, t->wrong, t->wrong_accepted,
	       eval_rate(t->wrong_accepted, t->wrong));
}

int
main(int argc, char **argv)
{
	struct eval ev = {0};
	const char *decks = NULL, *set = NULL;
	char *buf, *line, *save = NULL;
	char *failures = NULL;
	size_t len, flen = 0;
	char **cards_failed = NULL;
	size_t ncards_failed = 0, ncards = 0;
	char **cards_seen = NULL;
	int goal = 0, quiet = 0, rc = 0, lineno = 0, skipped = 0;
	char skipped_ids[2048] = "";

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--goal") == 0)
			goal = 1;
		else if (strcmp(argv[i], "--quiet") == 0)
			quiet = 1;
		else if (decks == NULL)
			decks = argv[i];
		else if (set == NULL)
			set = argv[i];
	}
	if (decks == NULL || set == NULL) {
		fprintf(stderr, "usage: grading_eval [--goal] [--quiet] DECK-DIR SET.tsv\n");
		return 2;
	}
	if (eval_load_decks(&ev, decks) != 0)
		return 2;
	if ((buf = slurp(set, &len)) == NULL) {
		fprintf(stderr, "grading_eval: cannot read %s\n", set);
		return 2;
	}
	snprintf(ev.all.key, sizeof(ev.all.key), "%-12s %-7s", "all", "");
	for (line = strtok_r(buf, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		char *f[4], *p = line, err[256] = "";
		const struct deck *dk = NULL;
		const struct card *c;
		struct tally *row;
		int nf = 0, v, fair, failed;
		size_t k;

		lineno++;
		while (nf < 4) {
			f[nf++] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		if (nf < 3) {
			fprintf(stderr, "%s:%d: expected 4 tab-separated fields\n", set, lineno);
			rc = 2;
			continue;
		}
		c = eval_find(&ev, f[0], &dk);
		if (c == NULL || (c->type != CARD_TEXT && c->type != CARD_NUMBER)) {
			/*
			 * A card retired (or no longer typed) since the set was
			 * written: its cases are left out and named, never edited.
			 */
			skipped++;
			if (strstr(skipped_ids, f[0]) == NULL &&
			    strlen(skipped_ids) + strlen(f[0]) + 3 < sizeof(skipped_ids))
				snprintf(skipped_ids + strlen(skipped_ids),
					 sizeof(skipped_ids) - strlen(skipped_ids), "%s%s",
					 skipped_ids[0] ? ", " : "", f[0]);
			continue;
		}
		fair = strcmp(f[1], "accept") == 0;
		if (!fair && strcmp(f[1], "reject") != 0) {
			fprintf(stderr, "%s:%d: expected accept or reject, not \"%s\"\n", set, lineno, f[1]);
			rc = 2;
			continue;
		}
		v = answer_judge(c, f[2], err, sizeof(err));
		row = eval_row(&ev, dk->key, card_type_name(c->type));
		for (k = 0; k < ncards; k++)
			if (strcmp(cards_seen[k], c->id) == 0)
				break;
		if (k == ncards) {
			cards_seen = xrealloc(cards_seen, (ncards + 1) * sizeof(*cards_seen));
			cards_seen[ncards++] = c->id;
		}
		if (fair) {
			failed = v != CALC_CORRECT && v != CALC_CLOSE;
			row->fair++, ev.all.fair++;
			row->fair_rejected += failed, ev.all.fair_rejected += failed;
			row->fair_close += v == CALC_CLOSE, ev.all.fair_close += v == CALC_CLOSE;
			if (failed) {
				for (k = 0; k < ncards_failed; k++)
					if (strcmp(cards_failed[k], c->id) == 0)
						break;
				if (k == ncards_failed) {
					cards_failed = xrealloc(cards_failed,
								(ncards_failed + 1) * sizeof(*cards_failed));
					cards_failed[ncards_failed++] = c->id;
				}
			}
		} else {
			failed = v == CALC_CORRECT || v == CALC_CLOSE;
			row->wrong++, ev.all.wrong++;
			row->wrong_accepted += failed, ev.all.wrong_accepted += failed;
		}
		if (failed || (fair && v == CALC_CLOSE)) {
			char one[1024];
			int n = snprintf(one, sizeof(one), "  %-34s %-6s %-10s \"%s\"  [%s]%s%s\n",
					 c->id, f[1], eval_verdict_name(v), f[2],
					 nf > 3 ? f[3] : "", err[0] ? "  " : "", err);
			if (n > (int)sizeof(one) - 1)
				n = (int)sizeof(one) - 1;
			failures = xrealloc(failures, flen + (size_t)n + 1);
			memcpy(failures + flen, one, (size_t)n + 1);
			flen += (size_t)n;
		}
	}
	printf("%s: %d cases on %zu cards\n", set, ev.all.fair + ev.all.wrong, ncards);
	printf("%-20s %5s %5s %7s %5s %5s %5s %7s\n", "deck         type", "fair", "rej", "rate",
	       "close", "wrong", "acc", "rate");
	for (size_t i = 0; i < ev.nrows; i++)
		eval_print_row(&ev.rows[i]);
	eval_print_row(&ev.all);
	printf("fair answers rejected: %d of %d (%.1f%%, goal at most %.0f%%)\n",
	       ev.all.fair_rejected, ev.all.fair, eval_rate(ev.all.fair_rejected, ev.all.fair),
	       100 * GOAL_FAIR_REJECTED);
	printf("wrong answers accepted: %d of %d (%.1f%%, goal at most %.0f%%)\n",
	       ev.all.wrong_accepted, ev.all.wrong, eval_rate(ev.all.wrong_accepted, ev.all.wrong),
	       100 * GOAL_WRONG_ACCEPTED);
	printf("cards that rejected at least one fair answer: %zu of %zu (%.1f%%)\n", ncards_failed,
	       ncards, eval_rate((int)ncards_failed, (int)ncards));
	printf("fair answers judged close (graded Hard): %d\n", ev.all.fair_close);
	if (skipped > 0)
		printf("cases left out: %d, for cards no longer typed in the decks (%s)\n", skipped,
		       skipped_ids);
	if (!quiet && failures != NULL)
		printf("cases that fail (and fair answers judged close):\n%s", failures);
	if (rc == 0 && goal &&
	    (ev.all.fair_rejected > GOAL_FAIR_REJECTED * ev.all.fair ||
	     ev.all.wrong_accepted > GOAL_WRONG_ACCEPTED * ev.all.wrong))
		rc = 1;
	free(failures);
	free(cards_failed);
	free(cards_seen);
	free(buf);
	for (size_t i = 0; i < ev.ndecks; i++)
		deck_free(ev.decks[i]);
	free(ev.decks);
	return rc;
}
