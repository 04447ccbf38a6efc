#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "log.h"
#include "util.h"

/* The similarity of text i to a group (the chain of members from `first`): the mean, or -1
 * when one member is below the floor. */
static double linkage(const struct textvec *v, int i, int first, const int *next, double floor_,
		      double *least)
{
	double sum = 0;
	int k = 0;

	*least = 1;
	for (int j = first; j >= 0; j = next[j]) {
		double s = textvec_cosine(&v[i], &v[j]);

		if (s < floor_)
			return -1;
		if (s < *least)
			*least = s;
		sum += s;
		k++;
	}
	return sum / k;
}

int suggest_group(const struct textvec *v, int n, double threshold, int *group_of, double *cohesion_of)
{
	int *first = xmalloc(((size_t)n + 1) * sizeof(int)); /* the groups, by their first text */
	int *next = xmalloc(((size_t)n + 1) * sizeof(int));  /* members, chained from the first */
	int *last = xmalloc(((size_t)n + 1) * sizeof(int));
	double *least = xmalloc(((size_t)n + 1) * sizeof(double));
	int ngroups = 0;

	for (int i = 0; i < n; i++) {
		int best = -1;
		double best_mean = -1, best_least = 1;

		for (int g = 0; g < ngroups; g++) {
			double l, mean = linkage(v, i, first[g], next, SUGGEST_FLOOR, &l);

			if (mean >= threshold && mean > best_mean) {
				best = g;
				best_mean = mean;
				best_least = l;
			}
		}
		next[i] = -1;
		if (best < 0) {
			first[ngroups] = last[ngroups] = i;
			least[ngroups++] = 1;
			group_of[i] = i;
			continue;
		}
		next[last[best]] = i;
		last[best] = i;
		if (best_least < least[best])
			least[best] = best_least;
		group_of[i] = first[best];
	}
	for (int g = 0; cohesion_of && g < ngroups; g++)
		cohesion_of[first[g]] = least[g];
	free(first);
	free(next);
	free(last);
	free(least);
	return ngroups;
}

/* A text of a part: one proposal, or a campaign (its first proposal's text, all of them). */
struct unit {
	long long campaign;
	long long *ids;
	int nids, cap;
	struct textvec v;
};

/* What suggest_run gathers for one consultation while the proposals stream in. */
struct gather {
	struct agg_error *err;
	struct textvec_index *ix; /* document frequencies over the consultation */
	struct suggest_stats *st;
	long long part;
	struct unit *units;
	int nunits, cap;
	/* the suggestions so far: part, cohesion, size each; members as (ordinal, proposal) */
	struct buf parts, cohesion, sizes, member_ord, member_id;
	int nsuggestions;
	long long nmembers;
};

static void unit_push_id(struct unit *u, long long id)
{
	if (u->nids == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 4;
		u->ids = xrealloc(u->ids, (size_t)u->cap * sizeof(*u->ids));
	}
	u->ids[u->nids++] = id;
}

static void free_units(struct gather *g)
{
	for (int i = 0; i < g->nunits; i++) {
		free(g->units[i].ids);
		textvec_free(&g->units[i].v);
	}
	g->nunits = 0;
}

/* One suggestion: the units whose group begins at unit `head`. */
static void record(struct gather *g, const int *group_of, int head, double cohesion)
{
	int size = 0;
	const char *sep = g->nsuggestions ? "," : "";

	g->nsuggestions++;
	for (int i = head; i < g->nunits; i++) {
		if (group_of[i] != head)
			continue;
		for (int k = 0; k < g->units[i].nids; k++) {
			buf_printf(&g->member_ord, "%s%d", g->nmembers ? "," : "", g->nsuggestions);
			buf_printf(&g->member_id, "%s%lld", g->nmembers++ ? "," : "", g->units[i].ids[k]);
			size++;
		}
	}
	buf_printf(&g->parts, "%s%lld", sep, g->part);
	buf_printf(&g->cohesion, "%s%.4f", sep, cohesion);
	buf_printf(&g->sizes, "%s%d", sep, size);
	g->st->suggestions++;
	g->st->members += size;
}

/* Groups the part's texts and records the suggestions. */
static void flush_part(struct gather *g)
{
	struct textvec *v;
	int *group_of, *count;
	double *cohesion;

	if (g->nunits == 0)
		return;
	v = xmalloc((size_t)g->nunits * sizeof(*v));
	group_of = xmalloc((size_t)g->nunits * sizeof(int));
	count = xcalloc((size_t)g->nunits, sizeof(int));
	cohesion = xmalloc((size_t)g->nunits * sizeof(double));
	for (int i = 0; i < g->nunits; i++) {
		textvec_weigh(g->ix, &g->units[i].v);
		v[i] = g->units[i].v;
	}
	suggest_group(v, g->nunits, SUGGEST_THRESHOLD, group_of, cohesion);
	for (int i = 0; i < g->nunits; i++)
		count[group_of[i]]++;
	for (int i = 0; i < g->nunits; i++)
		if (group_of[i] == i && count[i] >= 2)
			record(g, group_of, i, cohesion[i]);
	g->st->texts += g->nunits;
	free(v);
	free(group_of);
	free(count);
	free(cohesion);
	free_units(g);
}

