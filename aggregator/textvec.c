#include "textvec.h"

#include <libstemmer.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"
#include "util.h"

/* A stem weighs as much as this many of its word's 4-grams: a word gives one stem and
 * several grams, and the stem is the better evidence where there is one. */
#define TEXTVEC_STEM_WEIGHT 3.0f
#define TEXTVEC_GRAM        4
#define TEXTVEC_MAX_WORD    64 /* code points; longer runs (links, garbage) are cut */

/* Function words that say nothing about what a proposal asks for (sorted, for bsearch). */
static const char *const stopwords[] = {
	"about", "also",  "and",  "are",   "because", "but", "can",   "for",   "from",  "has",  "have",
	"into",  "its",   "not",  "our",   "that",    "the", "their", "there", "these", "this", "was",
	"were",  "which", "will", "with",  "would",   "you", "бар",   "без",   "бы",    "был",  "была",
	"были",  "было",  "бұл",  "деп",   "для",     "его", "ее",    "емес",  "если",  "есть", "еще",
	"және",  "жоқ",   "или",  "как",   "ли",      "мен", "мы",    "на",    "над",   "не",   "нет",
	"но",    "осы",   "от",   "по",    "под",     "при", "сол",   "так",   "также", "то",   "только",
	"уже",   "үшін",  "что",  "чтобы", "эта",     "эти", "это",   "этот",
};

static int compare_str(const void *key, const void *entry)
{
	return strcmp(key, *(const char *const *)entry);
}

static int compare_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return (a > b) - (a < b);
}

static uint64_t mix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

/* FNV-1a, mixed; the low bit says the kind (1: a stem, 0: a gram). */
static uint64_t term_hash(const char *p, size_t n, bool stem)
{
	uint64_t h = 0xCBF29CE484222325ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)p[i]) * 0x100000001B3ULL;
	h = mix64(h);
	return stem ? h | 1 : h & ~(uint64_t)1;
}

/* The Snowball stemmer of a language, made once (the aggregator is single-threaded). */
static struct sb_stemmer *stemmer(const char *lang)
{
	static struct sb_stemmer *ru, *en;

	if (strcmp(lang, "ru") == 0)
		return ru ? ru : (ru = sb_stemmer_new("russian", "UTF_8"));
	if (strcmp(lang, "en") == 0)
		return en ? en : (en = sb_stemmer_new("english", "UTF_8"));
	return NULL;
}

struct terms {
	uint64_t *v;
	size_t n, cap;
};

static void push(struct terms *t, uint64_t h)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n++] = h;
}

/* One word into terms: `start[j]` is where its code point j begins, of `chars`. */
static void add_word(struct terms *t, const char *lang, const char *word, size_t len, const size_t *start,
		     int chars)
{
	struct sb_stemmer *st = stemmer(lang);
	char padded[TEXTVEC_MAX_WORD * 4 + 3];
	size_t off[TEXTVEC_MAX_WORD + 3]; /* code points of " word " */
	int cps = chars + 2;

	if (chars <= 2)
		return;
	memcpy(padded, word, len);
	padded[len] = '\0';
	if (bsearch(padded, stopwords, ARRAY_LEN(stopwords), sizeof(stopwords[0]), compare_str))
		return;
	if (st) {
		const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)word, (int)len);

		if (s)
			push(t, term_hash((const char *)s, (size_t)sb_stemmer_length(st), true));
	}
	padded[0] = ' ';
	memcpy(padded + 1, word, len);
	padded[len + 1] = ' ';
	off[0] = 0;
	for (int j = 0; j < chars; j++)
		off[j + 1] = start[j] + 1;
	off[chars + 1] = len + 1;
	off[chars + 2] = len + 2;
	for (int i = 0; i + TEXTVEC_GRAM <= cps; i++)
		push(t, term_hash(padded + off[i], off[i + TEXTVEC_GRAM] - off[i], false));
}

/* Splits the folded text into words, each given to add_word. */
static void split_words(struct terms *t, const char *lang, const utf8proc_uint8_t *s, utf8proc_ssize_t n)
{
	char word[TEXTVEC_MAX_WORD * 4];
	size_t len = 0, start[TEXTVEC_MAX_WORD];
	int chars = 0;

	for (utf8proc_ssize_t i = 0; i <= n;) {
		utf8proc_int32_t c = 0;
		utf8proc_ssize_t k = i < n ? utf8proc_iterate(s + i, n - i, &c) : 0;

		if (k > 0 && text_is_letter_or_digit(c)) {
			if (chars < TEXTVEC_MAX_WORD) {
				start[chars++] = len;
				memcpy(word + len, s + i, (size_t)k);
				len += (size_t)k;
			}
			i += k;
			continue;
		}
		if (chars > 0)
			add_word(t, lang, word, len, start, chars);
		len = 0;
		chars = 0;
		i += k > 0 ? k : 1;
	}
}

