/*
 * rotate: which backups a rotation keeps (docs/storage.md, "Backups").
 *
 * Owns: the rule alone. Given the moments of a database's backups, keeps
 * the newest backup of each of the `daily` most recent days that have
 * one, of each of the `weekly` most recent ISO weeks (Monday to Sunday),
 * and of each of the `monthly` most recent months. Every backup of the
 * newest backup's day is kept too, so that the one made just before an
 * import or a restore outlives a `drill backup` made after it that day. A pure module: no I/O, no clock; the moments are the
 * local date and time written in the backups' names.
 */
#ifndef DRILL_ROTATE_H
#define DRILL_ROTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rotate_policy {
	int daily;   /* days kept, >= 0 */
	int weekly;  /* weeks kept, >= 0 */
	int monthly; /* months kept, >= 0 */
};

/* A backup's moment as the number YYYYMMDDHHMMSS (so numbers sort as the
 * moments do). */
typedef int64_t rotate_stamp;

/*
 * Sets keep[i] for each of the n stamps (in any order; equal stamps are
 * told apart by their index, the later index counting as newer).
 */
void rotate_keep(const rotate_stamp *stamps, size_t n, const struct rotate_policy *p,
		 bool *keep);

/* Days since 1970-01-01 of the civil date y-m-d (proleptic Gregorian). */
int64_t rotate_days(int64_t y, int m, int d);

#endif
