/*
 * calc: calculation drills built on the impact catalogue. Parses the input
 * ranges of a calc card, draws fresh inputs from them, checks and fills the
 * scenario template, and judges a typed answer against the engine's figure.
 *
 * Owns: range syntax ("50K..500K step 10K"), the draw (uniform over the
 * step grid), the {input} placeholder syntax, the correct/close/wrong
 * verdict, and how `name=value` inputs are read (drill calc's arguments, a
 * story's impact: line). Pure: no I/O, no clock, no randomness of its own (the caller's
 * struct rng is advanced). Used by the deck parser, the session, the answer
 * checker and the command line.
 *
 * Ownership: const char * arguments are borrowed for the call; strings
 * returned are owned by the caller and freed with free().
 */
#ifndef DRILL_CALC_H
#define DRILL_CALC_H

#include <stdbool.h>
#include <stddef.h>

#include "amount.h"
#include "impact.h"
#include "rng.h"

/*
 * A range for one input. Invariant: lo <= hi; a fixed value has lo == hi
 * and step 0; a range has step > 0 and is drawn from lo, lo + step, ...
 * up to hi (hi itself when it lies on the grid).
 */
struct calc_range {
	int input;	     /* index into method->inputs; set by the caller */
	double lo, hi, step; /* base units of the input's kind (fractions for percents) */
};

/*
 * Parses "50K..500K step 10K", "2%..4% step 0.1%" or a fixed "$65" for an
 * input of the given kind. Fills lo, hi and step, leaves out->input as it
 * was. Returns 0, or -1 with a message in err.
 */
int calc_range_parse(const char *text, enum amount_kind kind, struct calc_range *out, char *err,
		     size_t errlen);

/*
 * Fills values[0..m->ninputs): drawn from ranges (uniform over the step
 * grid), defaults elsewhere; inputs with neither keep NAN. When a draw makes
 * no sense for the method (impact_run refuses it, e.g. after <= before), the
 * whole draw is repeated, up to CALC_MAX_REDRAWS times; if every draw fails
 * the last one is left and impact_run reports the error to the caller.
 */
#define CALC_MAX_REDRAWS 64
void calc_draw(const struct impact_method *m, const struct calc_range *ranges, size_t nranges,
	       struct rng *rng, double *values);

/* 0 if every {placeholder} in tmpl names an input of m; else -1 with message naming it. */
int calc_template_check(const char *tmpl, const struct impact_method *m, char *err, size_t errlen);

/*
 * tmpl with each {input} replaced by its value written exactly the way a
 * packet would (amount_format_exact: "150,000", "$65", "2.3%"); unknown
 * placeholders are left as written. The caller frees the result.
 */
char *calc_render(const char *tmpl, const struct impact_method *m, const double *values);

enum calc_verdict { CALC_CORRECT, CALC_CLOSE, CALC_WRONG };

/*
 * Correct when given is within tolerance of expected (relative, e.g. 0.01;
 * a tolerance of 0 still forgives binary noise of one part in 1e9), close
 * within max(5 * tolerance, 0.05), else wrong. When expected is exactly 0
 * only an answer of 0 is correct (there is no relative scale), and nothing
 * is close.
 */
enum calc_verdict calc_judge(double expected, double given, double tolerance);

/*
 * calc_judge with the close band given: within close (relative) is close.
 * A negative close means the default, max(5 * tolerance, 0.05).
 */
enum calc_verdict calc_judge_band(double expected, double given, double tolerance, double close);

/* "correct", "close", "wrong". */
const char *calc_verdict_name(enum calc_verdict v);

/* Most values one reading holds: a method's inputs, or a total's components. */
#define CALC_ARGS_MAX (2 * IMPACT_MAX_INPUTS)
/* Longest name of a total's component, in bytes, plus the NUL. */
#define CALC_ARG_NAME_MAX 48

/*
 * The inputs of one run, read from `name=value` words. For a catalogue
 * method the values are its inputs in catalogue order, defaults filled
 * in; for the method "total" they are the components as named, in the
 * order given, added up by impact_sum (the catalogue's part1..part6 are
 * not used: any name goes). A plain value that can be copied.
 */
struct calc_args {
	const struct impact_method *m;	      /* borrowed from the catalogue */
	bool total;			      /* m is "total": free-named components */
	size_t n;			      /* values used: m->ninputs or the components */
	char names[CALC_ARGS_MAX][CALC_ARG_NAME_MAX]; /* input or component names */
	double values[CALC_ARGS_MAX];	      /* base units; percents as fractions */
	enum amount_kind kinds[CALC_ARGS_MAX];
	bool defaulted[CALC_ARGS_MAX];	      /* the input's default: not given */
	/* By word: the word was a percent read as a fraction (calc_args_note). */
	bool fraction[CALC_ARGS_MAX];
	int slot[CALC_ARGS_MAX];	      /* by word: index into values, or -1 */
	size_t bad;	   /* on failure, the word that failed, or nwords (a missing input) */
	bool list_inputs;  /* on failure: listing the method's inputs would help */
};

/*
 * Reads words[0..nwords) ("traffic=150K", "before=2.3%", "aov=$65") as the
 * inputs of m the way `drill calc` does: each input once, every input
 * without a default given, values read by amount_parse_input (a bare
 * percent above 1 is a percent, up to 1 a fraction); the components of a
 * total by amount_parse as money. Returns 0, or -1 with the message in err
 * (without the method's name: unknown input "colour").
 */
int calc_read_args(const struct impact_method *m, const char *const *words, size_t nwords,
		   struct calc_args *out, char *err, size_t errlen);

/*
 * Runs what calc_read_args read: impact_run on the method's inputs, or
 * impact_sum on a total's components. Returns 0, or -1 with err set.
 */
int calc_args_run(const struct calc_args *a, struct impact_result *out, char *err,
		  size_t errlen);

/*
 * The note for word i when calc_read_args read it as a fraction:
 * "attribution 0.8 → 80%, read as a fraction". Returns false (buf
 * untouched) for other words.
 */
bool calc_args_note(const struct calc_args *a, const char *const *words, size_t i, char *buf,
		    size_t len);

#endif