bool textvec_terms(const char *text, const char *lang, struct textvec *out)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n =
		utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)strlen(text), &folded,
			     UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
				     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
	struct terms t = { 0 };
	int k = 0;

	memset(out, 0, sizeof(*out));
	if (n < 0)
		return false;
	split_words(&t, lang, folded, n);
	free(folded);
	if (t.n > 1)
		qsort(t.v, t.n, sizeof(*t.v), compare_u64);
	out->term = xmalloc((t.n + 1) * sizeof(*out->term));
	out->weight = xmalloc((t.n + 1) * sizeof(*out->weight));
	for (size_t i = 0; i < t.n; i++) {
		if (k > 0 && out->term[k - 1] == t.v[i]) {
			out->weight[k - 1] += 1.0f;
			continue;
		}
		out->term[k] = t.v[i];
		out->weight[k++] = 1.0f;
	}
	out->n = k;
	free(t.v);
	return true;
}

void textvec_free(struct textvec *v)
{
	free(v->term);
	free(v->weight);
	memset(v, 0, sizeof(*v));
}

/* Open addressing, term -> document frequency; 0 is never a term (grams are even, stems
 * odd, and a gram hashing to 0 is taken as 2). */
struct textvec_index {
	uint64_t *key;
	int *df;
	size_t cap, used;
	long long docs;
};

static uint64_t slot_key(uint64_t term)
{
	return term == 0 ? 2 : term;
}

struct textvec_index *textvec_index_new(void)
{
	struct textvec_index *ix = xcalloc(1, sizeof(*ix));

	ix->cap = 1024;
	ix->key = xcalloc(ix->cap, sizeof(*ix->key));
	ix->df = xcalloc(ix->cap, sizeof(*ix->df));
	return ix;
}

void textvec_index_free(struct textvec_index *ix)
{
	if (!ix)
		return;
	free(ix->key);
	free(ix->df);
	free(ix);
}

static size_t find_slot(const struct textvec_index *ix, uint64_t key)
{
	size_t s = (size_t)mix64(key) & (ix->cap - 1);

	while (ix->key[s] != 0 && ix->key[s] != key)
		s = (s + 1) & (ix->cap - 1);
	return s;
}

static void grow(struct textvec_index *ix)
{
	uint64_t *key = ix->key;
	int *df = ix->df;
	size_t cap = ix->cap;

	ix->cap *= 2;
	ix->key = xcalloc(ix->cap, sizeof(*ix->key));
	ix->df = xcalloc(ix->cap, sizeof(*ix->df));
	for (size_t i = 0; i < cap; i++) {
		if (key[i] != 0) {
			size_t s = find_slot(ix, key[i]);

			ix->key[s] = key[i];
			ix->df[s] = df[i];
		}
	}
	free(key);
	free(df);
}

void textvec_index_add(struct textvec_index *ix, const struct textvec *v)
{
	for (int i = 0; i < v->n; i++) {
		uint64_t key = slot_key(v->term[i]);
		size_t s;

		if (2 * (ix->used + 1) > ix->cap)
			grow(ix);
		s = find_slot(ix, key);
		if (ix->key[s] == 0) {
			ix->key[s] = key;
			ix->used++;
		}
		ix->df[s]++;
	}
	ix->docs++;
}

void textvec_weigh(const struct textvec_index *ix, struct textvec *v)
{
	double norm = 0;

	for (int i = 0; i < v->n; i++) {
		size_t s = find_slot(ix, slot_key(v->term[i]));
		int df = ix->key[s] != 0 ? ix->df[s] : 0;
		double w = (1.0 + log(v->weight[i])) * log((1.0 + (double)ix->docs) / (1.0 + df));

		if (v->term[i] & 1)
			w *= TEXTVEC_STEM_WEIGHT;
		v->weight[i] = (float)w;
		norm += w * w;
	}
	norm = sqrt(norm);
	for (int i = 0; norm > 0 && i < v->n; i++)
		v->weight[i] = (float)(v->weight[i] / norm);
}

double textvec_cosine(const struct textvec *a, const struct textvec *b)
{
	double dot = 0;
	int i = 0, j = 0;

	while (i < a->n && j < b->n) {
		if (a->term[i] == b->term[j])
			dot += (double)a->weight[i++] * b->weight[j++];
		else if (a->term[i] < b->term[j])
			i++;
		else
			j++;
	}
	return dot;
}
