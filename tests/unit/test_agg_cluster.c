/*
 * test_agg_cluster.c - MinHash signatures and LSH bands (aggregator/minhash.c) and the
 * near-duplicate components built from them (aggregator/cluster.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "matchtext.h"
#include "minhash.h"

static void sign(const char *text, struct minhash *m)
{
	char *norm = matchtext_normalise(text, strlen(text));

	assert_non_null(norm);
	minhash_sign(norm, m);
	free(norm);
}

static double similarity(const char *a, const char *b)
{
	struct minhash x, y;

	sign(a, &x);
	sign(b, &y);
	return minhash_similarity(&x, &y);
}

static const char letter[] =
	"Предлагаю закрепить в статье 4, что народ является единственным источником государственной "
	"власти. Любые изменения Конституции должны приниматься только на республиканском "
	"референдуме. Нельзя допускать, чтобы парламент сам продлевал свои полномочия. Прошу "
	"поддержать эту поправку ради будущего наших детей.";

/* The form letter as senders change it: each must stay above the threshold. */
static const char *const variants[] = {
	"Уважаемая Комиссия! Предлагаю закрепить в статье 4, что народ является единственным "
	"источником государственной власти. Любые изменения Конституции должны приниматься только на "
	"республиканском референдуме. Нельзя допускать, чтобы парламент сам продлевал свои "
	"полномочия. Прошу поддержать эту поправку ради будущего наших детей.",
	"Предлагаю закрепить в статье 4, что народ являеться единственным источником государственой "
	"власти. Любые изменения Конституции должны приниматься только на республиканском "
	"референдуме. Нельзя допускать, чтобы парламент сам продлевал свои полномочия. Прошу "
	"поддержать эту поправку ради будущего наших детей.",
	"Любые изменения Конституции должны приниматься только на республиканском референдуме. "
	"Предлагаю закрепить в статье 4, что народ является единственным источником государственной "
	"власти. Нельзя допускать, чтобы парламент сам продлевал свои полномочия. Прошу поддержать "
	"эту поправку ради будущего наших детей. С уважением, Айгерим.",
	"ПPEДЛAГAЮ ЗAKPEПИTЬ B CTATЬE 4 ЧTO HAPOД ЯBЛЯETCЯ EДИHCTBEHHЫM ИCTOЧHИKOM ГOCYДAPCTBEHHOЙ "
	"BЛACTИ ЛЮБЫE ИЗMEHEHИЯ KOHCTИTYЦИИ ДOЛЖHЫ ПPИHИMATЬCЯ TOЛЬKO HA PECПYБЛИKAHCKOM PEФEPEHДYME "
	"HEЛЬЗЯ ДOПYCKATЬ ЧTOБЫ ПAPЛAMEHT CAM ПPOДЛEBAЛ CBOИ ПOЛHOMOЧИЯ ПPOШY ПOДДEPЖATЬ ЭTY "
	"ПOПPABKY PAДИ БYДYЩEГO HAШИX ДETEЙ",
};

/* Other proposals on the same article: each must stay below it. */
static const char *const others[] = {
	"Считаю, что статья 4 должна прямо назвать народ источником власти, но референдум нужен "
	"только для изменений первого раздела, а не для любой поправки.",
	"Прошу поддержать эту поправку ради будущего наших детей. Пенсионный возраст нельзя "
	"повышать, а налоги на малый бизнес надо снизить вдвое.",
	"Полномочия парламента надо расширить: пусть он утверждает правительство и бюджет, а "
	"президент подписывает законы в течение месяца.",
};

