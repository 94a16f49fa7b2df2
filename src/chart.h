/*
 * chart: the pictures of `drill stats` drawn as text -- vertical bars (one
 * series, or several stacked), a calendar heatmap of weeks with its legend,
 * horizontal bars with a label and a figure, and tables -- plus the
 * calendar arithmetic they need (study day numbers to dates and weekdays)
 * and the streaks of a list of study days.
 *
 * Owns: the drawing characters (Unicode block and shade characters, or
 * plain ASCII when asked) and the rule that every line it returns fits the
 * width it is given (80 columns at most, counted by wrap_width). Pure: no
 * I/O, no clock, no locale, no globals; the caller decides ASCII or not and
 * prints the text.
 *
 * Day numbers are those of settings_day: day 0 is 1970-01-01 (a Thursday).
 *
 * Ownership: arguments are borrowed for the call; every chart_* function
 * that returns char * returns text the caller frees with free(), made of
 * whole lines each ending in '\n' ("" when there is nothing to draw).
 */
#ifndef DRILL_CHART_H
#define DRILL_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CHART_WIDTH 80     /* the widest line any chart returns */
#define CHART_SERIES_MAX 4 /* series of a stacked bar chart */

/* The date of day number day. */
void chart_date(int64_t day, int *year, int *month, int *mday);
/* "2026-11-26" into buf (at least 11 bytes). */
void chart_iso_date(int64_t day, char *buf, size_t len);
/* 0 for Monday ... 6 for Sunday. */
int chart_weekday(int64_t day);

/*
 * The streaks of a list of study days (distinct day numbers, newest first):
 * *current counts the consecutive days ending today, or ending yesterday
 * when today has no review yet (a streak is not lost before the day is
 * over); *longest is the longest run of consecutive days in the list.
 */
void chart_streaks(const int64_t *days_desc, size_t n, int64_t today, int64_t *current,
		   int64_t *longest);

/*
 * Vertical bars, one column per day, each stacked from nseries parts
 * drawn bottom up in the order given (█ ▓ ▒ ░, or # = + . in ASCII); a
 * single series is drawn in eighths of a row (▁ ... █). A value above 0
 * always shows at least the lowest mark. The left axis gives the top of the
 * scale; the bottom axis marks each Monday (a week starts) and names its
 * date ("Nov 30") where there is room. n is at most 36 (two columns a
 * day); height is the rows of the bars (1 to 20).
 */
struct chart_columns {
	size_t n;                 /* columns (days), 1..36 */
	size_t nseries;           /* 1..CHART_SERIES_MAX */
	const int64_t *values;    /* n * nseries counts >= 0: values[i * nseries + k] */
	const char *const *names; /* nseries names for the legend; NULL: no legend */
	int64_t first_day;        /* day number of column 0 */
	int height;               /* rows of bars, 1..20 */
};
char *chart_columns(const struct chart_columns *c, bool ascii);

/*
 * A calendar heatmap: one column a week (Monday to Sunday, top to bottom),
 * the last column the week of last_day; counts[i] belongs to day
 * last_day - n + 1 + i, and days outside the counts stay blank. A cell is
 * · (0) or one of four shades ░ ▒ ▓ █ (ASCII . - + * #) by its quarter of
 * the largest count; month names above the week in which a month starts,
 * and a legend line giving the counts each shade stands for. At most 36
 * weeks.
 */
char *chart_heatmap(const int64_t *counts, size_t n, int64_t last_day, bool ascii);

/*
 * Horizontal bars: each row its label, a bar as long as value over the
 * largest value (in eighths of a column; # in ASCII) and its text after
 * it. Labels wider than 24 columns are cut. The whole fits width columns
 * (at most CHART_WIDTH).
 */
struct chart_bar {
	const char *label; /* UTF-8 */
	double value;      /* >= 0 */
	const char *text;  /* the figure printed after the bar */
};
char *chart_bars(const struct chart_bar *rows, size_t n, int width, bool ascii);

/*
 * A table: a header line, a rule, then the rows; columns separated by two
 * spaces, each as wide as its widest cell (by display width), left or
 * right aligned. When the whole is wider than width (at most
 * CHART_WIDTH), the widest left-aligned column is cut (… or ~ in ASCII)
 * until it fits.
 */
enum chart_align { CHART_LEFT, CHART_RIGHT };
struct chart_table {
	size_t ncols, nrows;
	const char *const *head;       /* ncols headings */
	const enum chart_align *align; /* ncols */
	const char *const *cells;      /* nrows * ncols, row by row; NULL cell: "" */
};
char *chart_table(const struct chart_table *t, int width, bool ascii);

/*
 * s cut to at most width display columns: whole when it fits, else its
 * longest prefix (at a character boundary) that leaves room for the mark
 * (… or ~ in ASCII), followed by the mark. Caller frees.
 */
char *chart_fit(const char *s, int width, bool ascii);

#endif
