#include "reader.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "jsonbody.h"
#include "util.h"

/* The import's own columns; every other column is a field of the API. */
static const char *const import_columns[] = { "source", "source_id", "submitted_at" };

struct import_reader {
	FILE *f;
	enum import_format format;
	unsigned char chunk[65536];
	size_t pos, end;
	bool eof, failed;
	long long offset; /* bytes consumed */
	long line;        /* the line the next byte is on */
	struct buf record;
	/* CSV: the header's column names, and where each cell starts in `record` */
	int columns;
	char *names[IMPORT_MAX_COLUMNS];
	size_t cell_start[IMPORT_MAX_COLUMNS + 1];
	size_t cell_len[IMPORT_MAX_COLUMNS + 1];
};

bool import_format_parse(const char *name, enum import_format *out)
{
	if (strcmp(name, "csv") == 0)
		*out = IMPORT_CSV;
	else if (strcmp(name, "jsonl") == 0 || strcmp(name, "json") == 0 || strcmp(name, "ndjson") == 0)
		*out = IMPORT_JSONL;
	else
		return false;
	return true;
}

/* The next byte, or -1 at the end of the file (or on a read error: r->failed). */
static int next_byte(struct import_reader *r)
{
	if (r->pos == r->end) {
		if (r->eof)
			return -1;
		r->end = fread(r->chunk, 1, sizeof(r->chunk), r->f);
		r->pos = 0;
		if (r->end < sizeof(r->chunk)) {
			r->eof = true;
			r->failed = ferror(r->f) != 0;
		}
		if (r->end == 0)
			return -1;
	}
	r->offset++;
	return r->chunk[r->pos++];
}

static int peek_byte(struct import_reader *r)
{
	int c = next_byte(r);

	if (c >= 0) {
		r->pos--;
		r->offset--;
	}
	return c;
}

/* Appends a byte unless the record is over its limit (then only `overflow` is set). */
static void keep(struct import_reader *r, int c)
{
	buf_putc(&r->record, (char)c);
}

/* Ends the current cell (cells past the limit are counted, not kept). */
static void end_cell(struct import_reader *r, int *cells)
{
	if (*cells <= IMPORT_MAX_COLUMNS) {
		r->cell_len[*cells] = r->record.len - r->cell_start[*cells];
		keep(r, '\0');
		if (*cells < IMPORT_MAX_COLUMNS)
			r->cell_start[*cells + 1] = r->record.len;
	}
	(*cells)++;
}

/*
 * Reads one CSV record into r->record (cells separated by NUL, positions in cell_start and
 * cell_len). Returns the number of cells, 0 at the end of the file; errors go to errs.
 * The whole record is always consumed, so a bad one never spills into the next.
 */
static int csv_record(struct import_reader *r, struct errors *errs)
{
	int cells = 0, c;
	bool quoted = false, after_quote = false, field_start = true, bad_quote = false, any = false;

	buf_reset(&r->record);
	r->record.overflow = false;
	r->cell_start[0] = 0;
	for (;;) {
		c = next_byte(r);
		if (c < 0) {
			if (!any)
				return 0;
			if (quoted)
				errors_add(errs, ERROR_MALFORMED, "malformed_csv", NULL,
					   "a quoted field is not closed before the end of the file");
			end_cell(r, &cells); /* the last record of a file without a final line break */
			break;
		}
		any = true;
		if (quoted) {
			if (c != '"') {
				r->line += c == '\n';
				keep(r, c);
			} else if (peek_byte(r) == '"') {
				next_byte(r);
				keep(r, '"');
			} else {
				quoted = false;
				after_quote = true;
			}
			continue;
		}
		if (c == ',' || c == '\n' || c == '\r') {
			end_cell(r, &cells);
			after_quote = false;
			field_start = true;
			if (c == ',')
				continue;
			if (c == '\r' && peek_byte(r) == '\n')
				next_byte(r);
			r->line++;
			break;
		}
		if (c == '"' && field_start) {
			quoted = true;
			field_start = false;
			continue;
		}
		bad_quote = bad_quote || c == '"' || after_quote;
		field_start = false;
		keep(r, c);
	}
	if (bad_quote)
		errors_add(errs, ERROR_MALFORMED, "malformed_csv", NULL,
			   "a quote inside an unquoted field, or text after a closing quote");
	return cells;
}

static bool is_import_column(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(import_columns); i++)
		if (strcmp(name, import_columns[i]) == 0)
			return true;
	return false;
}

/* A column the API knows (asked of proposal_input_set itself), or one of the import's. */
static bool known_column(const char *name)
{
	struct proposal_input scratch = { 0 };
	bool known = is_import_column(name) || proposal_input_set(&scratch, name, "", 0);

	proposal_input_free(&scratch);
	return known;
}

static bool read_header(struct import_reader *r, char *err, size_t errlen)
{
	struct errors errs = { .count = 0 };
	int cells = csv_record(r, &errs);
	const char *cell;

	if (cells == 0) {
		snprintf(err, errlen, "the file is empty: a CSV import starts with a header row");
		return false;
	}
	if (errs.count || r->record.overflow || cells > IMPORT_MAX_COLUMNS) {
		snprintf(err, errlen, "line 1: the header row is malformed");
		return false;
	}
	for (int i = 0; i < cells; i++) {
		cell = r->record.data + r->cell_start[i];
		/* A byte-order mark is allowed at the very start (spreadsheets write one). */
		if (i == 0 && strncmp(cell, "\xEF\xBB\xBF", 3) == 0)
			cell += 3;
		if (!known_column(cell)) {
			snprintf(err, errlen, "line 1: unknown column \"%.40s\"", cell);
			return false;
		}
		for (int j = 0; j < i; j++)
			if (strcmp(r->names[j], cell) == 0) {
				snprintf(err, errlen, "line 1: column \"%.40s\" appears twice", cell);
				return false;
			}
		r->names[i] = xstrdup(cell);
		r->columns = i + 1;
	}
	return true;
}