static void test_signature(void **state)
{
	struct minhash a, b, e;
	uint8_t packed[4 * MINHASH_SIZE];
	int64_t keys[MINHASH_BANDS], keys2[MINHASH_BANDS];

	(void)state;
	sign(letter, &a);
	sign(letter, &b);
	assert_memory_equal(a.v, b.v, sizeof(a.v)); /* deterministic */
	assert_true(minhash_similarity(&a, &b) == 1.0);
	minhash_pack(&a, packed);
	assert_true(minhash_unpack(packed, sizeof(packed), &b));
	assert_memory_equal(a.v, b.v, sizeof(a.v));
	assert_false(b.empty);
	assert_false(minhash_unpack(packed, sizeof(packed) - 1, &b));
	/* a text of punctuation only has no words, no bands, and matches nothing */
	sign("?!...", &e);
	assert_true(e.empty);
	assert_int_equal(minhash_bands(&e, 1, keys), 0);
	assert_true(minhash_similarity(&e, &e) == 0.0);
	minhash_pack(&e, packed);
	assert_true(minhash_unpack(packed, sizeof(packed), &b) && b.empty);
	/* band keys depend on the consultation */
	assert_int_equal(minhash_bands(&a, 1, keys), MINHASH_BANDS);
	assert_int_equal(minhash_bands(&a, 2, keys2), MINHASH_BANDS);
	assert_memory_not_equal(keys, keys2, sizeof(keys));
	/* a short text is one shingle */
	assert_true(similarity("Поддерживаю", "ПОДДЕРЖИВАЮ!") == 1.0);
	assert_true(similarity("Поддерживаю", "Против") < 0.1);
	assert_non_null(strstr(minhash_method(), "minhash-128"));
}

static void test_similarity(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		double s = similarity(letter, variants[i]);

		if (s < CLUSTER_THRESHOLD)
			print_error("variant %zu: %.3f\n", i, s);
		assert_true(s >= CLUSTER_THRESHOLD);
	}
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		double s = similarity(letter, others[i]);

		if (s >= CLUSTER_THRESHOLD / 2)
			print_error("other %zu: %.3f\n", i, s);
		assert_true(s < CLUSTER_THRESHOLD / 2);
	}
}

static int add(struct cluster_set *set, const char *text, bool fresh, int64_t group)
{
	struct minhash m;

	sign(text, &m);
	return cluster_add(set, &m, fresh, group);
}

/* All at once: the letter and its variants are one component, every other text alone. */
static void test_components(void **state)
{
	struct cluster_set *set = cluster_new(7);
	int first = add(set, letter, true, 0), o[3];
	size_t nv = sizeof(variants) / sizeof(variants[0]);

	(void)state;
	for (size_t i = 0; i < nv; i++)
		add(set, variants[i], true, 0);
	for (int i = 0; i < 3; i++)
		o[i] = add(set, others[i], true, 0);
	assert_true(cluster_run(set, CLUSTER_THRESHOLD) > 0);
	for (size_t i = 1; i <= nv; i++)
		assert_int_equal(cluster_root(set, (int)i), cluster_root(set, first));
	for (int i = 0; i < 3; i++) {
		assert_int_equal(cluster_root(set, o[i]), o[i]);
		assert_int_not_equal(cluster_root(set, o[i]), cluster_root(set, first));
	}
	assert_int_equal(cluster_gave_up(set), 0);
	cluster_free(set);
}

/* Incrementally: settled texts (clustered before, given as groups) and fresh ones give the
 * components all-fresh gives; settled pairs are not compared again. */
static void test_incremental(void **state)
{
	struct cluster_set *set = cluster_new(7);
	int a, b, c, d;

	(void)state;
	a = add(set, letter, false, 100);     /* campaign 100 */
	b = add(set, variants[0], false, 100);
	c = add(set, others[0], false, 0);    /* alone */
	d = add(set, variants[3], true, 0);   /* new: the shouting look-alike copy */
	cluster_run(set, CLUSTER_THRESHOLD);
	assert_int_equal(cluster_root(set, b), cluster_root(set, a));
	assert_int_equal(cluster_root(set, d), cluster_root(set, a));
	assert_int_equal(cluster_root(set, c), c);
	cluster_free(set);

	/* two settled groups are not linked by the run (their link is an earlier run's business),
	 * unless a fresh text links them */
	set = cluster_new(7);
	a = add(set, letter, false, 1);
	b = add(set, variants[0], false, 2);
	assert_int_equal(cluster_run(set, CLUSTER_THRESHOLD), 0);
	assert_int_not_equal(cluster_root(set, a), cluster_root(set, b));
	cluster_free(set);

	set = cluster_new(7);
	a = add(set, letter, false, 1);
	b = add(set, variants[0], false, 2);
	add(set, variants[1], true, 0);
	cluster_run(set, CLUSTER_THRESHOLD);
	assert_int_equal(cluster_root(set, a), cluster_root(set, b));
	cluster_free(set);
}

