#include "minhash.h"

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

/* FNV-1a over one word, then mixed. */
static uint64_t word_hash(const char *w, size_t n)
{
	uint64_t h = 0xCBF29CE484222325ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)w[i]) * 0x100000001B3ULL;
	return mix64(h);
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

void minhash_sign(const char *normalised, struct minhash *out)
{
	const struct family *f = family();
	uint64_t window[MINHASH_SHINGLE];
	size_t words = 0;
	const char *p = normalised;

	memset(out->v, 0xFF, sizeof(out->v));
	while (*p) {
		const char *end = strchr(p, ' ');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		memmove(window, window + 1, sizeof(window) - sizeof(window[0]));
		window[MINHASH_SHINGLE - 1] = word_hash(p, n);
		if (++words >= MINHASH_SHINGLE) {
			uint64_t s = 0;

			for (int i = 0; i < MINHASH_SHINGLE; i++)
				s = mix64(s ^ window[i]);
			add_shingle(out, f, s);
		}
		p += n + (end != NULL);
	}
	if (words > 0 && words < MINHASH_SHINGLE) { /* a short text is one shingle */
		uint64_t s = 0;

		for (size_t i = MINHASH_SHINGLE - words; i < MINHASH_SHINGLE; i++)
			s = mix64(s ^ window[i]);
		add_shingle(out, f, s);
	}
	out->empty = words == 0;
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

const char *minhash_method(void)
{
#define STR_(x) #x
#define STR(x) STR_(x)
	return "matchtext-1 words-" STR(MINHASH_SHINGLE) " minhash-" STR(MINHASH_SIZE) " bands-" STR(
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
	m->empty = all_max;
	return true;
}
