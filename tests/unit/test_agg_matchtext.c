/*
 * test_agg_matchtext.c - the normal form texts are matched in (aggregator/matchtext.c),
 * table-driven: text in, normal form out; and what must (not) meet.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "matchtext.h"

static void test_normal_forms(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "", "" },
		{ "   ", "" },
		{ "!!! ... ???", "" },
		{ "Hello, World!", "hello world" },
		{ "  spaced\t\tout\n\nlines  ", "spaced out lines" },
		{ "one—two–three…four", "one two three four" },
		{ "«Народ» — источник", "hapoд иctoчhиk" },    /* look-alikes to Latin */
		{ "Нaрод", "hapoд" },                          /* a Latin a inside */
		{ "НАРОД", "hapoд" },                          /* upper case */
		{ "Ёлка и елка", "eлka и eлka" },              /* ё loses its dots */
		{ "ﬁnance", "finance" },                       /* NFKC ligature */
		{ "ＡＢＣ１２３", "abc123" },                  /* fullwidth */
		{ "Статья 4", "ctatья 4" },                    /* ь is a letter */
		{ "Құрметті Комиссия!", "құpmetti komиccия" }, /* Kazakh і, ұ kept/folded */
		{ "Мемлекеттік тіл", "memлekettik tiл" },
		{ "STRASSE straße", "strasse strasse" }, /* case folding, not lowering */
		{ "don't", "don t" },
		{ "e-mail", "e mail" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = matchtext_normalise(cases[i].in, strlen(cases[i].in));

		assert_non_null(got);
		if (strcmp(got, cases[i].out) != 0)
			print_error("case %zu: \"%s\" -> \"%s\", expected \"%s\"\n", i, cases[i].in, got,
				    cases[i].out);
		assert_string_equal(got, cases[i].out);
		free(got);
	}
}

static void assert_same(const char *a, const char *b, int same)
{
	char *x = matchtext_normalise(a, strlen(a)), *y = matchtext_normalise(b, strlen(b));

	assert_non_null(x);
	assert_non_null(y);
	if ((strcmp(x, y) == 0) != same)
		print_error("\"%s\" (%s) vs \"%s\" (%s)\n", a, x, b, y);
	assert_int_equal(strcmp(x, y) == 0, same);
	free(x);
	free(y);
}

static void test_meet(void **state)
{
	(void)state;
	/* look-alikes both ways, punctuation, case */
	assert_same("Прошу поддержать эту поправку.", "ПРОШУ поддержать, эту поправку!!", 1);
	assert_same("Прошу поддержать эту поправку.", "Пpoшy пoддepжaть этy пoпpaвкy", 1);
	assert_same("Support this amendment", "Suppоrt this аmendment", 1); /* Cyrillic о, а */
	assert_same("Біз талап етеміз", "БІЗ ТАЛАП ЕТЕМІЗ", 1);
	/* different words stay different */
	assert_same("Прошу поддержать", "Прошу отклонить", 0);
	assert_same("Article 4", "Article 5", 0);
	assert_same("қала", "кала", 0); /* Kazakh қ is its own letter */
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	assert_null(matchtext_normalise("\xC3\x28", 2));
	assert_null(matchtext_normalise("ok \xFF", 4));
}

static void test_skeleton(void **state)
{
	(void)state;
	assert_int_equal(matchtext_skeleton(0x0430), 'a');
	assert_int_equal(matchtext_skeleton(0x04BB), 'h');
	assert_int_equal(matchtext_skeleton(0x051D), 'w');
	assert_int_equal(matchtext_skeleton(0x03BF), 'o');
	assert_int_equal(matchtext_skeleton('a'), 'a');
	assert_int_equal(matchtext_skeleton(0x0431), 0x0431); /* б has none */
	assert_int_equal(matchtext_skeleton(0x049B), 0x049B); /* қ has none */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normal_forms),
		cmocka_unit_test(test_meet),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_skeleton),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
