/*
 * test_agg_cluster.c - MinHash signatures and LSH bands (aggregator/minhash.c) and the
 * campaigns built from them through leaders (aggregator/cluster.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
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
	/* shingles are characters: "за" is one, "закон" one, "законы" two */
	sign("за", &e);
	assert_int_equal(e.shingles, 1);
	sign("закон", &e);
	assert_int_equal(e.shingles, 1);
	sign("Законы!", &e);
	assert_int_equal(e.shingles, 2);
	assert_true(similarity("Поддерживаю", "ПОДДЕРЖИВАЮ!") == 1.0);
	assert_true(similarity("Поддерживаю", "Против") < 0.1);
	assert_non_null(strstr(minhash_method(), "chars-5 minhash-128"));
}

static bool match(const char *a, const char *b, double *s)
{
	struct minhash x, y;

	sign(a, &x);
	sign(b, &y);
	return cluster_match(&x, &y, s);
}

/* Short proposals that share one boilerplate sentence, each in its own words (issue 17:
 * single linkage strung two thirds of such a set into campaigns). */
static const char *const boilerplate[] = {
	"Нужно гарантировать доступ к чистой воде, ведь без этого реформа останется на бумаге.",
	"Прошу пересмотреть доступ к чистой воде, ведь без этого реформа останется на бумаге.",
	"Здравствуйте! Надо прописать права пенсионеров, ведь без этого реформа останется на бумаге.",
	"Давно пора закрепить независимость судей, ведь без этого реформа останется на бумаге.",
	"Уважаемая Комиссия! Прошу защитить свободу прессы, ведь без этого реформа останется на бумаге.",
};

static void test_match(void **state)
{
	double s;

	(void)state;
	for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		bool ok = match(letter, variants[i], &s);

		if (!ok)
			print_error("variant %zu: %.3f\n", i, s);
		assert_true(ok);
	}
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		bool ok = match(letter, others[i], &s);

		if (ok || s >= CLUSTER_THRESHOLD / 2)
			print_error("other %zu: %.3f\n", i, s);
		assert_false(ok);
		assert_true(s < CLUSTER_THRESHOLD / 2);
	}
	for (size_t i = 0; i < sizeof(boilerplate) / sizeof(boilerplate[0]); i++)
		for (size_t j = 0; j < i; j++) {
			bool ok = match(boilerplate[i], boilerplate[j], &s);

			if (ok)
				print_error("boilerplate %zu and %zu: %.3f\n", j, i, s);
			assert_false(ok);
		}
	/* a short text copied with a slip is still a copy */
	assert_true(match(
		boilerplate[3],
		"Давно пора закрепить независимость судей, ведь без этого рефорама останется на бумаге!!",
		&s));
}

static int add(struct cluster_set *set, const char *text)
{
	struct minhash m;

	sign(text, &m);
	return cluster_add(set, &m);
}

static int leader(const struct cluster_set *set, int i)
{
	bool met;
	int l = cluster_leader(set, i, &met);

	assert_false(met);
	return l;
}

/* All at once: the letter leads, its variants follow it, every other text leads alone. */
static void test_leaders(void **state)
{
	struct cluster_set *set = cluster_new(7);
	int first = add(set, letter), o[3], b[sizeof(boilerplate) / sizeof(boilerplate[0])];
	size_t nv = sizeof(variants) / sizeof(variants[0]);

	(void)state;
	for (size_t i = 0; i < nv; i++)
		add(set, variants[i]);
	for (int i = 0; i < 3; i++)
		o[i] = add(set, others[i]);
	for (size_t i = 0; i < sizeof(b) / sizeof(b[0]); i++)
		b[i] = add(set, boilerplate[i]);
	cluster_run(set);
	assert_int_equal(leader(set, first), CLUSTER_LEADS);
	for (size_t i = 1; i <= nv; i++)
		assert_int_equal(leader(set, (int)i), first);
	for (int i = 0; i < 3; i++)
		assert_int_equal(leader(set, o[i]), CLUSTER_LEADS);
	for (size_t i = 0; i < sizeof(b) / sizeof(b[0]); i++)
		assert_int_equal(leader(set, b[i]), CLUSTER_LEADS);
	assert_true(cluster_compared(set) > 0);
	assert_int_equal(cluster_gave_up(set), 0);
	cluster_free(set);
}

