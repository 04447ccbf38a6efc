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
#define DIGEST_BYTES 16

/* One distinct normal form in a batch. */
struct ltext {
	char hex[2 * DIGEST_BYTES + 1];
	struct minhash sig;
	long long text_id;  /* known text, or the id it got when inserted */
	long long campaign; /* its campaign before this batch (0: none) */
	int props;          /* proposals of this batch with this text */
	int item;           /* its item in the cluster set */
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

static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

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
	long long *cand_ids, *cand_campaign; /* known texts from the candidates query, by id */
	int *cand_item;
	int ncand;
	struct ids *touched;
	struct campaign_stats *st;
	struct agg_error *err; /* for add_candidate */
	struct fresh_key *fresh; /* the new texts' band keys, sorted */
	size_t nfresh;
	int *seen;               /* by text: the candidate that last met it */
	uint64_t *links;         /* candidate << 32 | text: similar pairs, in that order */
	size_t nlinks, links_cap;
	struct buf a1, a2, a3, a4, a5, a6;
	struct digest_index {
		int *slot;
		size_t cap;
	} ix; /* digest -> text: groups a batch in linear time */
};

static size_t digest_slot(const struct digest_index *ix, const char *hex)
{
	uint64_t h = strtoull((char[17]){ hex[0], hex[1], hex[2], hex[3], hex[4], hex[5], hex[6], hex[7], hex[8],
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
			return agg_fail(err, AGG_INTEGRITY, "proposal %s: text is not valid UTF-8", PQgetvalue(rows, r, 0));
		crypto_generichash(digest, sizeof(digest), (const unsigned char *)norm, strlen(norm), NULL, 0);
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

/* A band key of a new text of the batch. */
struct fresh_key {
	int64_t key;
	int text;
};

static int compare_fresh_key(const void *x, const void *y)
{
	const struct fresh_key *a = x, *b = y;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->text > b->text) - (a->text < b->text);
}

/* The band keys of the batch's new texts, sorted: which new texts a known one meets. */
static void index_fresh_keys(struct batch *b)
{
	uint32_t scope = (uint32_t)atoi(b->consultation);

	b->fresh = xmalloc(((size_t)b->ntexts * MINHASH_BANDS + 1) * sizeof(*b->fresh));
	b->nfresh = 0;
	for (int t = 0; t < b->ntexts; t++) {
		int64_t k[MINHASH_BANDS];
		int n = b->texts[t].known ? 0 : minhash_bands(&b->texts[t].sig, scope, k);

		for (int j = 0; j < n; j++)
			b->fresh[b->nfresh++] = (struct fresh_key){ k[j], t };
	}
	qsort(b->fresh, b->nfresh, sizeof(*b->fresh), compare_fresh_key);
	b->seen = xmalloc(((size_t)b->ntexts + 1) * sizeof(int));
	memset(b->seen, 0xFF, ((size_t)b->ntexts + 1) * sizeof(int));
}

/* The first fresh key >= key. */
static size_t fresh_lower(const struct batch *b, int64_t key)
{
	size_t lo = 0, hi = b->nfresh;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->fresh[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Compares known text n (signature m) with each new text it shares a band with, recording
 * the similar ones in b->links (n << 32 | text), and keeps in `shared` the keys it shares:
 * all cluster_run would look at, done while the signature is at hand.
 */
static int meet_fresh(struct batch *b, int n, const struct minhash *m, int64_t shared[MINHASH_BANDS])
{
	int64_t k[MINHASH_BANDS];
	int nk = minhash_bands(m, (uint32_t)atoi(b->consultation), k), nshared = 0;
	size_t from = b->nlinks;

	for (int j = 0; j < nk; j++) {
		size_t f = fresh_lower(b, k[j]);

		if (f < b->nfresh && b->fresh[f].key == k[j])
			shared[nshared++] = k[j];
		for (; f < b->nfresh && b->fresh[f].key == k[j]; f++) {
			int t = b->fresh[f].text;

			if (b->seen[t] == n)
				continue;
			b->seen[t] = n;
			if (minhash_similarity(m, &b->texts[t].sig) < CLUSTER_THRESHOLD)
				continue;
			if (b->nlinks == b->links_cap) {
				b->links_cap = b->links_cap ? 2 * b->links_cap : 1024;
				b->links = xrealloc(b->links, b->links_cap * sizeof(*b->links));
			}
			b->links[b->nlinks++] = (uint64_t)n << 32 | (uint32_t)t;
		}
	}
	qsort(b->links + from, b->nlinks - from, sizeof(*b->links), compare_u64); /* a few */
	return nshared;
}

/* One candidate row (id, signature in hex, campaign) into the set, as a settled item. */
static bool add_candidate(const PGresult *row, void *arg)
{
	struct batch *b = arg;
	uint8_t packed[4 * MINHASH_SIZE];
	struct minhash m;
	int64_t shared[MINHASH_BANDS];
	size_t n = (size_t)b->ncand;
	int nshared;

	if (!hex_decode(PQgetvalue(row, 0, 1), packed, sizeof(packed)) || !minhash_unpack(packed, sizeof(packed), &m))
		return agg_fail(b->err, AGG_INTEGRITY,
				"campaign text %s has a signature of another method; run refresh --full",
				PQgetvalue(row, 0, 0));
	if ((n & (n - 1)) == 0) { /* 0, 1, 2, 4, ...: doubled */
		b->cand_ids = xrealloc(b->cand_ids, 2 * (n + 1) * sizeof(long long));
		b->cand_campaign = xrealloc(b->cand_campaign, 2 * (n + 1) * sizeof(long long));
		b->cand_item = xrealloc(b->cand_item, 2 * (n + 1) * sizeof(int));
	}
	nshared = meet_fresh(b, (int)n, &m, shared);
	b->cand_ids[n] = value_ll(row, 0, 0);
	b->cand_campaign[n] = value_ll(row, 0, 2);
	b->cand_item[n] = cluster_add_known(b->set, b->cand_campaign[n], shared, nshared);
	b->ncand++;
	return true;
}

/* The links found while reading the candidates, now that the new texts are items too: as
 * pairs of items, still in order (items are made in the order of candidates, then texts). */
static void give_links(struct batch *b)
{
	for (size_t i = 0; i < b->nlinks; i++)
		b->links[i] = (uint64_t)b->cand_item[b->links[i] >> 32] << 32 |
			      (uint32_t)b->texts[b->links[i] & 0xFFFFFFFF].item;
	cluster_give_links(b->set, b->links, b->nlinks);
	b->links = NULL; /* the set's now */
}

/*
 * Adds the known texts that share a band with a new one, as settled items. They may be most
 * of the consultation's texts (texts built from common phrases share bands), so they are read
 * one row at a time, each compared with the new texts it shares a band with as it comes:
 * the set keeps of it only its component and the keys it shares, never its signature.
 */
static bool add_candidates(struct batch *b, struct agg_error *err)
{
	char limit[16];
	const char *params[3] = { b->consultation, NULL, limit };
	int keys = 0;

	snprintf(limit, sizeof(limit), "%d", CLUSTER_MAX_TRIES);
	buf_reset(&b->a1);
	buf_putc(&b->a1, '{');
	for (int i = 0; i < b->ntexts; i++) {
		int64_t k[MINHASH_BANDS];
		/* the same keys the set makes: the consultation is their scope */
		int n = b->texts[i].known ? 0 : minhash_bands(&b->texts[i].sig, (uint32_t)atoi(b->consultation), k);
		for (int j = 0; j < n; j++)
			buf_printf(&b->a1, "%s%" PRId64, keys++ ? "," : "", k[j]);
	}
	buf_putc(&b->a1, '}');
	if (keys == 0)
		return true;
	params[1] = b->a1.data;
	b->err = err;
	index_fresh_keys(b);
	return conn_each_row(b->c, "campaign_candidates", 3, params, add_candidate, b, "finding candidate texts", err);
}

static int find_candidate(const struct batch *b, long long text_id)
{
	const long long *hit = b->ncand ? bsearch(&text_id, b->cand_ids, (size_t)b->ncand, sizeof(long long), compare_ll)
					: NULL;

	return hit ? (int)(hit - b->cand_ids) : -1;
}

/* What each component touched by the batch becomes. Indexed by item. */
struct plan {
	long long *target;    /* by root: the campaign it is (0: none) */
	int *props;           /* by root: proposals, counted up to 2 */
	bool *involved;       /* by root: holds a text of this batch */
	long long *campaign;  /* by item: its campaign before the batch */
	long long *text_id;   /* by item: its known text (0: new) */
};

static void plan_components(struct batch *b, struct plan *p, struct ids *merge_from, struct ids *merge_to,
			    int *new_campaigns)
{
	int n = cluster_count(b->set);

	for (int i = 0; i < n; i++) {
		int r = cluster_root(b->set, i);

		if (p->campaign[i] != 0) {
			p->props[r] = 2;
			if (p->target[r] == 0 || p->campaign[i] < p->target[r])
				p->target[r] = p->campaign[i];
		} else if (p->text_id[i] != 0 && p->props[r] < 2) {
			p->props[r]++; /* a known text alone has one proposal */
		}
	}
	for (int t = 0; t < b->ntexts; t++) {
		int r = cluster_root(b->set, b->texts[t].item);

		p->involved[r] = true;
		p->props[r] += b->texts[t].props;
	}
	for (int i = 0; i < n; i++) {
		int r = cluster_root(b->set, i);

		if (p->involved[r] && p->campaign[i] != 0 && p->campaign[i] != p->target[r]) {
			ids_push(merge_from, p->campaign[i]);
			ids_push(merge_to, p->target[r]);
			p->campaign[i] = p->target[r]; /* other items of that campaign: merged once */
			for (int j = i + 1; j < n; j++)
				if (p->campaign[j] == merge_from->v[merge_from->n - 1])
					p->campaign[j] = p->target[r];
		}
	}
	*new_campaigns = 0;
	for (int i = 0; i < n; i++)
		if (cluster_root(b->set, i) == i && p->involved[i] && p->target[i] == 0 && p->props[i] >= 2)
			(*new_campaigns)++;
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
	for (int i = 0; i < cluster_count(b->set) && k < PQntuples(res); i++)
		if (cluster_root(b->set, i) == i && p->involved[i] && p->target[i] == 0 && p->props[i] >= 2)
			p->target[i] = value_ll(res, k++, 0);
	b->st->created += count;
	PQclear(res);
	return true;
}

static bool merge_campaigns(struct batch *b, const struct ids *from, const struct ids *to, struct agg_error *err)
{
	const char *params[2];
	PGresult *res;

	if (from->n == 0)
		return true;
	array_ll(&b->a1, from->v, from->n);
	array_ll(&b->a2, to->v, to->n);
	params[0] = b->a1.data;
	params[1] = b->a2.data;
	res = conn_run(b->c, "campaign_merge", 2, params, "merging campaigns", err);
	if (!res)
		return false;
	b->st->merged += value_ll(res, 0, 0);
	PQclear(res);
	return true;
}

/* Known texts that were alone and now belong to a campaign. */
static bool attach_texts(struct batch *b, const struct plan *p, struct agg_error *err)
{
	struct ids texts = { 0 }, campaigns = { 0 };
	const char *params[2];
	PGresult *res = NULL;
	bool ok = true;

	for (int i = 0; i < cluster_count(b->set); i++) {
		int r = cluster_root(b->set, i);

		if (p->text_id[i] != 0 && p->campaign[i] == 0 && p->target[r] != 0) {
			ids_push(&texts, p->text_id[i]);
			ids_push(&campaigns, p->target[r]);
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

/* Stores the new texts from *next on, CAMPAIGN_INSERT_CHUNK at most (their signatures in hex
 * are 1 KB each, and libpq keeps a copy of the statement); *next moves past them. */
static bool insert_texts_chunk(struct batch *b, const struct plan *p, int *next, struct agg_error *err)
{
	/* digests and signatures (one bytea each, in hex), campaigns, band keys, their texts */
	struct buf *a[5] = { &b->a1, &b->a2, &b->a3, &b->a4, &b->a5 };
	const char *params[6] = { b->consultation };
	int n = 0, keys = 0;
	PGresult *res;

	for (int k = 0; k < 5; k++)
		buf_reset(a[k]);
	buf_puts(a[0], "\\x");
	buf_puts(a[1], "\\x");
	buf_putc(a[2], '{');
	buf_putc(a[3], '{');
	buf_putc(a[4], '{');
	for (; *next < b->ntexts && n < CAMPAIGN_INSERT_CHUNK; ++*next) {
		const struct ltext *x = &b->texts[*next];
		uint8_t packed[4 * MINHASH_SIZE];
		char sig[8 * MINHASH_SIZE + 1];
		int64_t key[MINHASH_BANDS];
		int nkeys;

		if (x->known)
			continue;
		nkeys = cluster_keys(b->set, x->item, key);
		minhash_pack(&x->sig, packed);
		hex_encode(packed, sizeof(packed), sig);
		buf_puts(a[0], x->hex);
		buf_puts(a[1], sig);
		buf_printf(a[2], "%s%lld", n ? "," : "", p->target[cluster_root(b->set, x->item)]);
		n++;
		for (int k = 0; k < nkeys; k++) {
			buf_printf(a[3], "%s%" PRId64, keys ? "," : "", key[k]);
			buf_printf(a[4], "%s%d", keys++ ? "," : "", n);
		}
	}
	if (n == 0)
		return true;
	for (int k = 2; k < 5; k++)
		buf_putc(a[k], '}');
	for (int k = 0; k < 5; k++)
		params[k + 1] = a[k]->data;
	res = conn_run(b->c, "campaign_texts_insert", 6, params, "storing new texts", err);
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
		long long campaign = p->target[cluster_root(b->set, x->item)];

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

static void plan_init(struct batch *b, struct plan *p)
{
	int n = cluster_count(b->set) + 1;

	p->target = xcalloc((size_t)n, sizeof(long long));
	p->props = xcalloc((size_t)n, sizeof(int));
	p->involved = xcalloc((size_t)n, sizeof(bool));
	p->campaign = xcalloc((size_t)n, sizeof(long long));
	p->text_id = xcalloc((size_t)n, sizeof(long long));
	for (int r = 0; r < b->ncand; r++) {
		p->campaign[b->cand_item[r]] = b->cand_campaign[r];
		p->text_id[b->cand_item[r]] = b->cand_ids[r];
	}
	for (int t = 0; t < b->ntexts; t++) {
		p->campaign[b->texts[t].item] = b->texts[t].campaign;
		p->text_id[b->texts[t].item] = b->texts[t].known ? b->texts[t].text_id : 0;
	}
}

static void plan_free(struct plan *p)
{
	free(p->target);
	free(p->props);
	free(p->involved);
	free(p->campaign);
	free(p->text_id);
}

/* Clusters the batch's texts with the known ones and stores the outcome. */
static bool cluster_batch(struct batch *b, struct agg_error *err)
{
	struct plan p;
	struct ids from = { 0 }, to = { 0 };
	int new_campaigns = 0;
	bool ok;

	b->set = cluster_new((uint32_t)atoi(b->consultation));
	if (!add_candidates(b, err))
		return false;
	for (int t = 0; t < b->ntexts; t++) {
		struct ltext *x = &b->texts[t];
		int cand = x->known ? find_candidate(b, x->text_id) : -1;
		struct minhash none = { .empty = true };

		if (cand >= 0)
			x->item = b->cand_item[cand];
		else if (x->known) /* shares no band with a new text: only its count changes */
			x->item = cluster_add(b->set, &none, false, x->campaign);
		else
			x->item = cluster_add(b->set, &x->sig, true, 0);
	}
	log_debug("campaigns batch: %d proposals, %d texts, %d candidates", b->nprops, b->ntexts, b->ncand);
	give_links(b);
	b->st->compared += cluster_run(b->set, CLUSTER_THRESHOLD);
	b->st->gave_up += cluster_gave_up(b->set);
	plan_init(b, &p);
	plan_components(b, &p, &from, &to, &new_campaigns);
	ok = create_campaigns(b, &p, new_campaigns, err) && merge_campaigns(b, &from, &to, err) &&
	     attach_texts(b, &p, err) && insert_texts(b, &p, err) && insert_proposals(b, &p, err);
	for (size_t i = 0; i < to.n; i++)
		ids_push(b->touched, to.v[i]);
	plan_free(&p);
	free(from.v);
	free(to.v);
	return ok;
}

static void batch_free(struct batch *b)
{
	cluster_free(b->set);
	free(b->texts);
	free(b->props);
	free(b->cand_ids);
	free(b->cand_campaign);
	free(b->cand_item);
	free(b->fresh);
	free(b->seen);
	free(b->links);
	buf_free(&b->a1);
	buf_free(&b->a2);
	buf_free(&b->a3);
	buf_free(&b->a4);
	buf_free(&b->a5);
	buf_free(&b->a6);
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
	ok = record_status(&b, rows, err) && read_new(&b, rows, err) && (b.ntexts == 0 || find_known(&b, err)) &&
	     (b.ntexts == 0 || cluster_batch(&b, err));
	batch_free(&b);
	/* a campaign per member read would grow with the data; each campaign once does not */
	ids_unique(touched);
	return ok;
}

static bool refresh_consultation(struct conn *c, const char *consultation, struct progress *bar,
				 struct ids *touched, struct campaign_stats *st, bool *changed, struct agg_error *err)
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
	PGresult *res = conn_run(c, "campaign_count_clear", 1, &consultation, "clearing collapsed counts", err);

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
		log_info("the campaigns were made with \"%s\", now \"%s\": rebuilding them", PQgetvalue(res, 0, 0),
			 minhash_method());
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
		log_warn("campaigns: %lld links not followed (more than %d members of one campaign in one band)",
			 st->gave_up, CLUSTER_MAX_TRIES);
out:
	progress_done(&bar);
	PQclear(list);
	free(touched.v);
	return ok;
}
