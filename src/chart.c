/* chart: see chart.h. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wrap.h"

#define CHART_COLUMNS_MAX 36
#define CHART_HEIGHT_MAX 20
#define CHART_WEEKS_MAX 36
#define CHART_LABEL_MAX 24

static const char *const chart_month_names[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
/* Eighths of a cell, from the bottom (▁ ... █) and from the left (▏ ... █). */
static const char *const chart_vert_eighths[8] = {
	"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588",
};
static const char *const chart_horiz_eighths[8] = {
	"\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589", "\u2588",
};
/* The marks of stacked series 0..3, and of the heatmap's levels 0..4. */
static const char *const chart_series_uni[CHART_SERIES_MAX] = {"\u2588", "\u2593", "\u2592",
							       "\u2591"};
static const char *const chart_series_ascii[CHART_SERIES_MAX] = {"#", "=", "+", "."};
static const char *const chart_heat_uni[5] = {"\u00b7", "\u2591", "\u2592", "\u2593",
					      "\u2588"};
static const char *const chart_heat_ascii[5] = {".", "-", "+", "*", "#"};

void
chart_date(int64_t day, int *year, int *month, int *mday)
{
	/* Howard Hinnant's civil_from_days. */
	int64_t z = day + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;

	*year = (int)(yoe + era * 400 + (m <= 2));
	*month = (int)m;
	*mday = (int)d;
}

void
chart_iso_date(int64_t day, char *buf, size_t len)
{
	int y, m, d;

	chart_date(day, &y, &m, &d);
	snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
}

