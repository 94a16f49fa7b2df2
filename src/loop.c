/* loop: see loop.h. The preference lists and the objective are described in docs/stories.md. */
#include "loop.h"

#include <assert.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * The principles the sources stress for each level, most important first
 * (docs/stories.md, "drill loop", gives the reasons). L6 is execution: the
 * results delivered reliably, the team built, the customer, incidents
 * owned, deep technical dives, trust across teams, operational standards,
 * automation. L7 is strategy: a bold direction, platform ownership, results
 * at business scale, leaders developed, judgement on strategy, backbone
 * with executives, standards others adopt, the customer across businesses.
 */
static const int loop_stressed_l6[LOOP_STRESSED] = {13, 5, 0, 1, 11, 10, 6, 2};
static const int loop_stressed_l7[LOOP_STRESSED] = {7, 1, 13, 5, 3, 12, 2, 0};

const int *
loop_stressed(int level)
{
	return level == 7 ? loop_stressed_l7 : loop_stressed_l6;
}

int
loop_rank(const struct loop_input *in, int p)
{
	const int *s = loop_stressed(in->level);
	int r = LOOP_STRESSED;

	if (in->principles != NULL) {
		for (size_t i = 0; i < in->nprinciples; i++)
			if (in->principles[i] == p)
				return (int)i;
		return -1;
	}
	for (int i = 0; i < LOOP_STRESSED; i++)
		if (s[i] == p)
			return i;
	for (int q = 0; q < p; q++) {
		bool stressed = false;
		for (int i = 0; i < LOOP_STRESSED; i++)
			stressed = stressed || s[i] == q;
		r += !stressed;
	}
	return r;
}