/* Four sentences in a sliding window: a and b share three of them, b and c three, a and c
 * two. Single linkage makes one campaign of the three; through leaders c is not a's. */
static const char *const sentence[] = {
	"Местные бюджеты должны формироваться открыто и публиковаться полностью на сайте акимата. ",
	"Каждый житель должен иметь право участвовать в обсуждении бюджета своего района. ",
	"Отчёты акимов о расходах должны быть доступны в интернете в течение месяца. ",
	"Депутаты маслихата обязаны раз в квартал встречаться с избирателями своего округа. ",
	"Жалоба жителя на решение акима рассматривается судом в течение десяти дней. ",
	"Сельские округа получают не меньше пятой части налогов, собранных на их земле. ",
};

static void window(char *out, size_t size, int from)
{
	snprintf(out, size, "%s%s%s%s", sentence[from], sentence[from + 1], sentence[from + 2],
		 sentence[from + 3]);
}

static void test_no_chaining(void **state)
{
	char a[1024], b[1024], c[1024];
	struct cluster_set *set = cluster_new(7);
	double s;

	(void)state;
	window(a, sizeof(a), 0);
	window(b, sizeof(b), 1);
	window(c, sizeof(c), 2);
	assert_true(match(a, b, &s));
	assert_true(match(b, c, &s));
	assert_false(match(a, c, &s));
	add(set, a);
	add(set, b);
	add(set, c);
	cluster_run(set);
	assert_int_equal(leader(set, 0), CLUSTER_LEADS);
	assert_int_equal(leader(set, 1), 0);             /* b follows a */
	assert_int_equal(leader(set, 2), CLUSTER_LEADS); /* c, close to b only, leads */
	cluster_free(set);
}

/* The texts of test_met, in the order first seen. */
static const char *mixed_text(size_t i)
{
	const char *const texts[] = { others[0],      letter,    boilerplate[0], variants[0],
				      boilerplate[1], others[1], variants[1],    boilerplate[2],
				      variants[2],    others[2], variants[3],    boilerplate[3] };

	return texts[i];
}

#define NMIXED 12

/*
 * A refresh equals one run over everything: the first `split` texts clustered in one run,
 * then the others with the first run's leaders met in order, give every text the leader one
 * run gives it (its index in both, the leaders' numbers being their indexes).
 */
static void test_met(void **state)
{
	int whole[NMIXED];
	struct cluster_set *set = cluster_new(7);

	(void)state;
	for (size_t i = 0; i < NMIXED; i++)
		add(set, mixed_text(i));
	cluster_run(set);
	for (int i = 0; i < NMIXED; i++)
		whole[i] = leader(set, i);
	assert_int_equal(whole[3], 1); /* the letter's variants follow it */
	assert_int_equal(whole[10], 1);
	cluster_free(set);
	for (int split = 1; split < NMIXED; split++) {
		struct cluster_set *first = cluster_new(7), *second = cluster_new(7);

		for (int i = 0; i < split; i++)
			add(first, mixed_text((size_t)i));
		cluster_run(first);
		for (int i = split; i < NMIXED; i++)
			add(second, mixed_text((size_t)i));
		for (int i = 0; i < split; i++) {
			struct minhash m;

			assert_int_equal(leader(first, i), whole[i]);
			sign(mixed_text((size_t)i), &m);
			if (whole[i] == CLUSTER_LEADS)
				cluster_meet_leader(second, i, &m);
		}
		cluster_run(second);
		for (int i = split; i < NMIXED; i++) {
			bool met;
			int l = cluster_leader(second, i - split, &met);

			if (l != CLUSTER_LEADS && !met)
				l += split;
			assert_int_equal(l, whole[i]);
			assert_true(l == CLUSTER_LEADS || met == (l < split));
		}
		cluster_free(first);
		cluster_free(second);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signature), cmocka_unit_test(test_match),
		cmocka_unit_test(test_leaders),   cmocka_unit_test(test_no_chaining),
		cmocka_unit_test(test_met),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
