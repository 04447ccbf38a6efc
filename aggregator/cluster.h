/*
 * cluster.h - groups texts into near-duplicate components, in memory.
 *
 * Two texts are linked when they share an LSH band (minhash.h) and their estimated
 * similarity reaches the threshold; components of that graph (single linkage) are the
 * campaigns. The graph only grows as texts arrive, so components only merge: refreshing
 * with new texts gives the components a from-scratch run over all texts gives.
 *
 * Items are either fresh (their links are not known yet) or settled (already clustered in
 * an earlier run: their component is given as a group label, and links between two settled
 * items are not looked for again). Ownership: the set owns its items; cluster_free frees.
 */
#ifndef KENES_CLUSTER_H
#define KENES_CLUSTER_H

#include <stdbool.h>
#include <stdint.h>

#include "minhash.h"

/* The estimated Jaccard similarity of word 3-shingles at which two texts are linked. */
#define CLUSTER_THRESHOLD 0.4
/* Most members of one component compared with a new text in one band bucket: beyond
 * that a link through this bucket is given up (it is found through another band or
 * member almost always; the count is logged). */
#define CLUSTER_MAX_TRIES 64

struct cluster_set;

struct cluster_set *cluster_new(uint32_t scope);
void cluster_free(struct cluster_set *set);

/* Adds a text; group != 0 puts settled items with the same group in one component. Returns
 * its index (0, 1, 2, ... in the order added). */
int cluster_add(struct cluster_set *set, const struct minhash *m, bool fresh, int64_t group);
/* Adds a settled text without its signature: `keys` are its band keys that fresh items of
 * this set have (others are never looked at), and every fresh item it is similar to must be
 * given by cluster_give_links before cluster_run. For sets whose settled texts far outnumber the
 * fresh ones: the caller compares each with the few fresh texts of its buckets as it reads it,
 * and keeps no signature. */
int cluster_add_known(struct cluster_set *set, int64_t group, const int64_t *keys, int nkeys);
/* Gives the pairs of items, one added by cluster_add_known, that reach the threshold
 * cluster_run will be given: each (a << 32 | b) with a < b, ascending (sorted here if not).
 * The set owns `pairs` from then on (cluster_free frees it); a second call replaces them. */
void cluster_give_links(struct cluster_set *set, uint64_t *pairs, size_t n);
int cluster_count(const struct cluster_set *set);

/* Finds every link that involves a fresh item. Returns the number of comparisons made. */
long long cluster_run(struct cluster_set *set, double threshold);
/* The component of item i, as the index of one of its items (the same for all of them). */
int cluster_root(struct cluster_set *set, int i);
/* Links given up because of CLUSTER_MAX_TRIES (0 in every test set so far). */
long long cluster_gave_up(const struct cluster_set *set);
/* The band keys of item i into `keys` (MINHASH_BANDS, or 0 for an empty text or one added by
 * cluster_add_known). */
int cluster_keys(const struct cluster_set *set, int i, int64_t keys[MINHASH_BANDS]);

#endif
