#include "campaign.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cluster.h"
#include "log.h"
#include "matchtext.h"
#include "minhash.h"
#include "progress.h"
#include "util.h"

/* Proposals read per batch: bounds memory and the size of each statement's arrays. */
#define CAMPAIGN_BATCH 5000
/* New texts stored per statement. */
#define CAMPAIGN_INSERT_CHUNK 1000
/* Campaigns recounted per statement. */
#define CAMPAIGN_STATS_CHUNK 2000
#define DIGEST_BYTES         16

/* One distinct normal form in a batch. */
struct ltext {
	char hex[2 * DIGEST_BYTES + 1];
	struct minhash sig;
	long long text_id;  /* known text, or the id it got when inserted */
	long long campaign; /* its campaign before this batch (0: none) */
	int props;          /* proposals of this batch with this text */
	int item;           /* a new text: its index in the cluster set */
	bool known;
};

/* One proposal read for the first time. */
struct lprop {
	long long id;
	bool published;
	int text; /* index into the batch's texts */
};

/* A growable list of ids (campaigns touched, and the like). */
struct ids {
	long long *v;
	size_t n, cap;
};

static void ids_push(struct ids *l, long long id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = id;
}

static int compare_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static void ids_unique(struct ids *l)
{
	size_t k = 0;

	if (l->n == 0)
		return;
	qsort(l->v, l->n, sizeof(*l->v), compare_ll);
	for (size_t i = 1; i < l->n; i++)
		if (l->v[i] != l->v[k])
			l->v[++k] = l->v[i];
	l->n = k + 1;
}

/* "{1,2,3}": a PostgreSQL array literal of the ids from..to. */
static void array_ll(struct buf *b, const long long *v, size_t n)
{
	buf_reset(b);
	buf_putc(b, '{');
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s%lld", i ? "," : "", v[i]);
	buf_putc(b, '}');
}

static long long value_ll(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? 0 : strtoll(PQgetvalue(res, row, col), NULL, 10);
}

