#include "proposal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "jsonbody.h"
#include "text.h"
#include "util.h"

static const char *const stances[] = { "support", "oppose", "amend" };
static const char *const langs[] = { "kk", "ru", "en" };

/* Where each single-valued field lives in struct proposal_input. */
static char **field_slot(struct proposal_input *in, const char *name, size_t **len)
{
	static const struct {
		const char *name;
		size_t offset;
	} fields[] = {
		{ "consultation", offsetof(struct proposal_input, consultation) },
		{ "target", offsetof(struct proposal_input, target) },
		{ "stance", offsetof(struct proposal_input, stance) },
		{ "text", offsetof(struct proposal_input, text) },
		{ "proposed_wording", offsetof(struct proposal_input, proposed_wording) },
		{ "lang", offsetof(struct proposal_input, lang) },
		{ "region", offsetof(struct proposal_input, region) },
		{ "iin", offsetof(struct proposal_input, iin) },
		{ "version", offsetof(struct proposal_input, version) },
	};

	*len = NULL;
	if (strcmp(name, "text") == 0)
		*len = &in->text_len;
	else if (strcmp(name, "proposed_wording") == 0)
		*len = &in->wording_len;
	for (size_t i = 0; i < ARRAY_LEN(fields); i++)
		if (strcmp(fields[i].name, name) == 0)
			return (char **)(void *)((char *)in + fields[i].offset);
	return NULL;
}

static void add_topic(struct proposal_input *in, const char *s, size_t len)
{
	if (in->topic_count <= PROPOSAL_MAX_TOPICS)
		in->topics[in->topic_count++] = xstrndup(s, len);
}

bool proposal_input_set(struct proposal_input *in, const char *name, const char *value, size_t len)
{
	size_t *slot_len;
	char **slot;

	if (strcmp(name, "topics") == 0) {
		add_topic(in, value, len);
		return true;
	}
	slot = field_slot(in, name, &slot_len);
	if (!slot)
		return false;
	free(*slot);
	*slot = xstrndup(value, len);
	if (slot_len)
		*slot_len = len;
	return true;
}

bool proposal_input_from_object(json_t *doc, struct proposal_input *in, struct errors *errs)
{
	json_t *value;
	const char *key;
	int before = errs->count;

	json_object_foreach(doc, key, value)
	{
		size_t *slot_len;
		char **slot = field_slot(in, key, &slot_len);

		if (!slot && strcmp(key, "topics") != 0) {
			errors_add(errs, ERROR_INVALID, "unknown_field", key, "unknown field \"%.40s\"", key);
			continue;
		}
		if (json_is_null(value))
			continue;
		if (strcmp(key, "version") == 0) {
			char number[24];

			snprintf(number, sizeof(number), "%lld", (long long)json_integer_value(value));
			if (json_is_integer(value))
				proposal_input_set(in, key, number, strlen(number));
			else
				errors_add(errs, ERROR_INVALID, "invalid_type", key,
					   "version must be a whole number");
		} else if (strcmp(key, "topics") == 0) {
			size_t i;
			json_t *t;

			if (!json_is_array(value)) {
				errors_add(errs, ERROR_INVALID, "invalid_type", key,
					   "topics must be an array of strings");
				continue;
			}
			json_array_foreach(value, i, t)
			{
				if (!json_is_string(t)) {
					errors_add(errs, ERROR_INVALID, "invalid_type", key,
						   "topics must be an array of strings");
					break;
				}
				add_topic(in, json_string_value(t), json_string_length(t));
			}
		} else if (!json_is_string(value)) {
			errors_add(errs, ERROR_INVALID, "invalid_type", key, "%s must be a string", key);
		} else {
			proposal_input_set(in, key, json_string_value(value), json_string_length(value));
		}
	}
	return errs->count == before;
}

bool proposal_input_from_json(const char *body, size_t len, struct proposal_input *in, struct errors *errs)
{
	json_t *doc = jsonbody_parse(body, len, errs);
	bool ok;

	if (!doc)
		return false;
	ok = proposal_input_from_object(doc, in, errs);
	json_decref(doc);
	return ok;
}

bool proposal_input_from_form(const char *body, size_t len, struct proposal_input *in, struct errors *errs)
{
	struct form form;

	if (!form_parse(body, len, &form))
		return errors_add(errs, ERROR_MALFORMED, "malformed_form", NULL, "malformed form body");
	for (int i = 0; i < form.count; i++) {
		struct form_field *f = &form.fields[i];
		size_t *slot_len;
		char **slot = field_slot(in, f->name, &slot_len);

		if (strcmp(f->name, "topics") == 0) {
			add_topic(in, f->value, f->value_len);
		} else if (strcmp(f->name, "ui_lang") == 0 && !in->ui_lang) {
			in->ui_lang = xstrdup(f->value);
		} else if (strcmp(f->name, "form_token") == 0 && !in->form_token) {
			in->form_token = xstrdup(f->value);
		} else if (slot && !*slot) {
			/* Take ownership of the decoded value. */
			*slot = f->value;
			if (slot_len)
				*slot_len = f->value_len;
			f->value = NULL;
		}
		/* Other names (buttons, later tokens) are not ours to refuse. */
	}
	form_free(&form);
	return true;
}