static struct unit *find_campaign(struct gather *g, long long campaign)
{
	for (int i = g->nunits - 1; i >= 0; i--)
		if (g->units[i].campaign == campaign)
			return &g->units[i];
	return NULL;
}

/* One row (part, id, lang, text, campaign) of suggest_proposals. */
static bool take_row(const PGresult *row, void *arg)
{
	struct gather *g = arg;
	long long part = strtoll(PQgetvalue(row, 0, 0), NULL, 10),
		  id = strtoll(PQgetvalue(row, 0, 1), NULL, 10);
	long long campaign = strtoll(PQgetvalue(row, 0, 4), NULL, 10);
	struct unit *u;

	if (part != g->part)
		flush_part(g);
	g->part = part;
	g->st->proposals++;
	u = campaign ? find_campaign(g, campaign) : NULL;
	if (!u) {
		if (g->nunits == g->cap) {
			g->cap = g->cap ? 2 * g->cap : 256;
			g->units = xrealloc(g->units, (size_t)g->cap * sizeof(*g->units));
		}
		u = &g->units[g->nunits++];
		memset(u, 0, sizeof(*u));
		u->campaign = campaign;
		if (!textvec_terms(PQgetvalue(row, 0, 3), PQgetvalue(row, 0, 2), &u->v))
			return agg_fail(g->err, AGG_INTEGRITY, "proposal %lld: text is not valid UTF-8", id);
	}
	unit_push_id(u, id);
	return true;
}

/* One row (lang, text) of suggest_texts into the document frequencies. */
static bool count_text(const PGresult *row, void *arg)
{
	struct gather *g = arg;
	struct textvec v;

	if (!textvec_terms(PQgetvalue(row, 0, 1), PQgetvalue(row, 0, 0), &v))
		return agg_fail(g->err, AGG_INTEGRITY, "a proposal's text is not valid UTF-8");
	textvec_index_add(g->ix, &v);
	textvec_free(&v);
	return true;
}

static void reset_out(struct gather *g)
{
	struct buf *b[5] = { &g->parts, &g->cohesion, &g->sizes, &g->member_ord, &g->member_id };

	for (int k = 0; k < 5; k++) {
		buf_reset(b[k]);
		buf_putc(b[k], '{');
	}
	g->nsuggestions = 0;
	g->nmembers = 0;
}

static bool store(struct conn *c, const char *consultation, struct gather *g, struct agg_error *err)
{
	const char *params[6] = { consultation,  g->parts.data,      g->cohesion.data,
				  g->sizes.data, g->member_ord.data, g->member_id.data };
	struct buf *b[5] = { &g->parts, &g->cohesion, &g->sizes, &g->member_ord, &g->member_id };
	PGresult *res;

	if (g->nsuggestions == 0)
		return true;
	for (int k = 0; k < 5; k++)
		buf_putc(b[k], '}');
	res = conn_run(c, "suggest_insert", 6, params, "storing suggestions", err);
	PQclear(res);
	return res != NULL;
}

/* The suggestions of one consultation, anew: the document frequencies in a first pass over
 * its texts, then the proposals part by part. All are gathered before they are stored: the
 * rows come in single-row mode, and the connection runs nothing else meanwhile. */
static bool suggest_consultation(struct conn *c, const char *consultation, struct suggest_stats *st,
				 struct agg_error *err)
{
	struct gather g = { .err = err, .st = st, .part = -1, .ix = textvec_index_new() };
	PGresult *res = conn_run(c, "suggest_clear", 1, &consultation, "clearing suggestions", err);
	bool ok = res != NULL;

	PQclear(res);
	buf_init(&g.parts, 0);
	buf_init(&g.cohesion, 0);
	buf_init(&g.sizes, 0);
	buf_init(&g.member_ord, 0);
	buf_init(&g.member_id, 0);
	reset_out(&g);
	ok = ok && conn_each_row(c, "suggest_texts", 1, &consultation, count_text, &g, "counting terms", err);
	ok = ok &&
	     conn_each_row(c, "suggest_proposals", 1, &consultation, take_row, &g, "reading proposals", err);
	if (ok)
		flush_part(&g);
	ok = ok && store(c, consultation, &g, err);
	free_units(&g);
	free(g.units);
	textvec_index_free(g.ix);
	buf_free(&g.parts);
	buf_free(&g.cohesion);
	buf_free(&g.sizes);
	buf_free(&g.member_ord);
	buf_free(&g.member_id);
	return ok;
}

bool suggest_run(struct conn *c, bool wait, struct suggest_stats *st, struct agg_error *err)
{
	PGresult *list;
	bool ok = true;

	memset(st, 0, sizeof(*st));
	if (!conn_lock(c, wait, err) || !conn_begin(c, err))
		return false;
	list = conn_run(c, "campaign_consultations", 0, NULL, "listing consultations", err);
	if (!list)
		return false;
	for (int i = 0; ok && i < PQntuples(list); i++)
		ok = suggest_consultation(c, PQgetvalue(list, i, 0), st, err);
	PQclear(list);
	return ok && conn_commit(c, err);
}
