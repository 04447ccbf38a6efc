/*
 * generate - realistic proposals for the Kenes benchmarks, deterministic for a seed.
 *
 *   generate [-n COUNT] [-s SEED] [--start N] [-f FORMAT] [--iin PERCENT] [--stats]
 *
 * FORMAT:
 *   jsonl  one POST /api/v1/proposals body per line (only API fields; --iin adds valid IINs)
 *   form   one application/x-www-form-urlencoded body per line, without form_token
 *   import JSON Lines for kenes-import: the API fields plus source_id, source, submitted_at
 *   csv    RFC 4180 with a header for kenes-import: source_id,consultation,target,stance,
 *          topics,text,proposed_wording,lang,region,source,submitted_at (topics joined by ';')
 *   copy   PostgreSQL COPY text for bench/load's staging table (see bench/load)
 *
 * What is realistic about it: texts in Kazakh (45%), Russian (45%) and English (10%) made of
 * citizens' opinions (fragments.tsv), 100-800 characters for most and a long tail to 5000;
 * parts of the draft and topics by Zipf-like popularity (article 4 and the preamble first);
 * regions by population; stances; and ~10% of rows from six campaigns, one form letter
 * each sent many times with small variations. Row i depends only on (seed, i), so slices
 * (--start) can be generated in parallel and give the same rows as one run.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The sentences (fragments.tsv) and campaigns (campaigns.tsv) are data, embedded at build time
 * by embed-fragments.sh as bin/fragments.h and bin/campaigns.h; index order of every [3] array:
 * kk, ru, en (enum lang).
 */
#include "fragments.h"

/* A topic is a group of topic_sentences: its slug, most popular first (Zipf rank order). */
#define N_TOPICS  N_TOPIC_SENTENCES_GROUPS
#define PER_TOPIC N_TOPIC_SENTENCES_PER_GROUP
static const char *const *const topic_slugs = topic_sentences_groups;

/*
 * Campaigns: one form letter many people submit, with small variations ({G} a greeting,
 * {P} where they are from, {V} one of the variant sentences, {S} a sign-off).
 */
struct campaign {
	int lang; /* 0 kk, 1 ru, 2 en */
	const char *target;
	int stance; /* 0 support, 1 oppose, 2 amend */
	const char *topics[2];
	const char *letter;
	const char *greetings[3];
	const char *places[3];
	const char *regions[3]; /* region code of places[i] */
	const char *variants[3];
	const char *signoffs[3];
};
#include "campaigns.h"

#define MAX_TEXT  5000 /* code points, as the API allows */
#define MAX_BYTES (MAX_TEXT * 4 + 1)

enum lang { KK, RU, EN };
static const char *const lang_codes[3] = { "kk", "ru", "en" };
/* The stances are the groups of stance_sentences, in enum order (support, oppose, amend). */
static const char *const *const stance_names = stance_sentences_groups;

enum format { F_JSONL, F_FORM, F_IMPORT, F_CSV, F_COPY };

/* ---- random numbers: splitmix64 seeds a xoshiro256** per row ---- */

