/*
 * minhash.h - MinHash signatures over character shingles and their LSH band keys: how the
 * campaign matcher finds near-duplicate texts without comparing every pair.
 *
 * A text (already in matchtext's normal form) is cut into shingles of MINHASH_SHINGLE
 * consecutive characters, spaces included (a shorter text is one shingle): a typo changes a
 * few of a letter's hundreds of shingles, where it changed three of its few dozen word
 * triples. Its signature holds, for each of
 * MINHASH_SIZE hash functions, the least hash over its shingles; the share of equal values in
 * two signatures estimates the Jaccard similarity of their shingle sets. The signature is
 * cut into MINHASH_BANDS bands of MINHASH_ROWS values; two texts with one equal band are
 * candidates, then kept only when their estimated similarity reaches the threshold
 * (docs/AGGREGATOR.md explains the numbers). Everything here is deterministic: the same text
 * gives the same signature in every run and on every machine, so signatures can be stored.
 */
#ifndef KENES_MINHASH_H
#define KENES_MINHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MINHASH_SHINGLE 5 /* characters (code points) */
#define MINHASH_SIZE    128
#define MINHASH_ROWS    3
#define MINHASH_BANDS   24 /* MINHASH_BANDS * MINHASH_ROWS <= MINHASH_SIZE */

struct minhash {
	uint32_t v[MINHASH_SIZE];
	uint32_t shingles; /* distinct shingles of the text: how much two texts share, estimated */
	bool empty;        /* the text has no words: it matches only texts equal to it */
};

/* The signature of a normalised text. */
void minhash_sign(const char *normalised, struct minhash *out);
/* The band keys: MINHASH_BANDS of them, none for an empty text (returns the count). Keys
 * differ between consultations (`scope`), so one index can hold them all. */
int minhash_bands(const struct minhash *m, uint32_t scope, int64_t keys[MINHASH_BANDS]);
/* Estimated Jaccard similarity in [0, 1]: the share of equal values (0 if either is empty). */
double minhash_similarity(const struct minhash *a, const struct minhash *b);
/* Estimated shingles the two texts share, from their similarity j and their counts:
 * |A ∩ B| = j (|A| + |B|) / (1 + j). */
double minhash_shared(const struct minhash *a, const struct minhash *b, double j);

/* The method as one string, stored with the campaigns: signatures made by another method
 * (other sizes or shingles) must not be compared, and a change needs a rebuild. */
const char *minhash_method(void);

/* Signatures as stored: MINHASH_SIZE little-endian uint32 (4 * MINHASH_SIZE bytes); the
 * shingle count is stored beside it (unpack leaves it 0). */
void minhash_pack(const struct minhash *m, uint8_t out[4 * MINHASH_SIZE]);
bool minhash_unpack(const uint8_t *in, size_t len, struct minhash *m);

#endif