int
chart_weekday(int64_t day)
{
	/* Day 0 was a Thursday (3). */
	int64_t w = (day + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

void
chart_streaks(const int64_t *days_desc, size_t n, int64_t today, int64_t *current,
	      int64_t *longest)
{
	size_t i = 0;
	int64_t run = 0, best = 0;

	while (i < n && days_desc[i] > today)
		i++;
	int64_t expect = i < n && days_desc[i] == today ? today : today - 1;
	*current = 0;
	for (; i < n && days_desc[i] == expect; i++, expect--)
		(*current)++;
	for (size_t k = 0; k < n; k++) {
		run = k > 0 && days_desc[k] == days_desc[k - 1] - 1 ? run + 1 : 1;
		if (run > best)
			best = run;
	}
	*longest = best;
}

/* Appends line (which has no newline) without its trailing spaces, then '\n'. */
static void
chart_line(struct sbuf *out, const char *line, size_t len)
{
	while (len > 0 && line[len - 1] == ' ')
		len--;
	sbuf_add(out, line, len);
	sbuf_addc(out, '\n');
}

/* Appends n spaces. */
static void
chart_spaces(struct sbuf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sbuf_addc(b, ' ');
}

/* Appends s, already cut to fit, padded to width columns. */
static void
chart_pad(struct sbuf *b, const char *s, size_t width, enum chart_align align)
{
	size_t w = wrap_width(s);
	size_t pad = w < width ? width - w : 0;

	if (align == CHART_RIGHT)
		chart_spaces(b, pad);
	sbuf_adds(b, s);
	if (align == CHART_LEFT)
		chart_spaces(b, pad);
}

char *
chart_fit(const char *s, int width, bool ascii)
{
	size_t n = strlen(s), keep = 0;

	if (width <= 0)
		return xstrdup("");
	if (wrap_width(s) <= (size_t)width)
		return xstrdup(s);
	for (size_t i = 1; i <= n; i++) {
		if (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (wrap_width_n(s, i) > (size_t)width - 1)
			break;
		keep = i;
	}
	return xasprintf("%.*s%s", (int)keep, s, ascii ? "~" : "\u2026");
}

/* A count in at most six characters: 12345, 123k, 45M. */
static void
chart_compact(int64_t v, char *buf, size_t len)
{
	if (v < 1000000)
		snprintf(buf, len, "%lld", (long long)v);
	else if (v < 1000000000)
		snprintf(buf, len, "%lldk", (long long)(v / 1000));
	else
		snprintf(buf, len, "%lldM", (long long)(v / 1000000));
}

/* Writes the ASCII label into row (a line of width bytes) at x if it fits
 * after *end; moves *end past it. */
static void
chart_place(char *row, size_t width, size_t x, const char *label, size_t *end)
{
	size_t n = strlen(label);

	if (x < *end || x + n > width)
		return;
	memcpy(row + x, label, n);
	*end = x + n + 1;
}

char *
chart_columns(const struct chart_columns *c, bool ascii)
{
	struct sbuf out = {0}, line = {0};
	size_t n = c->n < CHART_COLUMNS_MAX ? c->n : CHART_COLUMNS_MAX;
	size_t ns = c->nseries < 1 ? 1 : c->nseries > CHART_SERIES_MAX ? CHART_SERIES_MAX : c->nseries;
	int height = c->height < 1 ? 1 : c->height > CHART_HEIGHT_MAX ? CHART_HEIGHT_MAX : c->height;
	int64_t max = 0;
	char top[24];

	if (n == 0)
		return xstrdup("");
	for (size_t i = 0; i < n; i++) {
		int64_t t = 0;
		for (size_t k = 0; k < ns; k++)
			t += c->values[i * c->nseries + k] > 0 ? c->values[i * c->nseries + k] : 0;
		if (t > max)
			max = t;
	}
	chart_compact(max, top, sizeof(top));
	size_t gw = strlen(top);
	/* Cells of every column, bottom up: the series index + 1, 0 empty;
	 * for one series in Unicode, eighths instead. */
	int *fill = xcalloc(n * (size_t)height, sizeof(*fill));
	for (size_t i = 0; i < n; i++) {
		int *col = fill + i * (size_t)height;
		int64_t cum = 0;
		int prev = 0;
		bool any = false;
		if (max == 0)
			continue;
		if (ns == 1 && !ascii) {
			int64_t v = c->values[i * c->nseries] > 0 ? c->values[i * c->nseries] : 0;
			int64_t e = llround((double)v * height * 8.0 / (double)max);
			if (v > 0 && e == 0)
				e = 1;
			for (int b = 0; b < height; b++) {
				int64_t f = e - 8 * (int64_t)b;
				col[b] = f <= 0 ? 0 : f >= 8 ? 8 : (int)f;
			}
			continue;
		}
		for (size_t k = 0; k < ns; k++) {
			int64_t v = c->values[i * c->nseries + k] > 0 ? c->values[i * c->nseries + k] : 0;
			cum += v;
			int topk = (int)llround((double)cum * height / (double)max);
			if (v > 0 && !any && topk == 0)
				topk = 1; /* a day with answers shows at least one mark */
			any = any || v > 0;
			for (int b = prev; b < topk && b < height; b++)
				col[b] = (int)k + 1;
			if (topk > prev)
				prev = topk;
		}
	}
	for (int r = 0; r < height; r++) {
		int b = height - 1 - r;
		sbuf_reset(&line);
		if (r == 0)
			sbuf_adds(&line, top);
		else
			chart_spaces(&line, gw);
		sbuf_adds(&line, ascii ? " |" : " \u2502");
		for (size_t i = 0; i < n; i++) {
			int v = fill[i * (size_t)height + (size_t)b];
			sbuf_addc(&line, ' ');
			if (v == 0)
				sbuf_addc(&line, ' ');
			else if (ns == 1 && !ascii)
				sbuf_adds(&line, chart_vert_eighths[v - 1]);
			else
				sbuf_adds(&line, ascii ? chart_series_ascii[v - 1]
						       : chart_series_uni[v - 1]);
		}
		chart_line(&out, line.buf, line.len);
	}
	/* The bottom axis, a tick at each Monday, and their dates. */
	sbuf_reset(&line);
	chart_spaces(&line, gw);
	sbuf_adds(&line, ascii ? " +" : " \u2514");
	for (size_t i = 0; i < n; i++) {
		bool monday = chart_weekday(c->first_day + (int64_t)i) == 0;
		sbuf_adds(&line, ascii ? "-" : "\u2500");
		sbuf_adds(&line, monday ? (ascii ? "+" : "\u252c") : (ascii ? "-" : "\u2500"));
	}
	chart_line(&out, line.buf, line.len);
	size_t width = gw + 2 + 2 * n + 8;
	char *row = xmalloc(width + 1);
	size_t end = 0;
	memset(row, ' ', width);
	for (size_t i = 0; i < n; i++) {
		int64_t day = c->first_day + (int64_t)i;
		int y, m, d;
		char label[16];
		if (i > 0 && chart_weekday(day) != 0)
			continue;
		chart_date(day, &y, &m, &d);
		snprintf(label, sizeof(label), "%s %d", chart_month_names[m - 1], d);
		chart_place(row, width > CHART_WIDTH ? CHART_WIDTH : width, gw + 3 + 2 * i, label,
			    &end);
	}
	chart_line(&out, row, width);
	free(row);
	if (c->names != NULL) {
		sbuf_reset(&line);
		chart_spaces(&line, gw + 2);
		for (size_t k = 0; k < ns; k++)
			sbuf_printf(&line, " %s %s ",
				    ascii ? chart_series_ascii[k] : chart_series_uni[k],
				    c->names[k]);
		chart_line(&out, line.buf, line.len);
	}
	free(fill);
	sbuf_free(&line);
	return sbuf_take(&out);
}

char *
chart_heatmap(const int64_t *counts, size_t n, int64_t last_day, bool ascii)
{
	static const char *const rows[7] = {"Mon", "", "Wed", "", "Fri", "", "Sun"};
	const char *const *marks = ascii ? chart_heat_ascii : chart_heat_uni;
	struct sbuf out = {0}, line = {0};
	int64_t first = last_day - (int64_t)n + 1, max = 0;
	int64_t last_monday = last_day - chart_weekday(last_day);
	int64_t first_monday = first - chart_weekday(first);
	int64_t weeks = (last_monday - first_monday) / 7 + 1;

	if (n == 0)
		return xstrdup("");
	if (weeks > CHART_WEEKS_MAX) {
		weeks = CHART_WEEKS_MAX;
		first_monday = last_monday - 7 * (CHART_WEEKS_MAX - 1);
	}
	for (size_t i = 0; i < n; i++)
		if (counts[i] > max && first + (int64_t)i >= first_monday)
			max = counts[i];
	/* Month names above the week holding each month's first day. */
	size_t width = 4 + 2 * (size_t)weeks + 4;
	char *row = xmalloc(width);
	size_t end = 0;
	memset(row, ' ', width);
	for (int64_t w = 0; w < weeks; w++) {
		for (int k = 0; k < 7; k++) {
			int64_t day = first_monday + 7 * w + k;
			int y, m, d;
			chart_date(day, &y, &m, &d);
			if (d == 1 && day >= first && day <= last_day)
				chart_place(row, width, 4 + 2 * (size_t)w,
					    chart_month_names[m - 1], &end);
		}
	}
	chart_line(&out, row, width);
	free(row);
	for (int k = 0; k < 7; k++) {
		sbuf_reset(&line);
		sbuf_printf(&line, "%-3s", rows[k]);
		for (int64_t w = 0; w < weeks; w++) {
			int64_t day = first_monday + 7 * w + k;
			sbuf_addc(&line, ' ');
			if (day < first || day > last_day) {
				sbuf_addc(&line, ' ');
				continue;
			}
			int64_t v = counts[day - first];
			int level = v <= 0 || max == 0 ? 0 : (int)((4 * v + max - 1) / max);
			sbuf_adds(&line, marks[level]);
		}
		chart_line(&out, line.buf, line.len);
	}
	/* The legend: what each shade stands for. */
	sbuf_reset(&line);
	sbuf_printf(&line, "    %s 0", marks[0]);
	for (int level = 1; level <= 4; level++) {
		int64_t lo = (level - 1) * max / 4 + 1, hi = level * max / 4;
		if (lo > hi)
			continue;
		if (lo == hi)
			sbuf_printf(&line, "   %s %lld", marks[level], (long long)lo);
		else
			sbuf_printf(&line, "   %s %lld-%lld", marks[level], (long long)lo,
				    (long long)hi);
	}
	sbuf_adds(&line, max > 0 ? "   (reviews a day)" : " (no reviews)");
	chart_line(&out, line.buf, line.len);
	sbuf_free(&line);
	return sbuf_take(&out);
}

char *
chart_bars(const struct chart_bar *rows, size_t n, int width, bool ascii)
{
	struct sbuf out = {0};
	size_t lw = 0, tw = 0;
	double max = 0;

	if (width <= 0 || width > CHART_WIDTH)
		width = CHART_WIDTH;
	for (size_t i = 0; i < n; i++) {
		size_t w = wrap_width(rows[i].label);
		size_t t = wrap_width(rows[i].text);
		lw = w > lw ? w : lw;
		tw = t > tw ? t : tw;
		if (rows[i].value > max)
			max = rows[i].value;
	}
	if (lw > CHART_LABEL_MAX)
		lw = CHART_LABEL_MAX;
	if (tw > 30)
		tw = 30;
	long room = (long)width - (long)lw - (long)tw - 3;
	if (room > 40)
		room = 40;
	if (room < 1)
		room = 1;
	for (size_t i = 0; i < n; i++) {
		char *label = chart_fit(rows[i].label, (int)lw, ascii);
		char *text = chart_fit(rows[i].text, (int)tw, ascii);
		double v = rows[i].value > 0 && max > 0 ? rows[i].value / max : 0;
		long used;
		chart_pad(&out, label, lw, CHART_LEFT);
		sbuf_adds(&out, "  ");
		if (ascii) {
			long cells = lround(v * (double)room);
			if (rows[i].value > 0 && cells == 0)
				cells = 1;
			for (long k = 0; k < cells; k++)
				sbuf_addc(&out, '#');
			used = cells;
		} else {
			long e = lround(v * (double)room * 8.0);
			if (rows[i].value > 0 && e == 0)
				e = 1;
			for (long k = 0; k < e / 8; k++)
				sbuf_adds(&out, chart_horiz_eighths[7]);
			if (e % 8 != 0)
				sbuf_adds(&out, chart_horiz_eighths[e % 8 - 1]);
			used = e / 8 + (e % 8 != 0);
		}
		chart_spaces(&out, (size_t)(room - used));
		sbuf_addc(&out, ' ');
		sbuf_adds(&out, text);
		/* No trailing spaces: text may be "". */
		while (out.len > 0 && out.buf[out.len - 1] == ' ')
			out.buf[--out.len] = '\0';
		sbuf_addc(&out, '\n');
		free(label);
		free(text);
	}
	return sbuf_take(&out);
}

char *
chart_table(const struct chart_table *t, int width, bool ascii)
{
	struct sbuf out = {0}, line = {0};
	size_t *w;
	size_t total = 0;

	if (t->ncols == 0)
		return xstrdup("");
	if (width <= 0 || width > CHART_WIDTH)
		width = CHART_WIDTH;
	w = xcalloc(t->ncols, sizeof(*w));
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = wrap_width(t->head[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			const char *cell = t->cells[r * t->ncols + c];
			size_t cw = cell ? wrap_width(cell) : 0;
			w[c] = cw > w[c] ? cw : w[c];
		}
		total += w[c] + (c > 0 ? 2 : 0);
	}
	/* Too wide: cut the widest left-aligned column, down to 4 columns. */
	while (total > (size_t)width) {
		size_t widest = t->ncols;
		for (size_t c = 0; c < t->ncols; c++)
			if (t->align[c] == CHART_LEFT && w[c] > 4 &&
			    (widest == t->ncols || w[c] > w[widest]))
				widest = c;
		if (widest == t->ncols)
			break;
		size_t cut = total - (size_t)width;
		cut = cut < w[widest] - 4 ? cut : w[widest] - 4;
		w[widest] -= cut;
		total -= cut;
	}
	for (size_t r = 0; r < t->nrows + 2; r++) {
		sbuf_reset(&line);
		for (size_t c = 0; c < t->ncols; c++) {
			if (c > 0)
				sbuf_adds(&line, "  ");
			if (r == 1) {
				for (size_t k = 0; k < w[c]; k++)
					sbuf_adds(&line, ascii ? "-" : "\u2500");
				continue;
			}
			const char *cell = r == 0 ? t->head[c] : t->cells[(r - 2) * t->ncols + c];
			char *fit = chart_fit(cell ? cell : "", (int)w[c], ascii);
			chart_pad(&line, fit, w[c], t->align[c]);
			free(fit);
		}
		chart_line(&out, line.buf, line.len);
	}
	free(w);
	sbuf_free(&line);
	return sbuf_take(&out);
}