static void hex_encode(const uint8_t *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Hex (lower case, as PostgreSQL's encode() writes it) to n bytes; false on anything else. */
static bool hex_decode(const char *in, uint8_t *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int hi = hex_digit(in[2 * i]), lo = hi < 0 ? -1 : hex_digit(in[2 * i + 1]);

		if (lo < 0)
			return false;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return in[2 * n] == '\0';
}

/* Everything one batch of one consultation works with. */
struct batch {
	struct conn *c;
	const char *consultation;
	struct ltext *texts;
	int ntexts;
	struct lprop *props;
	int nprops;
	struct cluster_set *set;
	long long *cand_ids, *cand_campaign; /* leaders met (candidates query), by id */
	int ncand;
	struct ids *touched;
	struct campaign_stats *st;
	struct agg_error *err; /* for add_candidate */
	struct buf a1, a2, a3, a4, a5, a6, a7;
	struct digest_index {
		int *slot;
		size_t cap;
	} ix; /* digest -> text: groups a batch in linear time */
};

static size_t digest_slot(const struct digest_index *ix, const char *hex)
{
	uint64_t h =
		strtoull((char[17]){ hex[0], hex[1], hex[2], hex[3], hex[4], hex[5], hex[6], hex[7], hex[8],
				     hex[9], hex[10], hex[11], hex[12], hex[13], hex[14], hex[15], 0 },
			 NULL, 16);

	return (size_t)(h & (ix->cap - 1));
}

/* The text with this digest: found, or added when `add`; -1 when neither. */
static int text_index(struct batch *b, const char *hex, bool add)
{
	struct digest_index *ix = &b->ix;
	size_t s = digest_slot(ix, hex);

	while (ix->slot[s] >= 0) {
		if (strcmp(b->texts[ix->slot[s]].hex, hex) == 0)
			return ix->slot[s];
		s = (s + 1) & (ix->cap - 1);
	}
	if (!add)
		return -1;
	ix->slot[s] = b->ntexts;
	memset(&b->texts[b->ntexts], 0, sizeof(b->texts[0]));
	memcpy(b->texts[b->ntexts].hex, hex, sizeof(b->texts[0].hex));
	return b->ntexts++;
}

/* Status changes of proposals already read: their campaigns are recounted. */
static bool record_status(struct batch *b, const PGresult *rows, struct agg_error *err)
{
	const char *params[2];
	PGresult *res;
	int n = 0;

	buf_reset(&b->a1);
	buf_reset(&b->a2);
	for (int r = 0; r < PQntuples(rows); r++) {
		if (PQgetisnull(rows, r, 3))
			continue;
		buf_printf(&b->a1, "%s%s", n ? "," : "{", PQgetvalue(rows, r, 0));
		buf_printf(&b->a2, "%s%s", n ? "," : "{", PQgetvalue(rows, r, 2));
		n++;
	}
	if (n == 0)
		return true;
	buf_putc(&b->a1, '}');
	buf_putc(&b->a2, '}');
	params[0] = b->a1.data;
	params[1] = b->a2.data;
	res = conn_run(b->c, "campaign_status", 2, params, "recording status changes", err);
	if (!res)
		return false;
	for (int r = 0; r < PQntuples(res); r++)
		ids_push(b->touched, value_ll(res, r, 0));
	b->st->status += n;
	PQclear(res);
	return true;
}

/* Normalises and groups the new proposals of the batch by normal form. */
static bool read_new(struct batch *b, const PGresult *rows, struct agg_error *err)
{
	struct digest_index *ix = &b->ix;
	int n = PQntuples(rows);

	ix->cap = 1;
	while (ix->cap < 2 * (size_t)n + 2)
		ix->cap <<= 1;
	ix->slot = xmalloc(ix->cap * sizeof(int));
	memset(ix->slot, 0xFF, ix->cap * sizeof(int));
	b->texts = xcalloc((size_t)n + 1, sizeof(*b->texts));
	b->props = xcalloc((size_t)n + 1, sizeof(*b->props));
	for (int r = 0; r < n; r++) {
		const char *text = PQgetvalue(rows, r, 1);
		char *norm;
		uint8_t digest[DIGEST_BYTES];
		char hex[2 * DIGEST_BYTES + 1];
		int t;

		if (!PQgetisnull(rows, r, 3))
			continue;
		norm = matchtext_normalise(text, (size_t)PQgetlength(rows, r, 1));
		if (!norm) /* the schema only stores valid UTF-8: a broken invariant */
			return agg_fail(err, AGG_INTEGRITY, "proposal %s: text is not valid UTF-8",
					PQgetvalue(rows, r, 0));
		crypto_generichash(digest, sizeof(digest), (const unsigned char *)norm, strlen(norm), NULL,
				   0);
		hex_encode(digest, sizeof(digest), hex);
		t = text_index(b, hex, true);
		if (b->texts[t].props++ == 0)
			minhash_sign(norm, &b->texts[t].sig);
		free(norm);
		b->props[b->nprops++] = (struct lprop){ strtoll(PQgetvalue(rows, r, 0), NULL, 10),
							strcmp(PQgetvalue(rows, r, 2), "t") == 0, t };
	}
	return true;
}

/* Marks the batch's texts that are known already (equal to an earlier proposal's). */
static bool find_known(struct batch *b, struct agg_error *err)
{
	const char *params[2] = { b->consultation, NULL };
	PGresult *res;

	buf_reset(&b->a1);
	buf_putc(&b->a1, '{');
	for (int i = 0; i < b->ntexts; i++)
		buf_printf(&b->a1, "%s%s", i ? "," : "", b->texts[i].hex);
	buf_putc(&b->a1, '}');
	params[1] = b->a1.data;
	res = conn_run(b->c, "campaign_texts_find", 2, params, "finding known texts", err);
	if (!res)
		return false;
	for (int r = 0; r < PQntuples(res); r++) {
		int t = text_index(b, PQgetvalue(res, r, 1), false);

		if (t < 0)
			continue;
		b->texts[t].known = true;
		b->texts[t].text_id = value_ll(res, r, 0);
		b->texts[t].campaign = value_ll(res, r, 2);
	}
	PQclear(res);
	return true;
}

/* One candidate row (id, signature in hex, campaign, shingles): a leader of an earlier run,
 * compared with the new texts of its bands as it is read, and not kept. */
static bool add_candidate(const PGresult *row, void *arg)
{
	struct batch *b = arg;
	uint8_t packed[4 * MINHASH_SIZE];
	struct minhash m;
	size_t n = (size_t)b->ncand;

	if (!hex_decode(PQgetvalue(row, 0, 1), packed, sizeof(packed)) ||
	    !minhash_unpack(packed, sizeof(packed), &m))
		return agg_fail(b->err, AGG_INTEGRITY,
				"campaign text %s has a signature of another method; run refresh --full",
				PQgetvalue(row, 0, 0));
	m.shingles = (uint32_t)value_ll(row, 0, 3);
	if ((n & (n - 1)) == 0) { /* 0, 1, 2, 4, ...: doubled */
		b->cand_ids = xrealloc(b->cand_ids, 2 * (n + 1) * sizeof(long long));
		b->cand_campaign = xrealloc(b->cand_campaign, 2 * (n + 1) * sizeof(long long));
	}
	cluster_meet_leader(b->set, (int)n, &m);
	b->cand_ids[n] = value_ll(row, 0, 0);
	b->cand_campaign[n] = value_ll(row, 0, 2);
	b->ncand++;
	return true;
}

/*
 * Meets the leaders of earlier runs that share a band with a new text. They may be most of
 * the consultation's leaders (texts built from common phrases share bands), so they are read
 * one row at a time, in the order they were first seen (their ids), and each is compared with
 * the new texts of its bands as it comes: the batch keeps of it only its id and campaign.
 */
static bool add_candidates(struct batch *b, struct agg_error *err)
{
	char limit[16];
	const char *params[3] = { b->consultation, NULL, limit };
	int keys = 0;

	snprintf(limit, sizeof(limit), "%d", CLUSTER_MAX_TRIES);
	buf_reset(&b->a1);
	buf_putc(&b->a1, '{');
	for (int i = 0; i < cluster_count(b->set); i++) {
		int64_t k[MINHASH_BANDS];
		int n = cluster_keys(b->set, i, k);

		for (int j = 0; j < n; j++)
			buf_printf(&b->a1, "%s%" PRId64, keys++ ? "," : "", k[j]);
	}
	buf_putc(&b->a1, '}');
	if (keys == 0)
		return true;
	params[1] = b->a1.data;
	b->err = err;
	return conn_each_row(b->c, "campaign_candidates", 3, params, add_candidate, b,
			     "finding candidate texts", err);
}

static int find_candidate(const struct batch *b, long long text_id)
{
	const long long *hit =
		b->ncand ? bsearch(&text_id, b->cand_ids, (size_t)b->ncand, sizeof(long long), compare_ll)
			 : NULL;

	return hit ? (int)(hit - b->cand_ids) : -1;
}

/* What the batch's texts become: one group per leader (a leader met, a known text of the
 * batch that was not met, or a new text that leads), and the campaign it is or becomes. */
struct group {
	long long campaign; /* 0: none */
	long long text_id;  /* its known text (0: a new one), attached when its campaign is new */
	int props;          /* its proposals (a known text alone has one) */
	bool created;       /* its campaign is made by this batch */
};

struct plan {
	struct group *groups; /* the leaders met first, with their numbers as indexes */
	int ngroups;
	int *of_text; /* by text of the batch: its group */
};

/* The group of each text of the batch, in order: a new text's leader came before it. */
static void plan_groups(struct batch *b, struct plan *p, int *new_campaigns)
{
	int *text_of_item = xmalloc(((size_t)cluster_count(b->set) + 1) * sizeof(int));

	p->groups = xcalloc((size_t)b->ncand + (size_t)b->ntexts + 1, sizeof(*p->groups));
	p->of_text = xcalloc((size_t)b->ntexts + 1, sizeof(int));
	for (int c = 0; c < b->ncand; c++)
		p->groups[c] = (struct group){ b->cand_campaign[c], b->cand_ids[c], 1, false };
	p->ngroups = b->ncand;
	for (int t = 0; t < b->ntexts; t++) {
		const struct ltext *x = &b->texts[t];
		int g = x->known ? find_candidate(b, x->text_id) : -1;
		bool met = false;
		int leader = x->known ? CLUSTER_LEADS : cluster_leader(b->set, x->item, &met);

		if (!x->known)
			text_of_item[x->item] = t;
		if (x->known && g < 0)
			p->groups[g = p->ngroups++] = (struct group){ x->campaign, x->text_id, 1, false };
		else if (!x->known && leader == CLUSTER_LEADS)
			p->groups[g = p->ngroups++] = (struct group){ 0 };
		else if (!x->known)
			g = met ? leader : p->of_text[text_of_item[leader]];
		p->of_text[t] = g;
		p->groups[g].props += x->props;
	}
	*new_campaigns = 0;
	for (int g = 0; g < p->ngroups; g++)
		if (p->groups[g].campaign == 0 && p->groups[g].props >= 2) {
			p->groups[g].created = true;
			++*new_campaigns;
		}
	free(text_of_item);
}

static bool create_campaigns(struct batch *b, struct plan *p, int count, struct agg_error *err)
{
	char n[16];
	const char *params[2] = { b->consultation, n };
	PGresult *res;
	int k = 0;

	if (count == 0)
		return true;
	snprintf(n, sizeof(n), "%d", count);
	res = conn_run(b->c, "campaign_create", 2, params, "creating campaigns", err);
	if (!res)
		return false;
	for (int g = 0; g < p->ngroups && k < PQntuples(res); g++)
		if (p->groups[g].created)
			p->groups[g].campaign = value_ll(res, k++, 0);
	b->st->created += count;
	PQclear(res);
	return true;
}

/* Known texts that were alone and now lead a campaign. */
static bool attach_texts(struct batch *b, const struct plan *p, struct agg_error *err)
{
	struct ids texts = { 0 }, campaigns = { 0 };
	const char *params[2];
	PGresult *res = NULL;
	bool ok = true;

	for (int g = 0; g < p->ngroups; g++) {
		if (p->groups[g].created && p->groups[g].text_id != 0) {
			ids_push(&texts, p->groups[g].text_id);
			ids_push(&campaigns, p->groups[g].campaign);
		}
	}
	if (texts.n > 0) {
		array_ll(&b->a1, texts.v, texts.n);
		array_ll(&b->a2, campaigns.v, campaigns.n);
		params[0] = b->a1.data;
		params[1] = b->a2.data;
		res = conn_run(b->c, "campaign_attach", 2, params, "attaching texts to campaigns", err);
		ok = res != NULL;
		PQclear(res);
	}
	free(texts.v);
	free(campaigns.v);
	return ok;
}

static long long campaign_of(const struct plan *p, int t)
{
	return p->groups[p->of_text[t]].campaign;
}

/* Stores the new texts from *next on, CAMPAIGN_INSERT_CHUNK at most (their signatures in hex
 * are 1 KB each, and libpq keeps a copy of the statement); *next moves past them. Only
 * leaders get band keys: a follower is never a candidate again. */
static bool insert_texts_chunk(struct batch *b, const struct plan *p, int *next, struct agg_error *err)
{
	/* digests and signatures (one bytea each, in hex), campaigns, band keys, their texts,
	 * shingle counts, leading or not */
	struct buf *a[7] = { &b->a1, &b->a2, &b->a3, &b->a4, &b->a5, &b->a6, &b->a7 };
	const char *params[8] = { b->consultation };
	int n = 0, keys = 0;
	PGresult *res;

	for (int k = 0; k < 7; k++)
		buf_reset(a[k]);
	buf_puts(a[0], "\\x");
	buf_puts(a[1], "\\x");
	for (int k = 2; k < 7; k++)
		buf_putc(a[k], '{');
	for (; *next < b->ntexts && n < CAMPAIGN_INSERT_CHUNK; ++*next) {
		const struct ltext *x = &b->texts[*next];
		uint8_t packed[4 * MINHASH_SIZE];
		char sig[8 * MINHASH_SIZE + 1];
		int64_t key[MINHASH_BANDS];
		bool met;
		bool leads = !x->known && cluster_leader(b->set, x->item, &met) == CLUSTER_LEADS;
		int nkeys;

		if (x->known)
			continue;
		nkeys = leads ? cluster_keys(b->set, x->item, key) : 0;
		minhash_pack(&x->sig, packed);
		hex_encode(packed, sizeof(packed), sig);
		buf_puts(a[0], x->hex);
		buf_puts(a[1], sig);
		buf_printf(a[2], "%s%lld", n ? "," : "", campaign_of(p, *next));
		buf_printf(a[5], "%s%u", n ? "," : "", (unsigned)x->sig.shingles);
		buf_printf(a[6], "%s%s", n ? "," : "", leads ? "t" : "f");
		n++;
		for (int k = 0; k < nkeys; k++) {
			buf_printf(a[3], "%s%" PRId64, keys ? "," : "", key[k]);
			buf_printf(a[4], "%s%d", keys++ ? "," : "", n);
		}
	}
	if (n == 0)
		return true;
	for (int k = 2; k < 7; k++)
		buf_putc(a[k], '}');
	for (int k = 0; k < 7; k++)
		params[k + 1] = a[k]->data;
	res = conn_run(b->c, "campaign_texts_insert", 8, params, "storing new texts", err);
	if (!res)
		return false;
	for (int r = 0; r < PQntuples(res); r++) {
		int t = text_index(b, PQgetvalue(res, r, 1), false);

		if (t >= 0)
			b->texts[t].text_id = value_ll(res, r, 0);
	}
	b->st->texts += n;
	PQclear(res);
	return true;
}

static bool insert_texts(struct batch *b, const struct plan *p, struct agg_error *err)
{
	int next = 0;

	while (next < b->ntexts)
		if (!insert_texts_chunk(b, p, &next, err))
			return false;
	return true;
}

static bool insert_proposals(struct batch *b, const struct plan *p, struct agg_error *err)
{
	const char *params[4];
	PGresult *res;

	if (b->nprops == 0)
		return true;
	buf_reset(&b->a1);
	buf_reset(&b->a2);
	buf_reset(&b->a3);
	buf_reset(&b->a4);
	for (int i = 0; i < b->nprops; i++) {
		const struct ltext *x = &b->texts[b->props[i].text];
		const char *sep = i ? "," : "{";
		long long campaign = campaign_of(p, b->props[i].text);

		buf_printf(&b->a1, "%s%lld", sep, b->props[i].id);
		buf_printf(&b->a2, "%s%lld", sep, x->text_id);
		buf_printf(&b->a3, "%s%s", sep, b->props[i].published ? "t" : "f");
		buf_printf(&b->a4, "%s%lld", sep, campaign);
		if (campaign != 0)
			ids_push(b->touched, campaign);
	}
	buf_putc(&b->a1, '}');
	buf_putc(&b->a2, '}');
	buf_putc(&b->a3, '}');
	buf_putc(&b->a4, '}');
	params[0] = b->a1.data;
	params[1] = b->a2.data;
	params[2] = b->a3.data;
	params[3] = b->a4.data;
	res = conn_run(b->c, "campaign_proposals_insert", 4, params, "storing proposals read", err);
	if (!res)
		return false;
	b->st->proposals += b->nprops;
	PQclear(res);
	return true;
}

/* Puts the batch's texts into campaigns through their leaders and stores the outcome. */
static bool cluster_batch(struct batch *b, struct agg_error *err)
{
	struct plan p = { 0 };
	int new_campaigns = 0;
	bool ok;

	b->set = cluster_new((uint32_t)atoi(b->consultation));
	for (int t = 0; t < b->ntexts; t++) /* in the order first seen: the batch's, by id */
		if (!b->texts[t].known)
			b->texts[t].item = cluster_add(b->set, &b->texts[t].sig);
	if (!add_candidates(b, err))
		return false;
	cluster_run(b->set);
	log_debug("campaigns batch: %d proposals, %d texts, %d leaders met", b->nprops, b->ntexts, b->ncand);
	b->st->compared += cluster_compared(b->set);
	b->st->gave_up += cluster_gave_up(b->set);
	plan_groups(b, &p, &new_campaigns);
	ok = create_campaigns(b, &p, new_campaigns, err) && attach_texts(b, &p, err) &&
	     insert_texts(b, &p, err) && insert_proposals(b, &p, err);
	free(p.groups);
	free(p.of_text);
	return ok;
}

static void batch_free(struct batch *b)
{
	cluster_free(b->set);
	free(b->texts);
	free(b->props);
	free(b->cand_ids);
	free(b->cand_campaign);
	buf_free(&b->a1);
	buf_free(&b->a2);
	buf_free(&b->a3);
	buf_free(&b->a4);
	buf_free(&b->a5);
	buf_free(&b->a6);
	buf_free(&b->a7);
	free(b->ix.slot);
}

/* One batch: status changes, then new proposals. */
static bool run_batch(struct conn *c, const char *consultation, const PGresult *rows, struct ids *touched,
		      struct campaign_stats *st, struct agg_error *err)
{
	struct batch b = { .c = c, .consultation = consultation, .touched = touched, .st = st };
	bool ok;

	buf_init(&b.a1, 0);
	buf_init(&b.a2, 0);
	buf_init(&b.a3, 0);
	buf_init(&b.a4, 0);
	buf_init(&b.a5, 0);
	buf_init(&b.a6, 0);
	buf_init(&b.a7, 0);
	ok = record_status(&b, rows, err) && read_new(&b, rows, err) &&
	     (b.ntexts == 0 || find_known(&b, err)) && (b.ntexts == 0 || cluster_batch(&b, err));
	batch_free(&b);
	/* a campaign per member read would grow with the data; each campaign once does not */
	ids_unique(touched);
	return ok;
}

static bool refresh_consultation(struct conn *c, const char *consultation, struct progress *bar,
				 struct ids *touched, struct campaign_stats *st, bool *changed,
				 struct agg_error *err)
{
	char after[24] = "0", limit[16];
	const char *params[3] = { consultation, after, limit };
	int n;

	snprintf(limit, sizeof(limit), "%d", CAMPAIGN_BATCH);
	do {
		PGresult *res = conn_run(c, "campaign_pending", 3, params, "reading new proposals", err);

		if (!res)
			return false;
		n = PQntuples(res);
		if (n > 0) {
			snprintf(after, sizeof(after), "%s", PQgetvalue(res, n - 1, 0));
			*changed = true;
		}
		if (!run_batch(c, consultation, res, touched, st, err)) {
			PQclear(res);
			return false;
		}
		PQclear(res);
		progress_update(bar, st->proposals + st->status, 0, "proposals");
	} while (n == CAMPAIGN_BATCH);
	return true;
}

static bool recount(struct conn *c, struct ids *touched, struct agg_error *err)
{
	struct buf a;
	bool ok = true;

	ids_unique(touched);
	buf_init(&a, 0);
	for (size_t i = 0; ok && i < touched->n; i += CAMPAIGN_STATS_CHUNK) {
		size_t n = touched->n - i < CAMPAIGN_STATS_CHUNK ? touched->n - i : CAMPAIGN_STATS_CHUNK;
		const char *params[1];
		PGresult *res;

		array_ll(&a, touched->v + i, n);
		params[0] = a.data;
		res = conn_run(c, "campaign_stats", 1, params, "recounting campaigns", err);
		ok = res != NULL;
		PQclear(res);
	}
	buf_free(&a);
	return ok;
}

static bool recount_parts(struct conn *c, const char *consultation, struct agg_error *err)
{
	PGresult *res =
		conn_run(c, "campaign_count_clear", 1, &consultation, "clearing collapsed counts", err);

	if (!res)
		return false;
	PQclear(res);
	res = conn_run(c, "campaign_count_fill", 1, &consultation, "counting distinct texts", err);
	PQclear(res);
	return res != NULL;
}

/* Decides between incremental and full: never made, or made another way, is rebuilt. */
static bool plan_refresh(struct conn *c, bool *full, struct agg_error *err)
{
	PGresult *res = conn_run(c, "campaign_state", 0, NULL, "reading the campaign state", err);

	if (!res)
		return false;
	if (PQntuples(res) == 0) {
		if (!*full)
			log_info("the campaigns were never made: building them from scratch");
		*full = true;
	} else if (strcmp(PQgetvalue(res, 0, 0), minhash_method()) != 0) {
		log_info("the campaigns were made with \"%s\", now \"%s\": rebuilding them",
			 PQgetvalue(res, 0, 0), minhash_method());
		*full = true;
	}
	PQclear(res);
	if (*full) {
		res = conn_run(c, "campaign_clear", 0, NULL, "clearing the campaigns", err);
		if (!res)
			return false;
		PQclear(res);
	}
	return true;
}

bool campaign_refresh(struct conn *c, bool full, bool show_progress, struct campaign_stats *st,
		      struct agg_error *err)
{
	const char *params[2] = { minhash_method(), NULL };
	struct ids touched = { 0 };
	struct progress bar;
	PGresult *list = NULL, *res;
	bool ok = false;

	memset(st, 0, sizeof(*st));
	if (sodium_init() < 0)
		return agg_fail(err, AGG_FAILED, "libsodium could not be initialised");
	if (!plan_refresh(c, &full, err))
		return false;
	st->full = full;
	list = conn_run(c, "campaign_consultations", 0, NULL, "listing consultations", err);
	if (!list)
		return false;
	progress_start(&bar, "campaigns", show_progress);
	for (int i = 0; i < PQntuples(list); i++) {
		const char *id = PQgetvalue(list, i, 0);
		bool changed = false;

		if (!refresh_consultation(c, id, &bar, &touched, st, &changed, err) ||
		    (changed && !recount_parts(c, id, err)))
			goto out;
	}
	if (!recount(c, &touched, err))
		goto out;
	params[1] = full ? "true" : "false";
	res = conn_run_row(c, "campaign_state_save", 2, params, "recording the campaign refresh", err);
	ok = res != NULL;
	PQclear(res);
	if (st->gave_up)
		log_warn("campaigns: %lld times a new text met a band of %d leaders or more (the first were "
			 "compared)",
			 st->gave_up, CLUSTER_MAX_TRIES);
out:
	progress_done(&bar);
	PQclear(list);
	free(touched.v);
	return ok;
}