struct rng {
	uint64_t s[4];
};

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void rng_seed(struct rng *r, uint64_t seed, uint64_t row)
{
	uint64_t x = seed * 0x2545f4914f6cdd1dULL ^ row;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t next(struct rng *r)
{
	uint64_t *s = r->s, result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

static double uniform(struct rng *r) /* [0, 1) */
{
	return (double)(next(r) >> 11) * 0x1.0p-53;
}

static int below(struct rng *r, int n)
{
	return (int)(uniform(r) * n);
}

static double normal(struct rng *r)
{
	double u = uniform(r), v = uniform(r);
	return sqrt(-2.0 * log(1.0 - u)) * cos(2.0 * M_PI * v);
}

/* ---- weighted choices ---- */

struct table {
	int n;
	double *cumulative;
};

static void table_init(struct table *t, const double *weights, int n)
{
	double sum = 0;
	t->n = n;
	t->cumulative = malloc(sizeof(double) * (size_t)n);
	if (!t->cumulative)
		abort();
	for (int i = 0; i < n; i++)
		t->cumulative[i] = (sum += weights[i]);
	for (int i = 0; i < n; i++)
		t->cumulative[i] /= sum;
}

static int table_pick(const struct table *t, struct rng *r)
{
	double u = uniform(r);
	int lo = 0, hi = t->n - 1;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (t->cumulative[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* ---- the draft's parts: general, preamble, sections 1-11, articles 1-95 ---- */

#define N_SECTIONS 11
#define N_ARTICLES 95
#define N_PARTS    (2 + N_SECTIONS + N_ARTICLES)

struct part {
	const char *kind;
	int number; /* 0: none */
};
static struct part parts[N_PARTS]; /* in popularity order: parts[0] is the most popular */
static struct table part_table, topic_table, region_table, campaign_table;

static void parts_init(void)
{
	struct part all[N_PARTS];
	double weights[N_PARTS];
	uint64_t x = 20260130; /* a fixed shuffle: popularity does not depend on the seed */
	int n = 0, k = 0;

	/* Article 4 (sovereignty, the people as the source of power), the preamble and
	   general proposals lead; the rest follow in a fixed scrambled order. */
	parts[k++] = (struct part){ "article", 4 };
	parts[k++] = (struct part){ "preamble", 0 };
	parts[k++] = (struct part){ "general", 0 };
	for (int i = 1; i <= N_ARTICLES; i++)
		if (i != 4)
			all[n++] = (struct part){ "article", i };
	for (int i = 1; i <= N_SECTIONS; i++)
		all[n++] = (struct part){ "section", i };
	for (int i = n - 1; i > 0; i--) {
		int j = (int)(splitmix(&x) % (uint64_t)(i + 1));
		struct part t = all[i];
		all[i] = all[j];
		all[j] = t;
	}
	for (int i = 0; i < n; i++)
		parts[k++] = all[i];
	for (int i = 0; i < N_PARTS; i++)
		weights[i] = 1.0 / pow(i + 1, 1.1);
	table_init(&part_table, weights, N_PARTS);
}

static void part_name(const struct part *p, enum lang lang, char *out, size_t size)
{
	static const char *const general[3] = { "жалпы ұсыныстар", "общие предложения",
						"the draft as a whole" };
	static const char *const preamble[3] = { "преамбула", "преамбула", "the Preamble" };

	if (strcmp(p->kind, "general") == 0)
		snprintf(out, size, "%s", general[lang]);
	else if (strcmp(p->kind, "preamble") == 0)
		snprintf(out, size, "%s", preamble[lang]);
	else if (strcmp(p->kind, "article") == 0)
		snprintf(out, size,
			 lang == KK   ? "%d-бап"
			 : lang == RU ? "статья %d"
				      : "Article %d",
			 p->number);
	else
		snprintf(out, size,
			 lang == KK   ? "%d-бөлім"
			 : lang == RU ? "раздел %d"
				      : "Section %d",
			 p->number);
}

static void part_target(const struct part *p, char *out, size_t size)
{
	if (p->number)
		snprintf(out, size, "%s:%d", p->kind, p->number);
	else
		snprintf(out, size, "%s", p->kind);
}

/* ---- regions by population (thousands, 2024 estimates), plus abroad and unspecified ---- */

#define N_REGIONS 22
static const char *const region_codes[N_REGIONS] = {
	"KZ-75", "KZ-71", "KZ-79", "KZ-61", "KZ-19",  "KZ-31",       "KZ-35", "KZ-15",
	"KZ-43", "KZ-39", "KZ-11", "KZ-47", "KZ-55",  "KZ-63",       "KZ-23", "KZ-27",
	"KZ-33", "KZ-10", "KZ-59", "KZ-62", "abroad", "unspecified",
};
static const double region_population[N_REGIONS] = {
	2230, 1420, 1220, 2140, 1530, 1220, 1140, 930, 830, 830, 790,
	780,  750,  730,  700,  690,  690,  610,  530, 220, 150, 2000,
};

static void tables_init(void)
{
	double topic_weights[N_TOPICS], campaign_weights[N_CAMPAIGNS];

	parts_init();
	for (int i = 0; i < N_TOPICS; i++)
		topic_weights[i] = 1.0 / pow(i + 1, 0.9);
	table_init(&topic_table, topic_weights, N_TOPICS);
	table_init(&region_table, region_population, N_REGIONS);
	for (int i = 0; i < N_CAMPAIGNS; i++)
		campaign_weights[i] = 1.0 / (i + 1);
	table_init(&campaign_table, campaign_weights, N_CAMPAIGNS);
}

/* ---- text building ---- */

struct text {
	char bytes[MAX_BYTES];
	size_t len; /* bytes */
	int chars;  /* code points */
	int sentences;
};

static int utf8_chars(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Appends a sentence (with a space or a paragraph break before it); false when it would
   not fit in MAX_TEXT characters. */
static bool text_add(struct text *t, const char *sentence, bool paragraph)
{
	const char *sep = t->len == 0 ? "" : paragraph ? "\n\n" : " ";
	int add = utf8_chars(sentence) + (int)strlen(sep);
	size_t bytes = strlen(sep) + strlen(sentence);

	if (t->chars + add > MAX_TEXT || t->len + bytes >= MAX_BYTES)
		return false;
	memcpy(t->bytes + t->len, sep, strlen(sep));
	memcpy(t->bytes + t->len + strlen(sep), sentence, strlen(sentence) + 1);
	t->len += bytes;
	t->chars += add;
	t->sentences++;
	return true;
}

/* How long this person writes: lognormal around 300 characters (most 100-800), one in
   twenty just a line or two, and one in thirty a long letter of 1000-5000. */
static int target_length(struct rng *r)
{
	double u = uniform(r);

	if (u < 1.0 / 30)
		return 1000 + (int)(4000 * pow(uniform(r), 1.5));
	if (u < 0.08)
		return 0; /* a line or two: "I support this." */
	double len = exp(log(300) + 0.65 * normal(r));
	return len < 40 ? 40 : len > 1500 ? 1500 : (int)len;
}

struct proposal {
	const struct part *part;
	char target[32];
	enum lang lang;
	int stance;
	const char *topics[3];
	int n_topics;
	const char *region;
	const char *channel;
	int campaign; /* -1: none */
	struct text text;
	struct text wording;
	bool has_wording;
	char iin[13];
	char submitted_at[64];
};

static const char *topic_sentence(struct rng *r, int topic, enum lang lang)
{
	return topic_sentences[topic][lang][below(r, PER_TOPIC)];
}

#define MAX_SEEN 64

static bool used(const char *const *seen, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (seen[i] == s)
			return true;
	return false;
}

static void build_opinion(struct rng *r, struct proposal *p, const int *topics, int n_topics)
{
	struct text *t = &p->text;
	char name[64], line[256];
	const char *seen[MAX_SEEN];
	int goal = target_length(r), since_break = 0, n_seen = 0;
	bool long_letter = goal > 900;

	if (goal == 0) { /* a line or two */
		text_add(t, stance_sentences[p->stance][p->lang][below(r, N_STANCE_SENTENCES_PER_GROUP)],
			 false);
		if (uniform(r) < 0.5)
			text_add(t, topic_sentence(r, topics[0], p->lang), false);
		return;
	}
	if (uniform(r) < 0.6) {
		part_name(p->part, p->lang, name, sizeof(name));
		const char *o = openers[p->lang][below(r, N_OPENERS)], *at = strstr(o, "%s");
		snprintf(line, sizeof(line), "%.*s%s%s", (int)(at - o), o, name, at + 2);
		text_add(t, line, false);
	}
	if (uniform(r) < 0.8)
		text_add(t, stance_sentences[p->stance][p->lang][below(r, N_STANCE_SENTENCES_PER_GROUP)],
			 false);
	seen[n_seen++] = topic_sentence(r, topics[0], p->lang);
	text_add(t, seen[0], false);
	while (t->chars < goal) {
		const char *s = NULL;

		/* People rarely repeat themselves: try a few times for a sentence not used yet. */
		for (int attempt = 0; attempt < 8 && (!s || used(seen, n_seen, s)); attempt++) {
			double u = uniform(r);
			if (u < 0.40)
				s = topic_sentence(r, topics[below(r, n_topics)], p->lang);
			else if (u < 0.55)
				s = topic_sentence(r, table_pick(&topic_table, r), p->lang);
			else if (u < 0.82)
				s = reasons[p->lang][below(r, N_REASONS)];
			else
				s = personal[p->lang][below(r, N_PERSONAL)];
		}
		if (n_seen < MAX_SEEN)
			seen[n_seen++] = s;
		/* Long letters come in paragraphs of three to six sentences. */
		bool paragraph = long_letter && since_break >= 3 && uniform(r) < 0.35;
		if (!text_add(t, s, paragraph))
			break;
		since_break = paragraph ? 0 : since_break + 1;
	}
	if (uniform(r) < 0.5)
		text_add(t, closings[p->lang][below(r, N_CLOSINGS)], false);
	if (p->stance == 2 && uniform(r) < 0.5) {
		struct text *w = &p->wording;
		char first[512];

		snprintf(first, sizeof(first), "%s%s",
			 wording_prefixes[p->lang][below(r, N_WORDING_PREFIXES)],
			 topic_sentence(r, topics[0], p->lang));
		text_add(w, first, false);
		for (int k = below(r, 3); k > 0; k--)
			text_add(w, topic_sentence(r, topics[below(r, n_topics)], p->lang), false);
		p->has_wording = true;
	}
}

/* Replaces {G} {P} {V} {S} in a campaign letter; choices vary from letter to letter. */
static void build_campaign(struct rng *r, struct proposal *p, const struct campaign *c)
{
	char out[2048];
	size_t o = 0;
	int place = below(r, 3);

	for (const char *s = c->letter; *s && o < sizeof(out) - 256; s++) {
		const char *sub = NULL;
		if (s[0] == '{' && s[1] && s[2] == '}') {
			switch (s[1]) {
			case 'G':
				sub = c->greetings[below(r, 3)];
				break;
			case 'P':
				sub = c->places[place];
				break;
			case 'V':
				sub = c->variants[below(r, 3)];
				break;
			case 'S':
				sub = c->signoffs[below(r, 3)];
				break;
			}
		}
		if (sub) {
			size_t n = strlen(sub);
			memcpy(out + o, sub, n);
			o += n;
			s += 2;
		} else {
			out[o++] = *s;
		}
	}
	out[o] = '\0';
	/* Some people add a line of their own before sending it on. */
	if (uniform(r) < 0.2) {
		const char *extra = reasons[c->lang][below(r, N_REASONS)];
		if (o + strlen(extra) + 2 < sizeof(out))
			snprintf(out + o, sizeof(out) - o, " %s", extra);
	}
	text_add(&p->text, out, false);
	p->region = uniform(r) < 0.8 ? c->regions[place] : region_codes[table_pick(&region_table, r)];
}

/* A valid IIN (date of birth, century/sex digit, serial, check digit), distinct per row. */
static void make_iin(uint64_t row, struct rng *r, char out[13])
{
	static const int w1[11] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
	static const int w2[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };

	for (uint64_t attempt = 0;; attempt++) {
		int year = 1950 + below(r, 56), month = 1 + below(r, 12), day = 1 + below(r, 28);
		int sex = below(r, 2), century = year < 2000 ? 3 : 5;
		unsigned serial = (unsigned)((row * 7919 + attempt) % 10000);
		int d[12], sum = 0, check;

		char digits[64];

		snprintf(digits, sizeof(digits), "%02d%02d%02d%d%04u", year % 100, month, day, century + sex,
			 serial);
		memcpy(out, digits, 11);
		for (int i = 0; i < 11; i++)
			d[i] = out[i] - '0';
		for (int i = 0; i < 11; i++)
			sum += d[i] * w1[i];
		check = sum % 11;
		if (check == 10) {
			sum = 0;
			for (int i = 0; i < 11; i++)
				sum += d[i] * w2[i];
			check = sum % 11;
		}
		if (check == 10)
			continue;
		out[11] = (char)('0' + check);
		out[12] = '\0';
		return;
	}
}

/* A submission time in the consultation's first 30 days, busier early and in the evening. */
static void make_time(struct rng *r, char out[64])
{
	static const double hourly[24] = { 1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 4, 5, 5,
					   6, 6,   5,   5,   5,   6,   7, 8, 8, 7, 5, 3 };
	static struct table hours;
	int day = (int)(30 * pow(uniform(r), 1.8)), hour;

	if (!hours.n)
		table_init(&hours, hourly, 24);
	hour = table_pick(&hours, r);
	/* 2026-01-30 + day: January has 31 days, February 28. */
	int month = 1, dom = 30 + day;
	if (dom > 31) {
		month = 2;
		dom -= 31;
	}
	if (month == 2 && dom > 28) {
		month = 3;
		dom -= 28;
	}
	snprintf(out, 64, "2026-%02d-%02dT%02d:%02d:%02d+05:00", month, dom, hour, below(r, 60),
		 below(r, 60));
}

static void make_proposal(uint64_t seed, uint64_t row, int iin_percent, struct proposal *p)
{
	struct rng r;
	int topics[3], n_topics;
	double u;

	rng_seed(&r, seed, row);
	memset(p, 0, sizeof(*p));
	p->campaign = uniform(&r) < 0.10 ? table_pick(&campaign_table, &r) : -1;
	if (p->campaign >= 0) {
		const struct campaign *c = &campaigns[p->campaign];
		snprintf(p->target, sizeof(p->target), "%s", c->target);
		p->lang = (enum lang)c->lang;
		p->stance = c->stance;
		p->n_topics = c->topics[1] ? 2 : 1;
		p->topics[0] = c->topics[0];
		p->topics[1] = c->topics[1];
		build_campaign(&r, p, c);
	} else {
		p->part = &parts[table_pick(&part_table, &r)];
		part_target(p->part, p->target, sizeof(p->target));
		u = uniform(&r);
		p->lang = u < 0.45 ? KK : u < 0.90 ? RU : EN;
		u = uniform(&r);
		p->stance = u < 0.25 ? 0 : u < 0.45 ? 1 : 2;
		/* The first topic decides what the text is about; 15% tag no topic at all. */
		n_topics = 1 + (uniform(&r) < 0.35) + (uniform(&r) < 0.12);
		for (int i = 0; i < n_topics; i++) {
			int t = table_pick(&topic_table, &r);
			bool seen = false;
			for (int j = 0; j < p->n_topics; j++)
				seen |= topics[j] == t;
			if (!seen)
				topics[p->n_topics++] = t;
		}
		for (int i = 0; i < p->n_topics; i++)
			p->topics[i] = topic_slugs[topics[i]];
		build_opinion(&r, p, topics, p->n_topics);
		if (uniform(&r) < 0.15)
			p->n_topics = 0;
		p->region = region_codes[table_pick(&region_table, &r)];
	}
	u = uniform(&r);
	p->channel = u < 0.7 ? "web" : u < 0.9 ? "api" : "import";
	if (iin_percent > 0 && below(&r, 100) < iin_percent)
		make_iin(row, &r, p->iin);
	make_time(&r, p->submitted_at);
}

/* ---- output ---- */

static void put_json_string(FILE *f, const char *s)
{
	putc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			putc(c, f);
	}
	putc('"', f);
}

static void put_form_value(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
		    c == '_' || c == '.' || c == '~')
			putc(c, f);
		else if (c == ' ')
			putc('+', f);
		else
			fprintf(f, "%%%02X", c);
	}
}

static void put_csv(FILE *f, const char *s)
{
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}

static void put_copy(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\\\", f);
		else if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\t')
			fputs("\\t", f);
		else
			putc(*s, f);
	}
}

/* The import's source for a row (kenes.import_source), drawn with the channel's odds. */
static const char *source_of(const struct proposal *p)
{
	return strcmp(p->channel, "web") == 0   ? "e-otinish"
	       : strcmp(p->channel, "api") == 0 ? "egov"
						: "letter";
}

static void write_json(FILE *f, const struct proposal *p, uint64_t row, bool import)
{
	if (import) {
		fprintf(f, "{\"source_id\":\"bench-%llu\",", (unsigned long long)row);
	} else {
		putc('{', f);
	}
	fprintf(f, "\"consultation\":\"constitution-2026\",\"target\":\"%s\",\"stance\":\"%s\",\"topics\":[",
		p->target, stance_names[p->stance]);
	for (int i = 0; i < p->n_topics; i++)
		fprintf(f, "%s\"%s\"", i ? "," : "", p->topics[i]);
	fputs("],\"text\":", f);
	put_json_string(f, p->text.bytes);
	if (p->has_wording) {
		fputs(",\"proposed_wording\":", f);
		put_json_string(f, p->wording.bytes);
	}
	fprintf(f, ",\"lang\":\"%s\",\"region\":\"%s\"", lang_codes[p->lang], p->region);
	if (p->iin[0])
		fprintf(f, ",\"iin\":\"%s\"", p->iin);
	if (import)
		fprintf(f, ",\"source\":\"%s\",\"submitted_at\":\"%s\"", source_of(p), p->submitted_at);
	fputs("}\n", f);
}

static void write_form(FILE *f, const struct proposal *p)
{
	fprintf(f, "consultation=constitution-2026&target=");
	put_form_value(f, p->target);
	fprintf(f, "&stance=%s", stance_names[p->stance]);
	for (int i = 0; i < p->n_topics; i++)
		fprintf(f, "&topics=%s", p->topics[i]);
	fputs("&text=", f);
	put_form_value(f, p->text.bytes);
	if (p->has_wording) {
		fputs("&proposed_wording=", f);
		put_form_value(f, p->wording.bytes);
	}
	fprintf(f, "&lang=%s&region=%s&ui_lang=%s", lang_codes[p->lang], p->region, lang_codes[p->lang]);
	if (p->iin[0])
		fprintf(f, "&iin=%s", p->iin);
	putc('\n', f);
}

/* The proposal's topic slugs, separated by sep. */
static void put_topics(FILE *f, const struct proposal *p, const char *sep)
{
	for (int i = 0; i < p->n_topics; i++)
		fprintf(f, "%s%s", i ? sep : "", p->topics[i]);
}

/* The text and the wording, between them sep, each written by put (the format's quoting);
   absent in place of a wording the proposal does not have. */
static void put_texts(FILE *f, const struct proposal *p, void (*put)(FILE *, const char *), char sep,
		      const char *absent)
{
	put(f, p->text.bytes);
	putc(sep, f);
	if (p->has_wording)
		put(f, p->wording.bytes);
	else
		fputs(absent, f);
}

static void write_csv(FILE *f, const struct proposal *p, uint64_t row)
{
	fprintf(f, "bench-%llu,constitution-2026,%s,%s,", (unsigned long long)row, p->target,
		stance_names[p->stance]);
	put_topics(f, p, ";");
	putc(',', f);
	put_texts(f, p, put_csv, ',', "");
	fprintf(f, ",%s,%s,%s,%s\r\n", lang_codes[p->lang], p->region, source_of(p), p->submitted_at);
}

/* Columns of bench/load's staging table: row, kind, number, stance, topics, text, wording,
   lang, region, channel, created_at, submitter (hex or \N). */
static void write_copy(FILE *f, const struct proposal *p, uint64_t row)
{
	const char *colon = strchr(p->target, ':');

	fprintf(f, "%llu\t%.*s\t", (unsigned long long)row,
		colon ? (int)(colon - p->target) : (int)strlen(p->target), p->target);
	if (colon)
		fputs(colon + 1, f);
	else
		fputs("\\N", f);
	fprintf(f, "\t%s\t{", stance_names[p->stance]);
	put_topics(f, p, ",");
	fputs("}\t", f);
	put_texts(f, p, put_copy, '\t', "\\N");
	fprintf(f, "\t%s\t%s\t%s\t%s\t", lang_codes[p->lang], p->region, p->channel, p->submitted_at);
	if (p->iin[0])
		fprintf(f, "%s\n", p->iin); /* bench/load turns it into a pseudonym-like digest */
	else
		fputs("\\N\n", f);
}

/* ---- statistics, to check the distributions by eye (--stats) ---- */

struct stats {
	long rows, lang[3], stance[3], campaign, wording, with_topics, len_buckets[6];
	long parts[N_PARTS], regions[N_REGIONS];
	long chars_total;
};

static void stats_add(struct stats *s, const struct proposal *p)
{
	static const int edges[5] = { 100, 300, 800, 2000, 4000 };
	int b = 0;

	s->rows++;
	s->lang[p->lang]++;
	s->stance[p->stance]++;
	s->campaign += p->campaign >= 0;
	s->wording += p->has_wording;
	s->with_topics += p->n_topics > 0;
	s->chars_total += p->text.chars;
	while (b < 5 && p->text.chars >= edges[b])
		b++;
	s->len_buckets[b]++;
	if (p->part)
		s->parts[p->part - parts]++;
	for (int i = 0; i < N_REGIONS; i++)
		if (strcmp(region_codes[i], p->region) == 0)
			s->regions[i]++;
}

static void stats_print(const struct stats *s)
{
	static const char *const buckets[6] = { "<100",     "100-299",   "300-799",
						"800-1999", "2000-3999", ">=4000" };
	char target[32];
	double n = (double)s->rows;

	printf("rows %ld, mean text %.0f characters\n", s->rows, s->chars_total / n);
	printf("lang: kk %.1f%%, ru %.1f%%, en %.1f%%\n", 100 * s->lang[0] / n, 100 * s->lang[1] / n,
	       100 * s->lang[2] / n);
	printf("stance: support %.1f%%, oppose %.1f%%, amend %.1f%% (with wording %.1f%%)\n",
	       100 * s->stance[0] / n, 100 * s->stance[1] / n, 100 * s->stance[2] / n, 100 * s->wording / n);
	printf("campaign letters %.1f%%, with topics %.1f%%\n", 100 * s->campaign / n,
	       100 * s->with_topics / n);
	printf("text length (characters):");
	for (int i = 0; i < 6; i++)
		printf(" %s %.1f%%", buckets[i], 100 * s->len_buckets[i] / n);
	printf("\nmost popular parts (not counting campaigns):");
	for (int i = 0; i < 8; i++) {
		part_target(&parts[i], target, sizeof(target));
		printf(" %s %.1f%%", target, 100 * s->parts[i] / n);
	}
	printf("\nregions:");
	for (int i = 0; i < N_REGIONS; i++)
		printf(" %s %.1f%%", region_codes[i], 100 * s->regions[i] / n);
	printf("\n");
}

static void usage(FILE *f)
{
	fprintf(f, "usage: generate [-n COUNT] [-s SEED] [--start N] [-f jsonl|form|import|csv|copy]\n"
		   "                [--iin PERCENT] [--stats]\n");
}

int main(int argc, char **argv)
{
	unsigned long long count = 1000, seed = 1, start = 0;
	enum format format = F_JSONL;
	int iin_percent = 0;
	bool stats_only = false;
	struct stats st = { 0 };
	static struct proposal p;
	static char outbuf[1 << 20];

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--stats") == 0) {
			stats_only = true;
			continue;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		}
		if (!v) {
			usage(stderr);
			return 2;
		}
		i++;
		if (strcmp(a, "-n") == 0)
			count = strtoull(v, NULL, 10);
		else if (strcmp(a, "-s") == 0)
			seed = strtoull(v, NULL, 10);
		else if (strcmp(a, "--start") == 0)
			start = strtoull(v, NULL, 10);
		else if (strcmp(a, "--iin") == 0)
			iin_percent = atoi(v);
		else if (strcmp(a, "-f") == 0) {
			static const char *const names[] = { "jsonl", "form", "import", "csv", "copy" };
			int k = 0;
			while (k < 5 && strcmp(names[k], v) != 0)
				k++;
			if (k == 5) {
				usage(stderr);
				return 2;
			}
			format = (enum format)k;
		} else {
			usage(stderr);
			return 2;
		}
	}
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	tables_init();
	if (format == F_CSV && !stats_only && start == 0)
		fputs("source_id,consultation,target,stance,topics,text,proposed_wording,lang,region,source,"
		      "submitted_at\r\n",
		      stdout);
	for (unsigned long long row = start; row < start + count; row++) {
		make_proposal(seed, row, iin_percent, &p);
		if (stats_only) {
			stats_add(&st, &p);
			continue;
		}
		switch (format) {
		case F_JSONL:
			write_json(stdout, &p, row, false);
			break;
		case F_IMPORT:
			write_json(stdout, &p, row, true);
			break;
		case F_FORM:
			write_form(stdout, &p);
			break;
		case F_CSV:
			write_csv(stdout, &p, row);
			break;
		case F_COPY:
			write_copy(stdout, &p, row);
			break;
		}
	}
	if (stats_only)
		stats_print(&st);
	return fflush(stdout) == 0 ? 0 : 1;
}
