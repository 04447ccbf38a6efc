#include "minhash.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* splitmix64: a fast, well-mixed 64-bit hash step (Steele, Lea, Flood 2014). */
static uint64_t mix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

/* The hash functions: multiply-shift with fixed odd multipliers, drawn once from mix64. */
struct family {
	uint64_t a[MINHASH_SIZE], b[MINHASH_SIZE];
};

static const struct family *family(void)
{
	static struct family f;
	static bool ready;

	if (!ready) { /* the aggregator is single-threaded */
		for (int i = 0; i < MINHASH_SIZE; i++) {
			f.a[i] = mix64(2 * (uint64_t)i + 1) | 1;
			f.b[i] = mix64(2 * (uint64_t)i + 2);
		}
		ready = true;
	}
	return &f;
}

static void add_shingle(struct minhash *m, const struct family *f, uint64_t s)
{
	for (int i = 0; i < MINHASH_SIZE; i++) {
		uint32_t v = (uint32_t)((f->a[i] * s + f->b[i]) >> 32);

		if (v < m->v[i])
			m->v[i] = v;
	}
}

static int compare_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return (a > b) - (a < b);
}

/* The hashes of the text's shingles, sorted and distinct; returns their count. */
static size_t shingle_hashes(const char *normalised, uint64_t **out)
{
	size_t len = strlen(normalised), n = 0, chars = 0, k = 0;
	uint64_t *h = xmalloc((len + 1) * sizeof(*h)), window[MINHASH_SHINGLE] = { 0 };

	for (const unsigned char *p = (const unsigned char *)normalised; *p;) {
		uint64_t c = *p++;

		while ((*p & 0xC0) == 0x80) /* the rest of a UTF-8 sequence */
			c = c << 8 | *p++;
		memmove(window, window + 1, sizeof(window) - sizeof(window[0]));
		window[MINHASH_SHINGLE - 1] = c;
		if (++chars >= MINHASH_SHINGLE) {
			uint64_t s = 0;

			for (int i = 0; i < MINHASH_SHINGLE; i++)
				s = mix64(s ^ window[i]);
			h[n++] = s;
		}
	}
	if (chars > 0 && chars < MINHASH_SHINGLE) { /* a short text is one shingle */
		uint64_t s = 0;

		for (size_t i = MINHASH_SHINGLE - chars; i < MINHASH_SHINGLE; i++)
			s = mix64(s ^ window[i]);
		h[n++] = s;
	}
	qsort(h, n, sizeof(*h), compare_u64);
	for (size_t i = 0; i < n; i++)
		if (k == 0 || h[i] != h[k - 1])
			h[k++] = h[i];
	*out = h;
	return k;
}

void minhash_sign(const char *normalised, struct minhash *out)
{
	const struct family *f = family();
	uint64_t *h;
	size_t n = shingle_hashes(normalised, &h);

	memset(out->v, 0xFF, sizeof(out->v));
	for (size_t i = 0; i < n; i++)
		add_shingle(out, f, h[i]);
	free(h);
	out->shingles = (uint32_t)n;
	out->empty = n == 0;
}

int minhash_bands(const struct minhash *m, uint32_t scope, int64_t keys[MINHASH_BANDS])
{
	if (m->empty)
		return 0;
	for (int b = 0; b < MINHASH_BANDS; b++) {
		uint64_t h = mix64(((uint64_t)scope << 32) | (uint64_t)b);

		for (int r = 0; r < MINHASH_ROWS; r++)
			h = mix64(h ^ m->v[b * MINHASH_ROWS + r]);
		keys[b] = (int64_t)h;
	}
	return MINHASH_BANDS;
}

double minhash_similarity(const struct minhash *a, const struct minhash *b)
{
	int same = 0;

	if (a->empty || b->empty)
		return 0.0;
	for (int i = 0; i < MINHASH_SIZE; i++)
		same += a->v[i] == b->v[i];
	return (double)same / MINHASH_SIZE;
}

double minhash_shared(const struct minhash *a, const struct minhash *b, double j)
{
	return j * ((double)a->shingles + (double)b->shingles) / (1.0 + j);
}

const char *minhash_method(void)
{
#define STR_(x) #x
#define STR(x)  STR_(x)
	return "matchtext-1 chars-" STR(MINHASH_SHINGLE) " minhash-" STR(MINHASH_SIZE) " bands-" STR(
		MINHASH_BANDS) "x" STR(MINHASH_ROWS);
#undef STR
#undef STR_
}

void minhash_pack(const struct minhash *m, uint8_t out[4 * MINHASH_SIZE])
{
	for (int i = 0; i < MINHASH_SIZE; i++)
		for (int k = 0; k < 4; k++)
			out[4 * i + k] = (uint8_t)(m->v[i] >> (8 * k));
}

bool minhash_unpack(const uint8_t *in, size_t len, struct minhash *m)
{
	bool all_max = true;

	if (len != 4 * MINHASH_SIZE)
		return false;
	for (int i = 0; i < MINHASH_SIZE; i++) {
		m->v[i] = (uint32_t)in[4 * i] | (uint32_t)in[4 * i + 1] << 8 | (uint32_t)in[4 * i + 2] << 16 |
			  (uint32_t)in[4 * i + 3] << 24;
		all_max = all_max && m->v[i] == UINT32_MAX;
	}
	m->shingles = 0;
	m->empty = all_max;
	return true;
}