/* The texts of test_known: settled ones first (with their group), then fresh ones. */
static const struct {
	bool fresh;
	int64_t group;
} mixed[] = {
	{ false, 1 }, { false, 2 }, { false, 0 }, { false, 0 }, { true, 0 }, { true, 0 }, { true, 0 }, { true, 0 },
};

static const char *mixed_text(size_t i)
{
	const char *const texts[] = { letter,	   variants[0], others[0],   others[1],
				      variants[1], variants[2], variants[3], others[2] };

	return texts[i];
}

/* Builds the mixed set with settled texts given by signature, or without one (their shared
 * keys and, when `links`, their links with fresh texts worked out here, as campaign.c does). */
static struct cluster_set *mixed_set(bool known, bool links, long long *compared)
{
	size_t n = sizeof(mixed) / sizeof(mixed[0]);
	struct minhash sig[sizeof(mixed) / sizeof(mixed[0])];
	int64_t keys[sizeof(mixed) / sizeof(mixed[0])][MINHASH_BANDS];
	int nkeys[sizeof(mixed) / sizeof(mixed[0])];
	struct cluster_set *set = cluster_new(7);

	for (size_t i = 0; i < n; i++) {
		sign(mixed_text(i), &sig[i]);
		nkeys[i] = minhash_bands(&sig[i], 7, keys[i]);
	}
	for (size_t i = 0; i < n; i++) {
		int64_t shared[MINHASH_BANDS];
		int nshared = 0;

		if (!known || mixed[i].fresh) {
			assert_int_equal(cluster_add(set, &sig[i], mixed[i].fresh, mixed[i].group), (int)i);
			continue;
		}
		for (int k = 0; k < nkeys[i]; k++) {
			bool any = false;

			for (size_t j = 0; j < n; j++)
				for (int l = 0; mixed[j].fresh && l < nkeys[j]; l++)
					any = any || keys[j][l] == keys[i][k];
			if (any)
				shared[nshared++] = keys[i][k];
		}
		assert_int_equal(cluster_add_known(set, mixed[i].group, shared, nshared), (int)i);
	}
	if (known && links) { /* given in reverse: the set sorts them */
		uint64_t *pairs = malloc(n * n * sizeof(*pairs));
		size_t npairs = 0;

		assert_non_null(pairs);
		for (size_t i = n; i-- > 0;)
			for (size_t j = n; !mixed[i].fresh && j-- > 0;)
				if (mixed[j].fresh && minhash_similarity(&sig[i], &sig[j]) >= CLUSTER_THRESHOLD)
					pairs[npairs++] = (uint64_t)i << 32 | j;
		assert_true(npairs > 1);
		cluster_give_links(set, pairs, npairs);
	}
	*compared = cluster_run(set, CLUSTER_THRESHOLD);
	return set;
}

/* Settled texts without their signatures, their links given, give the same components after
 * the same comparisons; without the links the fresh copies of the letter stay apart from it. */
static void test_known(void **state)
{
	long long by_sig, by_link, none;
	struct cluster_set *a = mixed_set(false, false, &by_sig), *b = mixed_set(true, true, &by_link),
			   *c = mixed_set(true, false, &none);

	(void)state;
	assert_true(by_sig > 0);
	assert_int_equal(by_link, by_sig);
	for (int i = 0; i < cluster_count(a); i++)
		assert_int_equal(cluster_root(b, i), cluster_root(a, i));
	assert_int_equal(cluster_root(a, 1), cluster_root(a, 0)); /* groups 1 and 2 joined by fresh copies */
	assert_int_equal(cluster_root(a, 4), cluster_root(a, 0));
	assert_int_equal(cluster_root(a, 7), 7);
	assert_int_not_equal(cluster_root(c, 4), cluster_root(c, 0));
	cluster_free(a);
	cluster_free(b);
	cluster_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signature),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_components),
		cmocka_unit_test(test_incremental),
		cmocka_unit_test(test_known),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
