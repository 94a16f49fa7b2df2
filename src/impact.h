/*
 * impact: the catalogue of impact-calculation methods from the framework,
 * each with named inputs, ordered labelled steps and an annual result in
 * dollars; the L6/L7 level bands, attribution bands and the conservative
 * claim.
 *
 * Owns: the catalogue (static, read-only tables) and the arithmetic. Pure:
 * no I/O, no globals that change, no allocation. Used by the deck parser
 * (to validate calc cards), the session (calc drills), the coach, and the
 * `drill calc` command.
 */
#ifndef DRILL_IMPACT_H
#define DRILL_IMPACT_H

#include <stdbool.h>
#include <stddef.h>

#include "amount.h"

#define IMPACT_MAX_INPUTS 8
#define IMPACT_MAX_STEPS 12

struct impact_input {
	const char *name;      /* public name, e.g. "traffic" */
	enum amount_kind kind; /* how values are read and written */
	const char *help;      /* one line: "monthly visitors" */
	double dflt;           /* default value (fraction for percents) */
	bool has_default;
};

struct impact_method {
	const char *name;  /* public name, e.g. "conversion" */
	const char *title; /* "New-feature conversion uplift" */
	const char *formula; /* one line of math, e.g. "traffic x (after - before) x aov x 12 x attribution" */
	size_t ninputs;
	struct impact_input inputs[IMPACT_MAX_INPUTS];
};

struct impact_step {
	char label[48];       /* "additional monthly conversions" */
	char expression[192]; /* "150,000 x (3.1% - 2.3%)" */
	double value;         /* the step's value in base units */
	enum amount_kind kind;
	char text[AMOUNT_FORMAT_MAX]; /* the value as every step and display writes it:
					 4 significant digits ("$291.6K"), so a later
					 step's expression repeats it exactly */
	/*
	 * A step that commutes with the next one (both multiply by one
	 * factor: attribution then penetration, or the reverse) may be taken
	 * in the other order. Then alt_label, alt_expression and alt_value
	 * describe this step taken the other way; the step after it comes to
	 * the same value either way. has_alt is false for other steps.
	 */
	bool has_alt;
	char alt_label[48];
	char alt_expression[192];
	double alt_value;
	char alt_next_expression[192]; /* the next step's expression that way */
};

struct impact_result {
	size_t nsteps;
	struct impact_step steps[IMPACT_MAX_STEPS]; /* the last one is the annual figure */
	double annual; /* dollars per year */
};

size_t impact_method_count(void);
const struct impact_method *impact_method_at(size_t i);
const struct impact_method *impact_method_find(const char *name); /* NULL if unknown */
/* Index of the input called name in m, or -1. */
int impact_input_index(const struct impact_method *m, const char *name);

/*
 * Runs method m on values[0..m->ninputs) (percents as fractions).
 * Returns 0, or -1 with a message in err (e.g. a before/after pair that
 * makes no sense).
 */
int impact_run(const struct impact_method *m, const double *values,
	       struct impact_result *out, char *err, size_t errlen);

/*
 * Adds up values[0..n) (dollars per year; negative values are costs) as one
 * step labelled "total impact", the framework's "total impact: $187K +
 * $145K + $380K" line, for components named freely by the caller. The
 * catalogue method "total" does the same with inputs part1..part6.
 * Returns 0, or -1 with a message in err.
 */
int impact_sum(const double *values, size_t n, struct impact_result *out,
	       char *err, size_t errlen);

/* Index of the step whose label is label (case-insensitive), or -1. */
int impact_step_index(const struct impact_result *r, const char *label);

enum impact_level {
	IMPACT_BELOW_L6, /* < $1M */
	IMPACT_L6,       /* $1M - $5M */
	IMPACT_L6_STRETCH, /* $5M - $8M */
	IMPACT_BETWEEN,  /* $8M - $10M */
	IMPACT_L7,       /* $10M - $50M */
	IMPACT_L7_STRATEGIC /* >= $50M */
};

enum impact_attribution {
	IMPACT_ATTR_UNSUPPORTED,  /* below 50% */
	IMPACT_ATTR_CONSERVATIVE, /* 50-69% */
	IMPACT_ATTR_STRONG,       /* 70-89% */
	IMPACT_ATTR_DIRECT        /* 90-100% */
};

enum impact_level impact_level_of(double annual);
const char *impact_level_name(enum impact_level l); /* "below_l6", "l6", ... */
/* The band in words: "$1M to $5M, the L6 range". */
const char *impact_level_text(enum impact_level l);
enum impact_attribution impact_attribution_of(double fraction);
const char *impact_attribution_name(enum impact_attribution a); /* "direct", ... */
/*
 * The figure to claim: rounded down the way the framework does ($936K ->
 * $900K): to one significant digit, or two when the first digit is 1
 * ($13.3M -> $13M, $1.06M -> $1M). Negative figures move toward zero.
 * Band boundaries belong to the upper band ($1M is l6, 90% is direct).
 */
double impact_conservative(double annual);

#endif
