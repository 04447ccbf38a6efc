#include "report_text.h"

#include <stdio.h>
#include <string.h>

#include "lang_table.h"
#include "util.h"

_Static_assert(LANG_KK == 0 && LANG_RU == 1 && LANG_EN == 2,
	       "enum report_lang numbers the languages as lang_table.h does");

static const struct lang_text texts[] = {
	{ "report",
	  { "Жоба бойынша азаматтардың ұсыныстары", "Предложения граждан по проекту",
	    "Public proposals on the draft" } },
	{ "session", { "Комиссия отырысы №", "Заседание Комиссии №", "Commission session No. " } },
	{ "week", { "Апта", "Неделя", "Week" } },
	{ "range", { "Кезең", "Период", "Period" } },
	{ "period", { "Кезең", "Период", "Period" } },
	{ "previous", { "Алдыңғы кезең", "Предыдущий период", "Previous period" } },
	{ "cut_off", { "Деректер уақыты", "Данные на", "Counts as of" } },
	{ "time_zone", { "уақыт белдеуі", "часовой пояс", "time zone" } },
	{ "issued", { "Шығарылды, өзгертілмейді", "Выпущен, не изменяется", "Issued, frozen" } },
	{ "provisional",
	  { "Алдын ала: кезең әлі аяқталған жоқ", "Предварительно: период ещё не завершён",
	    "Provisional: the period is not over" } },
	{ "ad_hoc",
	  { "Еркін кезең бойынша есеп", "Отчёт за произвольный период", "Report for a chosen period" } },
	{ "totals", { "Қорытынды", "Итоги", "Totals" } },
	{ "proposals", { "Ұсыныстар", "Предложения", "Proposals" } },
	{ "people", { "Авторлар", "Авторы", "People" } },
	{ "supports", { "Қолдаулар", "Поддержки", "Supports" } },
	{ "change", { "Өзгеріс", "Изменение", "Change" } },
	{ "all", { "Барлығы", "Всего", "All" } },
	{ "support", { "Жақтайды", "За", "In favour" } },
	{ "oppose", { "Қарсы", "Против", "Against" } },
	{ "amend", { "Түзету", "Поправка", "Amendment" } },
	{ "support_level", { "Қолдау деңгейі", "Уровень поддержки", "Support level" } },
	{ "support_level_note",
	  { "жақтайтындар / (жақтайтындар + қарсылар), ұсыныстар бойынша",
	    "«за» / («за» + «против»), по числу предложений",
	    "in favour / (in favour + against), by proposals" } },
	{ "parts", { "Жобаның бөліктері бойынша", "По частям проекта", "By part of the draft" } },
	{ "part", { "Бөлік", "Часть", "Part" } },
	{ "topics", { "Тақырыптар бойынша", "По темам", "By topic" } },
	{ "topic", { "Тақырып", "Тема", "Topic" } },
	{ "regions", { "Өңірлер бойынша", "По регионам", "By region" } },
	{ "region", { "Өңір", "Регион", "Region" } },
	{ "channels", { "Арналар бойынша", "По каналам", "By channel" } },
	{ "channel", { "Арна", "Канал", "Channel" } },
	{ "trend", { "Апта бойынша динамика", "Динамика по неделям", "Weekly trend" } },
	{ "support_chart", { "Баптар бойынша ұстанымдар", "Позиции по статьям", "Stances per part" } },
	{ "heatmap", { "Бөліктер × тақырыптар", "Части × темы", "Parts × topics" } },
	{ "heatmap_note",
	  { "ұсыныстар саны, барлық ұстанымдар", "число предложений, все позиции",
	    "number of proposals, all stances" } },
	{ "top",
	  { "Ең көп қолдау алған ұсыныстар", "Наиболее поддержанные предложения",
	    "Most supported proposals" } },
	{ "new", { "жаңа", "новое", "new" } },
	{ "no_proposals",
	  { "Бұл кезеңде ұсыныстар жоқ.", "За этот период предложений нет.",
	    "No proposals in this period." } },
	{ "version", { "нұсқа", "редакция", "draft" } },
	{ "notes", { "Ескертпелер", "Примечания", "Notes" } },
	{ "note_people",
	  { "«Авторлар» — сәйкестендірілген әртүрлі авторлар саны; анонимді ұсыныстар (авторы "
	    "сәйкестендірілмеген) тек ұсыныс ретінде есептеледі.",
	    "«Авторы» — число разных идентифицированных авторов; анонимные предложения учитываются только "
	    "как предложения.",
	    "People are distinct identified authors; anonymous proposals count as proposals only." } },
	{ "note_supports",
	  { "Қолдаулар берілген күні бойынша есептеледі; жасырылған ұсыныстар мен олардың қолдаулары "
	    "есептелмейді.",
	    "Поддержки учитываются по дню, когда они даны; скрытые предложения и их поддержки не "
	    "учитываются.",
	    "Supports count on the day they were given; hidden proposals and their supports are not "
	    "counted." } },
	{ "note_days",
	  { "Күндер мен апталар (ISO 8601) көрсетілген уақыт белдеуі бойынша.",
	    "Дни и недели (ISO 8601) — по указанному часовому поясу.",
	    "Days and weeks (ISO 8601) are local to the time zone shown." } },
	{ "note_top",
	  { "Кезең соңына дейін берілген ұсыныстар, есеп жасалған сәттегі қолдау саны бойынша.",
	    "Предложения, поданные до конца периода, по числу поддержек на момент отчёта.",
	    "Proposals made up to the end of the period, by supports as of the cut-off." } },
	{ "campaigns",
	  { "Науқандар: бірдей дерлік ұсыныстар", "Кампании: почти одинаковые предложения",
	    "Campaigns: near-identical proposals" } },
	{ "campaign", { "Науқан", "Кампания", "Campaign" } },
	{ "texts", { "Әртүрлі мәтіндер", "Разных текстов", "Distinct texts" } },
	{ "first_seen", { "Алғашқы", "Первое", "First" } },
	{ "last_seen", { "Соңғы", "Последнее", "Last" } },
	{ "peak", { "Минутына ең көп", "Пик за минуту", "Peak per minute" } },
	{ "burst", { "толқын", "всплеск", "burst" } },
	{ "no_campaigns",
	  { "Бұл кезеңде науқандар жоқ.", "За этот период кампаний нет.", "No campaigns in this period." } },
	{ "note_campaigns",
	  { "Науқан — мәтіні науқан мәтінімен (жоғарыда толық келтірілген) бірдей немесе дерлік бірдей "
	    "ұсыныстар (сәлемдесу, қате, сөйлемдер реті, ұқсас әріптер ескерілмейді); «әртүрлі мәтіндер» әр "
	    "науқанды бір рет санайды. Бір минутта шекті саннан көп ұсыныс — толқын.",
	    "Кампания — предложения, текст которых совпадает или почти совпадает с текстом кампании, "
	    "приведённым выше полностью (без учёта приветствия, опечаток, порядка фраз, похожих букв); "
	    "«разных текстов» считает каждую кампанию один раз. Всплеск — не меньше порогового числа "
	    "предложений за одну минуту.",
	    "A campaign is proposals whose text is the same as, or nearly the same as, the campaign's text "
	    "given in full above (greetings, typos, sentence order and look-alike letters aside); distinct "
	    "texts count each campaign once. A burst is at least the threshold number of proposals in one "
	    "minute." } },
	{ "campaign_texts",
	  { "Науқандардың мәтіндері толығымен", "Тексты кампаний полностью", "Campaign texts in full" } },
	{ "burst_threshold",
	  { "Толқын шегі, минутына", "Порог всплеска, в минуту", "Burst threshold, per minute" } },
	{ "generated_by",
	  { "Kenes агрегаторы жасаған", "Сформировано агрегатором Kenes", "Made by the Kenes aggregator" } },
	{ "lang.kk", { "қаз.", "каз.", "kk" } },
	{ "lang.ru", { "орыс.", "рус.", "ru" } },
	{ "lang.en", { "ағыл.", "англ.", "en" } },
	/* The positions section (render_positions.c) */
	{ "positions", { "Ұстанымдар және шешімдер", "Позиции и решения", "Positions and decisions" } },
	{ "positions_note",
	  { "Қызметкерлер топтастырған ұсыныстар: жарияланған ұсыныстар бойынша нақты сандар, есеп шыққан "
	    "кездегі күйі.",
	    "Предложения, сгруппированные сотрудниками: точные числа по опубликованным предложениям, на "
	    "момент выпуска отчёта.",
	    "Proposals grouped by staff: exact counts over published proposals, as they stood when the "
	    "report was made." } },
	{ "position", { "Ұстаным", "Позиция", "Position" } },
	{ "decision", { "Шешім", "Решение", "Decision" } },
	{ "new_part", { "Жаңа нұсқадағы бөлігі", "Часть новой версии", "Part of the new version" } },
	{ "unplaced",
	  { "Әлі ешбір ұстанымға енгізілмеген ұсыныстар", "Предложения, ещё не отнесённые ни к одной позиции",
	    "Proposals not yet in any position" } },
	{ "accepted", { "Қабылданды", "Принято", "Accepted" } },
	{ "partly", { "Ішінара қабылданды", "Принято частично", "Partly accepted" } },
	{ "not_accepted", { "Қабылданбады", "Не принято", "Not accepted" } },
	{ "outside_scope", { "Жобаның аясынан тыс", "Вне предмета проекта", "Outside the draft's scope" } },
	{ "decision_none", { "Шешім әлі жоқ", "Решение ещё не принято", "Not decided yet" } },
};

