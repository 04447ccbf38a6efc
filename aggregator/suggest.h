/*
 * suggest.h - suggestions: groups of proposals on one part of the draft that ask for the same
 * thing in other words, proposed to staff, who accept, edit or reject them (nothing is placed
 * without a person). Beyond the campaigns' near-identical texts: a campaign counts as one
 * text here, with all its proposals.
 *
 * `kenes-aggregator suggest` makes them anew (sql/migrations/027_suggestions.sql): per
 * consultation and part, the published proposals' texts as TF-IDF vectors (textvec.h, with
 * document frequencies over the consultation's texts, so that sentences everyone adds weigh
 * little), grouped in id order by average linkage with a floor: a text joins the group it is
 * most similar to on average, if that average reaches SUGGEST_THRESHOLD and no member is
 * below SUGGEST_FLOOR (the earliest group on a tie), or begins one. A group is never joined
 * through one member alone (no chaining), and the same data gives the same suggestions.
 * Groups of two texts or more are suggestions.
 * docs/SUGGESTIONS.md gives the method's figures.
 */
#ifndef KENES_SUGGEST_H
#define KENES_SUGGEST_H

#include "agg.h"
#include "conn.h"
#include "textvec.h"

/* The mean cosine similarity a text needs to a group's members, and the least to each. */
#define SUGGEST_THRESHOLD 0.25
#define SUGGEST_FLOOR     0.1

struct suggest_stats {
	long long proposals;   /* published proposals read */
	long long texts;       /* texts compared (a campaign is one) */
	long long suggestions; /* suggestions made */
	long long members;     /* proposals in them */
};

/* Groups n weighted vectors, in order: group_of[i] is the index of the first text of i's
 * group (i itself when it begins one); cohesion_of (when not NULL) gets, by first text, the
 * least similarity of a member to those before it (1 for a text alone). Returns the number
 * of groups. */
int suggest_group(const struct textvec *v, int n, double threshold, int *group_of, double *cohesion_of);

/* Makes the suggestions of every consultation anew, in one transaction of its own. */
bool suggest_run(struct conn *c, bool wait, struct suggest_stats *st, struct agg_error *err);

#endif
