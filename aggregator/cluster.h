/*
 * cluster.h - puts texts into campaigns through leaders: every member of a campaign is close
 * to its leader, never only to another member (why: cluster.c).
 *
 * One batch: add its new texts in the order first seen (cluster_add); give it the earlier
 * runs' leaders that share a band with them, in the order they were first seen
 * (cluster_meet_leader: compared as read, not kept); then cluster_run settles the new texts.
 * Ownership: the set owns copies of its texts' signatures; cluster_free frees.
 */
#ifndef KENES_CLUSTER_H
#define KENES_CLUSTER_H

#include <stdbool.h>
#include <stdint.h>

#include "minhash.h"

/* Two texts match when their estimated Jaccard similarity of character 5-shingles reaches
 * CLUSTER_THRESHOLD and they share at least CLUSTER_MIN_SHARED shingles (about two
 * sentences: more than the boilerplate short proposals share), or when it reaches
 * CLUSTER_COPY (a short text copied with a slip). docs/AGGREGATOR.md gives the figures. */
#define CLUSTER_THRESHOLD  0.5
#define CLUSTER_MIN_SHARED 120
#define CLUSTER_COPY       0.85
/* Most leaders of one band bucket a text is compared with: the first ones (beyond that a
 * bucket is full; the count is logged). */
#define CLUSTER_MAX_TRIES 64
/* What cluster_leader returns for a text that leads. */
#define CLUSTER_LEADS (-1)

struct cluster_set;

struct cluster_set *cluster_new(uint32_t scope);
void cluster_free(struct cluster_set *set);

/* Whether two texts match; *similarity gets their estimated similarity. */
bool cluster_match(const struct minhash *a, const struct minhash *b, double *similarity);

/* Adds a new text; call in the order texts were first seen, before anything else. Returns
 * its index (0, 1, 2, ...). */
int cluster_add(struct cluster_set *set, const struct minhash *m);
/* Compares leader number `leader` of an earlier run (any int, ascending: in the order those
 * leaders were first seen) with the new texts it shares a band with. */
void cluster_meet_leader(struct cluster_set *set, int leader, const struct minhash *m);
/* Settles the new texts among themselves, in order; call once, after the leaders. */
void cluster_run(struct cluster_set *set);

/* Whom new text i follows: CLUSTER_LEADS, or its leader, with *met true for a leader given
 * to cluster_meet_leader (its number) and false for another new text (its index). */
int cluster_leader(const struct cluster_set *set, int i, bool *met);
int cluster_count(const struct cluster_set *set);
/* Signature comparisons made. */
long long cluster_compared(const struct cluster_set *set);
/* Band buckets found full (CLUSTER_MAX_TRIES leaders): 0 in every test set so far. */
long long cluster_gave_up(const struct cluster_set *set);
/* The band keys of new text i into `keys` (MINHASH_BANDS, or 0 for an empty text). */
int cluster_keys(const struct cluster_set *set, int i, int64_t keys[MINHASH_BANDS]);

#endif
