/*
 * test_agg_suggest.c - the suggestions' term vectors (aggregator/textvec.c) and their
 * grouping (aggregator/suggest.c): stems and grams, TF-IDF cosine, and a grouping that
 * does not chain.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "suggest.h"
#include "textvec.h"

/* Cosine of two texts, weighted over the given corpus (the two texts included). */
static double cosine(const char *lang, const char *a, const char *b, const char *const *corpus, size_t n)
{
	struct textvec x, y, c;
	struct textvec_index *ix = textvec_index_new();
	double s;

	assert_true(textvec_terms(a, lang, &x));
	assert_true(textvec_terms(b, lang, &y));
	textvec_index_add(ix, &x);
	textvec_index_add(ix, &y);
	for (size_t i = 0; i < n; i++) {
		assert_true(textvec_terms(corpus[i], lang, &c));
		textvec_index_add(ix, &c);
		textvec_free(&c);
	}
	textvec_weigh(ix, &x);
	textvec_weigh(ix, &y);
	s = textvec_cosine(&x, &y);
	textvec_free(&x);
	textvec_free(&y);
	textvec_index_free(ix);
	return s;
}

static const char *const ru_corpus[] = {
	"Нужно построить новую больницу в нашем районе.",
	"Пенсии надо индексировать каждый квартал.",
	"Надо защитить степь от распашки.",
	"Прошу добавить раздел о правах животных.",
};
static const char *const en_corpus[] = {
	"We need a new hospital in our district.",
	"Pensions should be indexed every quarter.",
	"The steppe must be protected from ploughing.",
};
static const char *const kk_corpus[] = {
	"Біздің ауданда жаңа аурухана салу керек.",
	"Зейнетақыны әр тоқсан сайын индекстеу керек.",
	"Даланы жыртудан қорғау керек.",
	"Жануарлар құқығы туралы бөлім қосуды сұраймын.",
};

static void test_terms(void **state)
{
	struct textvec v;

	(void)state;
	assert_true(textvec_terms("", "ru", &v));
	assert_int_equal(v.n, 0);
	textvec_free(&v);
	assert_false(textvec_terms("\xff\xfe", "ru", &v));
	/* one and two letter words and function words give nothing */
	assert_true(textvec_terms("и в на это", "ru", &v));
	assert_int_equal(v.n, 0);
	textvec_free(&v);
	/* Russian forms of a word meet at their stem; the same words in another order are the same */
	assert_true(cosine("ru", "Запретить смертную казнь", "запрет смертной казни", ru_corpus, 4) > 0.3);
	assert_true(cosine("ru", "казнь смертную запретить", "Запретить смертную казнь!", ru_corpus, 4) >
		    0.99);
	/* Kazakh suffixes through grams: сайлау, сайлауы, сайласын */
	assert_true(cosine("kk", "Әкімдерді халық сайласын", "әкімдерді халық тікелей сайлауы тиіс",
			   kk_corpus, 4) > 0.3);
	/* other subjects stay apart */
	assert_true(cosine("ru", "Запретить смертную казнь", "Построить больницу в районе", ru_corpus, 4) <
		    0.05);
	assert_true(cosine("en", "ban the death penalty", "banning the death penalties", en_corpus, 3) > 0.5);
	/* a term every text has weighs nothing */
	assert_true(cosine("en", "ban the death penalty", "banning the death penalties", NULL, 0) == 0.0);
}

/* Hand-made unit vectors over terms 2, 4, 6 (even: grams): a and b share much, b and c
 * much, a and c nothing; d is alone. */
static void vec(struct textvec *v, const uint64_t *term, const float *weight, int n)
{
	double norm = 0;

	v->term = malloc((size_t)n * sizeof(*v->term));
	v->weight = malloc((size_t)n * sizeof(*v->weight));
	assert_non_null(v->term);
	assert_non_null(v->weight);
	for (int i = 0; i < n; i++)
		norm += (double)weight[i] * weight[i];
	for (int i = 0; i < n; i++) {
		v->term[i] = term[i];
		v->weight[i] = (float)(weight[i] / __builtin_sqrt(norm));
	}
	v->n = n;
}

static void test_group(void **state)
{
	static const uint64_t ta[] = { 2, 4 }, tb[] = { 4, 6 }, tc[] = { 6, 8 }, td[] = { 10 },
			      te[] = { 2, 4, 6 };
	static const float w2[] = { 1, 1 }, w1[] = { 1 }, w3[] = { 1, 1, 1 };
	struct textvec v[5];
	int group[5];
	double cohesion[5];

	(void)state;
	vec(&v[0], ta, w2, 2);
	vec(&v[1], tb, w2, 2);
	vec(&v[2], tc, w2, 2);
	vec(&v[3], td, w1, 1);
	vec(&v[4], te, w3, 3);
	assert_true(textvec_cosine(&v[0], &v[1]) >= SUGGEST_THRESHOLD);
	assert_true(textvec_cosine(&v[1], &v[2]) >= SUGGEST_THRESHOLD);
	assert_true(textvec_cosine(&v[0], &v[2]) < SUGGEST_FLOOR);
	assert_int_equal(suggest_group(v, 5, SUGGEST_THRESHOLD, group, cohesion), 3);
	assert_int_equal(group[0], 0);
	assert_int_equal(group[1], 0); /* b joins a */
	assert_int_equal(group[2], 2); /* c, close to b but not to a, does not chain in */
	assert_int_equal(group[3], 3);
	assert_int_equal(group[4], 0); /* e is close to both a and b */
	assert_true(cohesion[0] >= 0.49 && cohesion[0] <= 0.51);
	assert_true(cohesion[3] == 1.0);
	for (int i = 0; i < 5; i++)
		textvec_free(&v[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_group),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
