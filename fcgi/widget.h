/*
 * widget.h - the form controls and error texts the pages share (page_form.c, the staff pages,
 * page_proposal.c, page_list.c): each appends escaped HTML to the caller's buffer, with the
 * aria attributes that tie a control to its hint and its error. errs may be NULL.
 */
#ifndef KENES_WIDGET_H
#define KENES_WIDGET_H

#include <jansson.h>
#include <stdbool.h>

#include "buf.h"
#include "errors.h"
#include "lang.h"
#include "structure.h"

/* The message of the first error on `field`, if any. */
void widget_field_error(struct buf *b, enum lang lang, const struct errors *errs, const char *field);
/* aria-invalid and aria-describedby for a control: its hint (may be NULL) and its error. */
void widget_described_attrs(struct buf *b, const struct errors *errs, const char *field, const char *hint);
void widget_invalid_attrs(struct buf *b, const struct errors *errs, const char *field);
/* Every error, each linked to its control, at the top of a form. */
void widget_error_summary(struct buf *b, enum lang lang, const struct errors *errs);
bool widget_same(const char *a, const char *b); /* both set and equal */
void widget_option(struct buf *b, const char *value, const char *label, const char *selected);
/* Opens a select named `field` in its field div: its label (lang_tr of label_key, " *" when
 * required), its error, and the tag; the caller writes the options and "</select>\n</div>\n". */
void widget_select_open(struct buf *b, enum lang lang, const struct errors *errs, const char *field,
			const char *label_key, bool required);
/* The options of the parts of one kind (in `section` when not NULL), labels in `lang`. */
void widget_part_options(struct buf *b, json_t *parts, const char *kind, json_t *section, const char *lang,
			 const char *selected);
/* The select of the draft's parts, grouped by section. */
void widget_target_select(struct buf *b, enum lang lang, const struct consultation *c, const char *selected,
			  const struct errors *errs);
/* A labelled input in its field div: id and name as given, label as it is (trusted text),
 * type unless NULL, value escaped ("" when NULL). */
void widget_input(struct buf *b, const char *id, const char *name, const char *label, const char *type,
		  const char *value);
/* Opens a table of `class` and writes its head, one column a label (trusted text) of the
 * NULL-terminated labels, up to "</thead>"; the caller writes the body and "</table>". */
void widget_table_head(struct buf *b, const char *class, const char *const *labels);
/* The hidden form token (csrf.h). */
void widget_token_field(struct buf *b);
/* True when the consultation identifies people by the IIN they type. */
bool widget_uses_iin(const struct consultation *c);
void widget_iin_input(struct buf *b, enum lang lang, bool required, const struct errors *errs,
		      const char *field);
void widget_iin_field(struct buf *b, enum lang lang, bool required, const struct errors *errs);
/* A string member of o, or "" (borrowed). */
const char *widget_str(json_t *o, const char *member);

#endif