void proposal_input_free(struct proposal_input *in)
{
	free(in->consultation);
	free(in->target);
	free(in->stance);
	free(in->text);
	free(in->proposed_wording);
	free(in->lang);
	free(in->region);
	free(in->version);
	if (in->iin)
		memset(in->iin, 0, strlen(in->iin));
	free(in->iin);
	free(in->ui_lang);
	free(in->form_token);
	for (int i = 0; i < in->topic_count; i++)
		free(in->topics[i]);
	memset(in, 0, sizeof(*in));
}

/* A one-line field: missing or empty is "required" when needed; bad bytes are a 400. */
static bool line_ok(const char *value, const char *field, bool required, struct errors *errs)
{
	char *clean = NULL;
	size_t chars;
	enum text_status st;

	if (!value || !*value) {
		if (required)
			errors_add(errs, ERROR_INVALID, "required", field, "%s is required", field);
		return false;
	}
	if (text_is_clean_line(value, strlen(value)))
		return true;
	st = text_clean(value, strlen(value), &clean, &chars);
	free(clean);
	if (st == TEXT_INVALID_UTF8)
		errors_add(errs, ERROR_MALFORMED, "invalid_utf8", field, "%s is not valid UTF-8", field);
	else
		errors_add(errs, ERROR_MALFORMED, "control_character", field,
			   "%s contains control characters", field);
	return false;
}

static const char *pick(const char *value, const char *const *options, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(value, options[i]) == 0)
			return options[i];
	return NULL;
}

static bool validate_consultation(const struct proposal_input *in, struct proposal *out, struct errors *errs)
{
	const struct consultation *c;

	if (in->consultation && *in->consultation) {
		if (!line_ok(in->consultation, "consultation", true, errs))
			return false;
		c = structure_find(in->consultation);
		if (!c)
			return errors_add(errs, ERROR_INVALID, "unknown_consultation", "consultation",
					  "there is no consultation \"%.60s\"", in->consultation);
	} else {
		c = structure_single_open();
		if (!c)
			return errors_add(errs, ERROR_INVALID, "required", "consultation",
					  "consultation is required unless exactly one is open");
	}
	out->consultation = c;
	if (!c->open)
		return errors_add(errs, ERROR_CONFLICT, "consultation_closed", "consultation",
				  "consultation \"%s\" is not accepting proposals", c->slug);
	return true;
}

/* "preamble", "general", "section:N" or "article:N" with N a positive number. */
static bool target_syntax_ok(const char *t)
{
	const char *colon = strchr(t, ':');
	long n;

	if (!colon)
		return strcmp(t, "preamble") == 0 || strcmp(t, "general") == 0;
	if (strncmp(t, "section:", 8) != 0 && strncmp(t, "article:", 8) != 0)
		return false;
	return colon[1] != '0' && parse_long(colon + 1, 1, 9999, &n);
}

/* The current version's number, from the structure ("version"). */
static long current_version(const struct consultation *c)
{
	return (long)json_integer_value(json_object_get(c->doc, "version"));
}

/*
 * A target is read in the numbering of the current draft version, or of the version the
 * client names ("version"): an older one is refused, since its article N may be another
 * article now. A newer one than this worker has cached means the cache is behind: the
 * database, which knows, checks the version again when storing.
 */
static bool version_ok(const struct proposal_input *in, struct proposal *out, struct errors *errs)
{
	long current = current_version(out->consultation), asked;

	out->version = current;
	if (!in->version)
		return true;
	if (!parse_long(in->version, 1, 9999, &asked))
		return errors_add(errs, ERROR_INVALID, "invalid_type", "version",
				  "version must be a whole number from 1");
	if (asked < current)
		return errors_add(
			errs, ERROR_INVALID, "version_not_current", "version",
			"version %ld of the draft no longer takes proposals: version %ld is current, "
			"and targets are in its numbering",
			asked, current);
	if (asked > current)
		structure_invalidate();
	out->version = asked;
	return true;
}

