/*
 * identity.h - who a person is, without storing who they are.
 *
 * A person is identified by an IIN they type (validated here) or by a subject an upstream
 * single sign-on vouches for. Either becomes a pseudonym: HMAC-SHA256 under a secret key,
 * domain-separated by consultation and kind, so the same person is the same 32 bytes within
 * a consultation and nothing can be reversed without the key. Nothing is kept or logged.
 */
#ifndef KENES_IDENTITY_H
#define KENES_IDENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define PSEUDONYM_BYTES   32
#define PSEUDONYM_HEX_LEN (2 * PSEUDONYM_BYTES + 3) /* "\x", 64 digits, NUL */
#define IDENTITY_KEY_MIN  32

enum iin_status {
	IIN_OK,
	IIN_FORMAT,   /* not exactly 12 ASCII digits */
	IIN_DATE,     /* digits 1-6 are no date (YYMMDD), or a date in the future */
	IIN_CENTURY,  /* digit 7 is not 1-6 (century and sex) */
	IIN_CHECKSUM, /* digit 12 is not the check digit (or the number has none) */
};

/* Checks an individual identification number as issued in Kazakhstan; `today` bounds the date. */
enum iin_status identity_iin_check(const char *iin, time_t today);
const char *iin_status_message(enum iin_status st);

/*
 * Loads the pseudonym key: the file's bytes (at least IDENTITY_KEY_MIN; a trailing newline
 * is part of the key as written). False with a reason in err. The key stays in memory
 * (locked when possible) until identity_key_free.
 */
bool identity_key_load(const char *path, char *err, size_t errlen);
bool identity_key_loaded(void);
void identity_key_free(void);
/* For tests: use these bytes as the key. */
void identity_key_set(const unsigned char *key, size_t len);

/* pseudonym = HMAC-SHA256(key, "kenes/v1" 0 consultation 0 kind 0 value). kind: "iin" or "sso". */
void identity_pseudonym(const char *consultation, const char *kind, const char *value,
			unsigned char out[PSEUDONYM_BYTES]);
/* The same as a bytea literal "\x…" for a query parameter (buffer of 2 + 64 + 1). */
void identity_pseudonym_hex(const unsigned char p[PSEUDONYM_BYTES], char out[PSEUDONYM_HEX_LEN]);

struct errors;
/* An IIN typed, checked on `now` and, given a consultation, its "iin" pseudonym (*known).
 * No IIN: *known false, an error when `required`; never repeated in a message. */
bool identity_from_iin(const char *consultation, const char *iin, time_t now, bool required,
		       char hex[PSEUDONYM_HEX_LEN], bool *known, struct errors *errs);

/* HMAC-SHA256 under the same key with a different label; for form tokens. */
void identity_mac(const char *label, const unsigned char *data, size_t len, unsigned char out[32]);

#endif
