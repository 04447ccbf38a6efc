#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "util.h"

static bool is_control(utf8proc_int32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

static bool is_space(utf8proc_int32_t c)
{
	utf8proc_category_t cat;

	if (c == '\t' || c == '\n')
		return true;
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

bool text_is_letter_or_digit(int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
		return true;
	default:
		return false;
	}
}

bool text_is_clean_line(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;

	while (len > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &c);

		if (n < 0 || is_control(c))
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/*
 * First pass: validate and copy with newlines unified, remembering where the last
 * non-space character ends so trailing whitespace can be cut; leading whitespace is skipped.
 */
static enum text_status unify(const char *s, size_t len, struct buf *out)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t keep = 0;
	bool started = false;

	while (len > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &c);

		if (n < 0)
			return TEXT_INVALID_UTF8;
		if (c == '\r') {
			/* CR LF and a lone CR both become one LF. */
			if (len > 1 && p[1] == '\n') {
				p++;
				len--;
			}
			c = '\n';
		} else if (is_control(c) && c != '\t' && c != '\n') {
			return TEXT_CONTROL;
		}
		if (started || !is_space(c)) {
			started = true;
			if (c == '\n')
				buf_putc(out, '\n');
			else
				buf_append(out, p, (size_t)n);
			if (!is_space(c))
				keep = out->len;
		}
		p += n;
		len -= (size_t)n;
	}
	out->len = keep;
	out->data[keep] = '\0';
	return TEXT_OK;
}

enum text_status text_clean(const char *s, size_t len, char **out, size_t *chars)
{
	struct buf tmp;
	enum text_status st;
	utf8proc_uint8_t *nfc;
	size_t count = 0;

	buf_init(&tmp, 0);
	st = unify(s, len, &tmp);
	if (st != TEXT_OK) {
		buf_free(&tmp);
		return st;
	}
	/* unify() has checked the UTF-8, so NULL can only mean out of memory. */
	nfc = utf8proc_NFC((const utf8proc_uint8_t *)tmp.data);
	buf_free(&tmp);
	if (!nfc) {
		fprintf(stderr, "kenes: out of memory normalising a text\n");
		abort();
	}
	for (const utf8proc_uint8_t *p = nfc; *p; p++)
		if ((*p & 0xc0) != 0x80)
			count++;
	*out = xstrdup((char *)nfc);
	free(nfc);
	*chars = count;
	return TEXT_OK;
}

bool text_is_code_shaped(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n == 0 || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || strchr(":._-", s[i])))
			return false;
	return true;
}

bool text_is_date_shaped(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return false;
	return s[10] == '\0';
}