static void validate_target(const struct proposal_input *in, struct proposal *out, struct errors *errs)
{
	json_t *part;

	if (!line_ok(in->target, "target", true, errs))
		return;
	if (!target_syntax_ok(in->target)) {
		errors_add(errs, ERROR_INVALID, "invalid_target", "target",
			   "target must be preamble, general, section:N or article:N");
		return;
	}
	if (!out->consultation || !version_ok(in, out, errs))
		return;
	part = structure_part(out->consultation, in->target);
	if (!part) {
		errors_add(errs, ERROR_INVALID, "unknown_target", "target",
			   "the current draft (version %ld) has no part \"%.40s\"",
			   current_version(out->consultation), in->target);
		return;
	}
	snprintf(out->kind, sizeof(out->kind), "%s", json_string_value(json_object_get(part, "kind")));
	if (json_is_integer(json_object_get(part, "number")))
		snprintf(out->number, sizeof(out->number), "%lld",
			 (long long)json_integer_value(json_object_get(part, "number")));
}

static void validate_topics(const struct proposal_input *in, struct proposal *out, struct errors *errs)
{
	if (in->topic_count > PROPOSAL_MAX_TOPICS) {
		errors_add(errs, ERROR_INVALID, "too_many_topics", "topics", "at most %d topics",
			   PROPOSAL_MAX_TOPICS);
		return;
	}
	for (int i = 0; i < in->topic_count; i++) {
		const char *t = in->topics[i];
		bool seen = false;

		if (!line_ok(t, "topics", true, errs))
			return;
		if (!out->consultation)
			return;
		if (!structure_has_topic(out->consultation, t)) {
			errors_add(errs, ERROR_INVALID, "unknown_topic", "topics", "unknown topic \"%.40s\"",
				   t);
			return;
		}
		for (int j = 0; j < out->topic_count; j++)
			seen = seen || strcmp(out->topics[j], t) == 0;
		if (!seen)
			out->topics[out->topic_count++] = t;
	}
}

/* Cleans a free-text field; *out stays NULL when it is absent or only whitespace. */
static void validate_text(const char *value, size_t len, const char *field, bool required, char **out,
			  struct errors *errs)
{
	size_t chars = 0;
	enum text_status st;

	*out = NULL;
	if (!value) {
		if (required)
			errors_add(errs, ERROR_INVALID, "required", field, "%s is required", field);
		return;
	}
	st = text_clean(value, len, out, &chars);
	if (st == TEXT_INVALID_UTF8) {
		errors_add(errs, ERROR_MALFORMED, "invalid_utf8", field, "%s is not valid UTF-8", field);
	} else if (st == TEXT_CONTROL) {
		errors_add(errs, ERROR_MALFORMED, "control_character", field,
			   "%s contains NUL or control characters", field);
	} else if (chars == 0) {
		if (required)
			errors_add(errs, ERROR_INVALID, "required", field, "%s is empty", field);
	} else if (chars > PROPOSAL_MAX_CHARS) {
		errors_add(errs, ERROR_INVALID, "text_too_long", field, "%s has %zu characters; at most %d",
			   field, chars, PROPOSAL_MAX_CHARS);
	} else {
		return;
	}
	free(*out);
	*out = NULL;
}

bool proposal_validate(const struct proposal_input *in, struct proposal *out, struct errors *errs)
{
	int before = errs->count;

	memset(out, 0, sizeof(*out));
	validate_consultation(in, out, errs);
	validate_target(in, out, errs);
	if (line_ok(in->stance, "stance", true, errs)) {
		out->stance = pick(in->stance, stances, ARRAY_LEN(stances));
		if (!out->stance)
			errors_add(errs, ERROR_INVALID, "invalid_stance", "stance",
				   "stance must be support, oppose or amend");
	}
	validate_topics(in, out, errs);
	validate_text(in->text, in->text_len, "text", true, &out->text, errs);
	validate_text(in->proposed_wording, in->wording_len, "proposed_wording", false,
		      &out->proposed_wording, errs);
	if (out->proposed_wording && out->stance && strcmp(out->stance, "amend") != 0)
		errors_add(errs, ERROR_INVALID, "wording_not_allowed", "proposed_wording",
			   "proposed_wording is only allowed with stance amend");
	if (line_ok(in->lang, "lang", true, errs)) {
		out->lang = pick(in->lang, langs, ARRAY_LEN(langs));
		if (!out->lang)
			errors_add(errs, ERROR_INVALID, "invalid_lang", "lang", "lang must be kk, ru or en");
	}
	out->region = "unspecified";
	if (line_ok(in->region, "region", false, errs) && out->consultation) {
		if (structure_has_region(out->consultation, in->region))
			out->region = in->region;
		else
			errors_add(errs, ERROR_INVALID, "unknown_region", "region",
				   "unknown region \"%.40s\"", in->region);
	}
	out->channel = in->channel;
	return errs->count == before;
}

void proposal_free(struct proposal *p)
{
	free(p->text);
	free(p->proposed_wording);
	p->text = p->proposed_wording = NULL;
}