bool
loop_input_is_valid(const struct loop_input *in)
{
	unsigned seen = 0;

	if (in->interviewers < 1 || in->interviewers > LOOP_INTERVIEWERS_MAX || in->per < 1 ||
	    in->per > LOOP_PER_MAX || (in->level != 6 && in->level != 7) ||
	    in->nstories > LOOP_STORIES_MAX || (in->nstories > 0 && in->stories == NULL))
		return false;
	for (size_t i = 0; i < in->nstories; i++) {
		const struct loop_story *s = &in->stories[i];
		if ((s->level != 6 && s->level != 7) || s->shows >> PRINCIPLE_COUNT != 0 ||
		    s->cost < 0 || s->cost > LOOP_COST_MAX)
			return false;
	}
	if (in->principles == NULL)
		return true;
	if (in->nprinciples < 1 || in->nprinciples > (size_t)(in->interviewers * in->per))
		return false;
	for (size_t i = 0; i < in->nprinciples; i++) {
		int p = in->principles[i];
		if (p < 0 || p >= PRINCIPLE_COUNT || (seen & 1u << p))
			return false;
		seen |= 1u << p;
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* The flow network                                                    */

/*
 * Nodes: the source, the sink, one node per slot that may be asked (a
 * copy of a principle), one per story. Edges, each of capacity 1: source
 * -> copy (asking it), copy -> sink (asked without a story), copy ->
 * story (the story tells it), story -> sink. Edge 2k is a forward edge
 * and 2k+1 its residual twin. F units of flow (the slots of the loop)
 * pick the slots and their stories; the cheapest flow is the best plan.
 */
struct loop_edge {
	int to;
	int cap;
	int64_t cost;
	int next; /* the next edge out of the same node; -1 ends */
};

struct loop_net {
	struct loop_edge *e;
	size_t ne, cap;
	int *head; /* first edge out of each node; -1: none */
	int nodes;
};

static void
loop_net_init(struct loop_net *g, int nodes, size_t edges)
{
	g->e = xmalloc(2 * edges * sizeof(*g->e));
	g->ne = 0;
	g->cap = 2 * edges;
	g->head = xmalloc((size_t)nodes * sizeof(*g->head));
	for (int i = 0; i < nodes; i++)
		g->head[i] = -1;
	g->nodes = nodes;
}

static void
loop_net_free(struct loop_net *g)
{
	free(g->e);
	free(g->head);
}

/* Adds from -> to and its residual twin; returns the forward edge. */
static int
loop_net_add(struct loop_net *g, int from, int to, int64_t cost)
{
	int k = (int)g->ne;

	assert(g->ne + 2 <= g->cap);
	g->e[k] = (struct loop_edge){to, 1, cost, g->head[from]};
	g->head[from] = k;
	g->e[k + 1] = (struct loop_edge){from, 0, -cost, g->head[to]};
	g->head[to] = k + 1;
	g->ne += 2;
	return k;
}

#define LOOP_INF INT64_MAX

/*
 * Sends flow units from src to dst, each along a cheapest path of the
 * residual network (Dijkstra on costs reduced by potentials, which the
 * first Bellman-Ford pass makes valid despite negative costs). After k
 * units the flow is a cheapest flow of value k. Returns the units sent.
 */
static int
loop_net_flow(struct loop_net *g, int src, int dst, int flow)
{
	int n = g->nodes, sent = 0;
	int64_t *h = xmalloc((size_t)n * sizeof(*h)), *dist = xmalloc((size_t)n * sizeof(*dist));
	int *via = xmalloc((size_t)n * sizeof(*via));
	bool *done = xmalloc((size_t)n * sizeof(*done)), changed = true;

	/* potentials: shortest distances from src over the edges with capacity */
	for (int v = 0; v < n; v++)
		h[v] = LOOP_INF;
	h[src] = 0;
	for (int round = 0; changed && round < n; round++) {
		changed = false;
		for (int u = 0; u < n; u++) {
			if (h[u] == LOOP_INF)
				continue;
			for (int k = g->head[u]; k >= 0; k = g->e[k].next) {
				const struct loop_edge *e = &g->e[k];
				if (e->cap > 0 && h[u] + e->cost < h[e->to]) {
					h[e->to] = h[u] + e->cost;
					changed = true;
				}
			}
		}
	}
	for (int v = 0; v < n; v++)
		if (h[v] == LOOP_INF)
			h[v] = 0; /* unreachable now, and so for ever: no edge reaches it */

	while (sent < flow) {
		for (int v = 0; v < n; v++) {
			dist[v] = LOOP_INF;
			via[v] = -1;
			done[v] = false;
		}
		dist[src] = 0;
		for (;;) {
			int u = -1;
			for (int v = 0; v < n; v++)
				if (!done[v] && dist[v] != LOOP_INF && (u < 0 || dist[v] < dist[u]))
					u = v;
			if (u < 0)
				break;
			done[u] = true;
			for (int k = g->head[u]; k >= 0; k = g->e[k].next) {
				const struct loop_edge *e = &g->e[k];
				int64_t d;
				if (e->cap == 0 || done[e->to])
					continue;
				d = dist[u] + e->cost + h[u] - h[e->to];
				assert(e->cost + h[u] - h[e->to] >= 0);
				if (d < dist[e->to]) {
					dist[e->to] = d;
					via[e->to] = k;
				}
			}
		}
		if (dist[dst] == LOOP_INF)
			break;
		for (int v = 0; v < n; v++)
			if (dist[v] != LOOP_INF)
				h[v] += dist[v];
		for (int v = dst; v != src; v = g->e[via[v] ^ 1].to) {
			g->e[via[v]].cap--;
			g->e[via[v] ^ 1].cap++;
		}
		sent++;
	}
	free(h);
	free(dist);
	free(via);
	free(done);
	return sent;
}

/* ------------------------------------------------------------------ */
/* The plan                                                            */

static bool
loop_shows(const struct loop_story *s, int p)
{
	return (s->shows >> p & 1u) != 0;
}

static bool
loop_fits(const struct loop_input *in, const struct loop_story *s)
{
	return s->level == in->level && s->fits;
}

/*
 * The weights of the goals: each unit outweighs everything the goals
 * after it can add up to over f slots, so one sum orders plans as the
 * goals do (loop.h). big is what a slot that must be asked weighs.
 */
struct loop_weights {
	int64_t tie, rank_covered, rank_asked, fit, finding, covered, big;
};

static struct loop_weights
loop_weights(const struct loop_input *in, int f)
{
	struct loop_weights w;
	int64_t maxcost = 0, n = (int64_t)in->nstories;

	for (size_t i = 0; i < in->nstories; i++)
		if (in->stories[i].cost > maxcost)
			maxcost = in->stories[i].cost;
	w.tie = 1;
	w.rank_covered = w.tie * (f * n + 1);
	w.rank_asked = w.rank_covered * (f * (PRINCIPLE_COUNT - 1) + 1);
	w.fit = w.rank_asked * (f * (PRINCIPLE_COUNT - 1) + 1);
	w.finding = w.fit * (f + 1);
	w.covered = w.finding * (f * maxcost + 1);
	w.big = w.covered * (f + 1);
	return w;
}

/* The slots that may be asked, in order of importance: principle and
 * whether it must be asked. Returns how many; *flow is how many are. */
static int
loop_copies(const struct loop_input *in, int principle[], bool must[], int *flow)
{
	int nk = in->interviewers * in->per, n = 0;

	if (in->principles != NULL) {
		for (size_t i = 0; i < in->nprinciples; i++) {
			principle[n] = in->principles[i];
			must[n++] = true;
		}
		*flow = n;
		return n;
	}
	for (int r = 0; r < PRINCIPLE_COUNT; r++) {
		int p = -1;
		for (int q = 0; q < PRINCIPLE_COUNT && p < 0; q++)
			if (loop_rank(in, q) == r)
				p = q;
		for (int c = 0; c < nk / PRINCIPLE_COUNT; c++) {
			principle[n] = p;
			must[n++] = true;
		}
		if (nk % PRINCIPLE_COUNT != 0) {
			principle[n] = p;
			must[n++] = false;
		}
	}
	*flow = nk;
	return n;
}

void
loop_plan(const struct loop_input *in, struct loop_plan *out)
{
	int principle[LOOP_SLOTS_MAX + PRINCIPLE_COUNT];
	bool must[LOOP_SLOTS_MAX + PRINCIPLE_COUNT];
	int asked[LOOP_SLOTS_MAX + PRINCIPLE_COUNT], flow, ncopies, nslots = 0, sent;
	struct loop_slot list[LOOP_SLOTS_MAX];
	struct loop_weights w;
	struct loop_net g;
	int src = 0, dst = 1, first_story, n = (int)in->nstories;
	size_t count[PRINCIPLE_COUNT] = {0};

	assert(loop_input_is_valid(in));
	memset(out, 0, sizeof(*out));
	out->interviewers = in->interviewers;
	out->per = in->per;
	out->suggestion = -1;

	ncopies = loop_copies(in, principle, must, &flow);
	w = loop_weights(in, flow);
	first_story = 2 + ncopies;
	loop_net_init(&g, first_story + n, (size_t)ncopies * (size_t)(n + 2) + (size_t)n);
	for (int c = 0; c < ncopies; c++) {
		int rank = loop_rank(in, principle[c]);
		int64_t pref = PRINCIPLE_COUNT - 1 - rank;
		asked[c] = loop_net_add(&g, src, 2 + c, must[c] ? -w.big : -pref * w.rank_asked);
		loop_net_add(&g, 2 + c, dst, 0);
		for (int t = 0; t < n; t++) {
			const struct loop_story *s = &in->stories[t];
			if (!loop_shows(s, principle[c]))
				continue;
			loop_net_add(&g, 2 + c, first_story + t,
				     -(w.covered - s->cost * w.finding + loop_fits(in, s) * w.fit +
				       pref * w.rank_covered + (n - t) * w.tie));
		}
	}
	for (int t = 0; t < n; t++)
		loop_net_add(&g, first_story + t, dst, 0);
	/* every slot may go without a story, so all the flow goes through */
	sent = loop_net_flow(&g, src, dst, flow);
	assert(sent == flow);
	(void)sent;

	/* the slots asked, in order of importance, with their stories */
	for (int c = 0; c < ncopies; c++) {
		struct loop_slot sl = {principle[c], -1};
		if (g.e[asked[c]].cap != 0)
			continue;
		for (int k = g.head[2 + c]; k >= 0; k = g.e[k].next)
			if (k % 2 == 0 && g.e[k].cap == 0 && g.e[k].to >= first_story)
				sl.story = g.e[k].to - first_story;
		list[nslots++] = sl;
	}
	loop_net_free(&g);

	/* spread over the interviewers in turn */
	for (int i = 0; i < nslots; i++) {
		int who = i % in->interviewers;
		out->slot[who][out->nslots[who]++] = list[i];
	}
	out->slots = (size_t)nslots;
	for (int i = 0; i < nslots; i++) {
		const struct loop_slot *sl = &list[i];
		bool listed = false;
		if (sl->story >= 0) {
			out->covered++;
			out->findings += in->stories[sl->story].cost;
			out->fits += loop_fits(in, &in->stories[sl->story]);
			continue;
		}
		for (size_t j = 0; j < out->nuncovered; j++)
			listed = listed || out->uncovered[j] == sl->principle;
		if (!listed)
			out->uncovered[out->nuncovered++] = sl->principle;
	}

	/* the suggestion: the uncovered principle fewest stories show, then the
	 * most important */
	for (size_t t = 0; t < in->nstories; t++)
		for (int p = 0; p < PRINCIPLE_COUNT; p++)
			count[p] += loop_shows(&in->stories[t], p);
	for (size_t j = 0; j < out->nuncovered; j++) {
		int p = out->uncovered[j], b = out->suggestion;
		if (b < 0 || count[p] < count[b] ||
		    (count[p] == count[b] && loop_rank(in, p) < loop_rank(in, b)))
			out->suggestion = p;
	}
	assert(loop_plan_is_valid(in, out));
}

bool
loop_plan_is_valid(const struct loop_input *in, const struct loop_plan *plan)
{
	int nk = in->interviewers * in->per, times[PRINCIPLE_COUNT] = {0};
	bool used[LOOP_STORIES_MAX] = {false}, open[PRINCIPLE_COUNT] = {false};
	size_t slots = 0, covered = 0, fits = 0, nopen = 0;
	long findings = 0;

	if (plan->interviewers != in->interviewers || plan->per != in->per)
		return false;
	for (int i = 0; i < in->interviewers; i++) {
		if (plan->nslots[i] > (size_t)in->per ||
		    (in->principles == NULL && plan->nslots[i] != (size_t)in->per))
			return false;
		for (size_t j = 0; j < plan->nslots[i]; j++) {
			const struct loop_slot *sl = &plan->slot[i][j];
			if (sl->principle < 0 || sl->principle >= PRINCIPLE_COUNT)
				return false;
			for (size_t k = 0; k < j; k++)
				if (plan->slot[i][k].principle == sl->principle)
					return false; /* one interviewer asks it twice */
			times[sl->principle]++;
			slots++;
			if (sl->story < 0) {
				nopen += !open[sl->principle];
				open[sl->principle] = true;
				continue;
			}
			if ((size_t)sl->story >= in->nstories || used[sl->story] ||
			    !loop_shows(&in->stories[sl->story], sl->principle))
				return false;
			used[sl->story] = true;
			covered++;
			findings += in->stories[sl->story].cost;
			fits += loop_fits(in, &in->stories[sl->story]);
		}
	}
	for (int p = 0; p < PRINCIPLE_COUNT; p++) {
		if (in->principles != NULL) {
			if (times[p] != (loop_rank(in, p) >= 0))
				return false;
		} else if (times[p] < nk / PRINCIPLE_COUNT ||
			   times[p] > nk / PRINCIPLE_COUNT + (nk % PRINCIPLE_COUNT != 0)) {
			return false;
		}
	}
	if (slots != plan->slots || covered != plan->covered || findings != plan->findings ||
	    fits != plan->fits || nopen != plan->nuncovered)
		return false;
	for (size_t j = 0; j < plan->nuncovered; j++)
		if (plan->uncovered[j] < 0 || plan->uncovered[j] >= PRINCIPLE_COUNT ||
		    !open[plan->uncovered[j]])
			return false;
	if (nopen == 0)
		return plan->suggestion == -1;
	return plan->suggestion >= 0 && plan->suggestion < PRINCIPLE_COUNT &&
	       open[plan->suggestion];
}

/* ------------------------------------------------------------------ */
/* --principles                                                        */

/* Is p already in out[0..n)? Then a message. */
static bool
loop_read_twice(int p, const int *out, size_t n, char *err, size_t errlen)
{
	for (size_t i = 0; i < n; i++) {
		if (out[i] == p) {
			errorf(err, errlen,
			       "leadership principle '%s' is named twice; name it once",
			       principle_at(p)->name);
			return true;
		}
	}
	return false;
}

int
loop_read_principles(const char *s, int out[PRINCIPLE_COUNT], size_t *n, char *err, size_t errlen)
{
	size_t len = strlen(s), nitems = 0;
	size_t(*items)[2] = xcalloc(len + 1, sizeof(*items));
	int rc = 0;

	*n = 0;
	for (size_t p = 0; p <= len;) {
		const char *semi = memchr(s + p, ';', len - p);
		size_t e = semi != NULL ? (size_t)(semi - s) : len, b = p, ee = e;

		while (b < ee && isspace((unsigned char)s[b]))
			b++;
		while (ee > b && isspace((unsigned char)s[ee - 1]))
			ee--;
		if (ee > b) {
			items[nitems][0] = b;
			items[nitems++][1] = ee;
		}
		p = e + 1;
	}
	for (size_t i = 0; i < nitems && rc == 0; i++) {
		const char *t = s + items[i][0];
		size_t tn = items[i][1] - items[i][0];
		int p = -1;

		/* "Have Backbone; Disagree and Commit" is one name with a ';' */
		if (i + 1 < nitems) {
			p = principle_find(t, items[i + 1][1] - items[i][0]);
			if (p >= 0)
				i++;
		}
		if (p < 0)
			p = principle_find(t, tn);
		if (p < 0) {
			int near = principle_nearest(t, tn);
			if (near >= 0)
				errorf(err, errlen,
				       "unknown leadership principle '%.*s': did you mean '%s'?",
				       (int)tn, t, principle_at(near)->name);
			else
				errorf(err, errlen,
				       "unknown leadership principle '%.*s': write one of the 16 "
				       "names or a short form (docs/stories.md lists them)",
				       (int)tn, t);
			rc = -1;
		} else if (loop_read_twice(p, out, *n, err, errlen)) {
			rc = -1;
		} else {
			out[(*n)++] = p;
		}
	}
	if (rc == 0 && *n == 0) {
		errorf(err, errlen,
		       "no principle named: write names separated by ';', e.g. \"Dive Deep; "
		       "Earn Trust\"");
		rc = -1;
	}
	free(items);
	if (rc != 0)
		*n = 0;
	return rc;
}
