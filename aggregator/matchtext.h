/*
 * matchtext.h - a proposal's text as the campaign matcher compares it (never stored as the
 * proposal's text, which stays as typed).
 *
 * The normal form: Unicode NFKC with case folding and combining marks removed (so "Ё" and
 * "е", "ﬁ" and "fi" compare equal), Cyrillic, Kazakh and Greek letters that look like Latin
 * ones folded to one skeleton ("Нaрод" with a Latin a equals "Народ"), and every run of
 * punctuation, symbols and spaces turned into one space, none at either end. What remains
 * are words: runs of letters and digits separated by single spaces.
 *
 * Ownership: the returned string is the caller's (free()).
 */
#ifndef KENES_MATCHTEXT_H
#define KENES_MATCHTEXT_H

#include <stddef.h>
#include <stdint.h>

/* The normal form of `len` bytes of UTF-8; NULL only when the input is not valid UTF-8. */
char *matchtext_normalise(const char *text, size_t len);

/* The look-alike skeleton of one case-folded code point: itself when it has none. */
int32_t matchtext_skeleton(int32_t c);

#endif
