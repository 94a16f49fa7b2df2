/* rotate: see rotate.h. */
#include "rotate.h"

#include <stdlib.h>

#include "util.h"

int64_t
rotate_days(int64_t y, int m, int d)
{
	/* H. Hinnant's days_from_civil. */
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The period a stamp falls in: 0 day, 1 ISO week, 2 month. */
static int64_t
rotate_period(rotate_stamp st, int kind)
{
	int64_t date = st / 1000000; /* YYYYMMDD */

	if (kind == 0)
		return date;
	if (kind == 2)
		return date / 100;
	/* 1970-01-01 was a Thursday: day 0 is in the week that starts on
	 * day -3, a Monday. */
	int64_t days = rotate_days(date / 10000, (int)(date / 100 % 100), (int)(date % 100));
	int64_t shifted = days + 3;
	return shifted >= 0 ? shifted / 7 : -((-shifted + 6) / 7);
}

struct rotate_item {
	rotate_stamp stamp;
	size_t index;
};

/* Newest first. */
static int
rotate_cmp(const void *a, const void *b)
{
	const struct rotate_item *x = a, *y = b;

	if (x->stamp != y->stamp)
		return x->stamp < y->stamp ? 1 : -1;
	return x->index < y->index ? 1 : x->index > y->index ? -1 : 0;
}

void
rotate_keep(const rotate_stamp *stamps, size_t n, const struct rotate_policy *p, bool *keep)
{
	struct rotate_item *v;
	const int counts[3] = {p->daily, p->weekly, p->monthly};

	if (n == 0)
		return;
	v = xcalloc(n, sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		v[i].stamp = stamps[i];
		v[i].index = i;
		keep[i] = false;
	}
	qsort(v, n, sizeof(*v), rotate_cmp);
	for (size_t i = 0; i < n && v[i].stamp / 1000000 == v[0].stamp / 1000000; i++)
		keep[v[i].index] = true;
	for (int kind = 0; kind < 3; kind++) {
		int left = counts[kind];
		bool have = false;
		int64_t last = 0;
		for (size_t i = 0; i < n && left > 0; i++) {
			int64_t period = rotate_period(v[i].stamp, kind);
			if (have && period == last)
				continue;
			keep[v[i].index] = true;
			have = true;
			last = period;
			left--;
		}
	}
	free(v);
}
