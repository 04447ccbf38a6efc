/*
 * textvec.h - a proposal's text as a weighted bag of terms, for the suggestions
 * (suggest.h): proposals that ask for the same thing in other words.
 *
 * Terms are of two kinds, hashed to 64 bits: the Snowball stem of each word (libstemmer,
 * Russian and English; a Kazakh text has none, Snowball has no Kazakh), and the character
 * 4-grams of each word padded with a space at either end, in every language, which carry
 * what stems carry for Kazakh suffixes ("сайлау", "сайлауы", "сайлансын" share "сайл")
 * and absorb typos. Words are NFKC-folded and case-folded first (utf8proc); words of one or
 * two letters and a short list of function words are left out. Weights are TF-IDF: (1 + ln
 * tf) · ln((1 + N) / (1 + df)), then the vector is scaled to length 1, so the dot product
 * of two vectors is their cosine similarity. Everything is deterministic.
 *
 * Ownership: a textvec owns its arrays (textvec_free); a textvec_index owns its table.
 */
#ifndef KENES_TEXTVEC_H
#define KENES_TEXTVEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct textvec {
	uint64_t *term; /* sorted, distinct */
	float *weight;  /* raw counts until textvec_weigh */
	int n;
};

/* Document frequencies of terms over a set of texts. */
struct textvec_index;

/* The terms of a text in language `lang` ("kk", "ru", "en", or another: no stems) with
 * their counts; false only when the text is not valid UTF-8. */
bool textvec_terms(const char *text, const char *lang, struct textvec *out);
void textvec_free(struct textvec *v);

struct textvec_index *textvec_index_new(void);
void textvec_index_free(struct textvec_index *ix);
/* Counts each term of v once. */
void textvec_index_add(struct textvec_index *ix, const struct textvec *v);
/* Turns v's counts into TF-IDF weights over the texts added, of length 1. */
void textvec_weigh(const struct textvec_index *ix, struct textvec *v);

/* The dot product of two weighted vectors (their cosine similarity). */
double textvec_cosine(const struct textvec *a, const struct textvec *b);

#endif
