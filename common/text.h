/*
 * text.h - checking and normalising the text people type.
 *
 * Input is bytes from the network. text_clean checks that they are UTF-8 without NUL or
 * control characters, turns CR LF and lone CR into LF, trims whitespace at both ends and
 * normalises to NFC (utf8proc). The result is a new string the caller frees.
 */
#ifndef KENES_TEXT_H
#define KENES_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum text_status {
	TEXT_OK,
	TEXT_INVALID_UTF8, /* malformed, overlong, surrogate or out of range */
	TEXT_CONTROL,      /* NUL, C0 other than tab and newline, DEL, C1 */
};

/* On TEXT_OK, *out is the cleaned NFC string (maybe empty) and *chars its code point count. */
enum text_status text_clean(const char *s, size_t len, char **out, size_t *chars);

/* True when s (len bytes) is valid UTF-8 with no control characters at all (for one-line fields). */
bool text_is_clean_line(const char *s, size_t len);
/* True when code point c is a letter (Unicode L*) or a decimal digit (Nd): a word's. */
bool text_is_letter_or_digit(int32_t c);
/* True when s has the shape YYYY-MM-DD (whether the day exists is the database's to say). */
bool text_is_date_shaped(const char *s);
/* 1 to max ASCII letters, digits and ":._-": a part key, slug or region code, safe in a URL and
 * in HTML as it is. */
bool text_is_code_shaped(const char *s, size_t max);

#endif