bool report_lang_parse(const char *code, enum report_lang *out)
{
	int i = lang_table_parse(code);

	if (i < 0)
		return false;
	*out = (enum report_lang)i;
	return true;
}

const char *report_lang_code(enum report_lang lang)
{
	return lang_table_code((int)lang);
}

const char *report_text(enum report_lang lang, const char *key)
{
	const struct lang_text *t = lang_table_find(texts, ARRAY_LEN(texts), key);

	return t ? t->text[lang] : key;
}

void report_count(enum report_lang lang, long long n, char *out, size_t outlen)
{
	/* kk and ru group digits with a no-break space (U+00A0), en with a comma. */
	const char *sep = lang == LANG_EN ? "," : "\xc2\xa0";
	char digits[32];
	size_t len, o = 0;
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;

	len = (size_t)snprintf(digits, sizeof(digits), "%llu", u);
	if (n < 0 && o + 1 < outlen)
		out[o++] = '-';
	for (size_t i = 0; i < len && o + 4 < outlen; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			for (const char *s = sep; *s && o + 4 < outlen; s++)
				out[o++] = *s;
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

void report_change(enum report_lang lang, long long n, char *out, size_t outlen)
{
	char count[48];

	report_count(lang, n < 0 ? -n : n, count, sizeof(count));
	/* U+2212 minus sign: a hyphen would read as a dash. */
	snprintf(out, outlen, "%s%s", n > 0 ? "+" : n < 0 ? "\xe2\x88\x92" : "", count);
}

void report_share(enum report_lang lang, long long part, long long whole, char *out, size_t outlen)
{
	char a[48], b[48];
	long long tenths;

	if (whole <= 0) {
		snprintf(out, outlen, "\xe2\x80\x93"); /* en dash */
		return;
	}
	/* Rounded to a tenth of a percent, half up. */
	tenths = (part * 2000 + whole) / (whole * 2);
	report_count(lang, part, a, sizeof(a));
	report_count(lang, whole, b, sizeof(b));
	snprintf(out, outlen, "%lld%s%lld%s (%s / %s)", tenths / 10, lang == LANG_EN ? "." : ",", tenths % 10,
		 lang == LANG_EN ? "%" : "\xc2\xa0%", a, b);
}