struct import_reader *import_reader_new(FILE *f, enum import_format format, char *err, size_t errlen)
{
	struct import_reader *r = xcalloc(1, sizeof(*r));

	r->f = f;
	r->format = format;
	r->line = 1;
	buf_init(&r->record, IMPORT_MAX_RECORD);
	if (format == IMPORT_CSV && !read_header(r, err, errlen)) {
		import_reader_free(r);
		return NULL;
	}
	return r;
}

void import_reader_free(struct import_reader *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->columns; i++)
		free(r->names[i]);
	buf_free(&r->record);
	free(r);
}

long long import_reader_offset(const struct import_reader *r)
{
	return r->offset;
}

void import_record_free(struct import_record *rec)
{
	proposal_input_free(&rec->in);
	free(rec->source);
	free(rec->source_id);
	free(rec->submitted_at);
	memset(rec, 0, sizeof(*rec));
}

/* An import column's value: an empty cell or string is the same as none. */
static void set_import_field(struct import_record *rec, const char *name, const char *value, size_t len)
{
	char **slot = strcmp(name, "source") == 0      ? &rec->source
		      : strcmp(name, "source_id") == 0 ? &rec->source_id
						       : &rec->submitted_at;

	free(*slot);
	*slot = len ? xstrndup(value, len) : NULL;
}

/* Topics in a CSV cell are separated by ';' (an empty cell is no topics). */
static void set_topics(struct import_record *rec, const char *cell, size_t len)
{
	const char *start = cell, *end = cell + len;

	if (len == 0)
		return;
	for (const char *p = cell; p <= end; p++)
		if (p == end || *p == ';') {
			proposal_input_set(&rec->in, "topics", start, (size_t)(p - start));
			start = p + 1;
		}
}

static void csv_fill(struct import_reader *r, int cells, struct import_record *rec)
{
	if (r->record.overflow) {
		errors_add(&rec->errs, ERROR_TOO_LARGE, "record_too_long", NULL,
			   "the row is longer than %d bytes", IMPORT_MAX_RECORD);
		return;
	}
	if (rec->errs.count)
		return;
	if (cells != r->columns) {
		errors_add(&rec->errs, ERROR_MALFORMED, "malformed_csv", NULL,
			   "the row has %d cells; the header has %d", cells, r->columns);
		return;
	}
	for (int i = 0; i < cells; i++) {
		const char *cell = r->record.data + r->cell_start[i];
		size_t len = r->cell_len[i];

		if (is_import_column(r->names[i]))
			set_import_field(rec, r->names[i], cell, len);
		else if (strcmp(r->names[i], "topics") == 0)
			set_topics(rec, cell, len);
		else
			proposal_input_set(&rec->in, r->names[i], cell, len);
	}
}

/* One JSON line, without its line break, into r->record. False at the end of the file. */
static bool json_line(struct import_reader *r)
{
	int c;
	bool any = false;

	buf_reset(&r->record);
	r->record.overflow = false;
	while ((c = next_byte(r)) >= 0) {
		any = true;
		if (c == '\n')
			break;
		keep(r, c);
	}
	if (any)
		r->line++;
	if (r->record.len && r->record.data[r->record.len - 1] == '\r')
		r->record.data[--r->record.len] = '\0';
	return any;
}

/* Takes the import's own members out of the object; they must be strings (or null). */
static void take_import_members(json_t *doc, struct import_record *rec)
{
	for (size_t i = 0; i < ARRAY_LEN(import_columns); i++) {
		json_t *v = json_object_get(doc, import_columns[i]);

		if (!v)
			continue;
		if (json_is_string(v))
			set_import_field(rec, import_columns[i], json_string_value(v), json_string_length(v));
		else if (!json_is_null(v))
			errors_add(&rec->errs, ERROR_INVALID, "invalid_type", import_columns[i],
				   "%s must be a string", import_columns[i]);
		json_object_del(doc, import_columns[i]);
	}
}

static bool blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

int import_reader_next(struct import_reader *r, struct import_record *rec)
{
	memset(rec, 0, sizeof(*rec));
	for (;;) {
		rec->line = r->line;
		if (r->format == IMPORT_CSV) {
			int cells = csv_record(r, &rec->errs);

			if (cells == 0)
				return r->failed ? -1 : 0;
			/* An empty line is no record (a final line break, a gap). */
			if (cells == 1 && r->cell_len[0] == 0 && !rec->errs.count)
				continue;
			csv_fill(r, cells, rec);
			return 1;
		}
		if (!json_line(r))
			return r->failed ? -1 : 0;
		if (blank(r->record.data, r->record.len) && !r->record.overflow)
			continue;
		if (r->record.overflow) {
			errors_add(&rec->errs, ERROR_TOO_LARGE, "record_too_long", NULL,
				   "the line is longer than %d bytes", IMPORT_MAX_RECORD);
			return 1;
		}
		json_t *doc = jsonbody_parse(r->record.data, r->record.len, &rec->errs);

		if (doc) {
			take_import_members(doc, rec);
			proposal_input_from_object(doc, &rec->in, &rec->errs);
			json_decref(doc);
		}
		return 1;
	}
}
