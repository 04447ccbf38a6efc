/*
 * fcgi_stream.c - feeds malformed FastCGI record streams to a running kenes-fcgi.
 *
 *   fcgi_stream SOCKET SECONDS [SEED]
 *
 * Connects to the handler's unix socket again and again for SECONDS and sends, each time,
 * one of: a valid request; a valid request with random mutations; random bytes; records
 * with bad versions, unknown types, huge content lengths and padding; name-value pairs
 * whose lengths lie (up to 0x7fffffff, the CVE-2025-23016 shape) or add up to megabytes;
 * bodies that disagree with CONTENT_LENGTH; aborted, truncated and multiplexed requests;
 * management records. Every 25 connections, and at the end, a valid GET /healthz must be
 * answered within 5 seconds; the final one must be 200. FCGI_STREAM_KNOWN=1 adds the inputs
 * that crash Debian's libfcgi 2.4.2 (README.md), to show whether they still do.
 *
 * Exit status: 0 when every probe was answered, 1 when the handler stopped answering,
 * 2 on bad usage. The summary line says what was sent; SEED makes a run repeatable (the
 * handler's timing aside). Responses are parsed and must be well-formed FastCGI records.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

enum {
	BEGIN_REQUEST = 1,
	ABORT_REQUEST,
	END_REQUEST,
	PARAMS,
	STDIN,
	STDOUT,
	STDERR,
	DATA,
	GET_VALUES,
	GET_VALUES_RESULT,
	UNKNOWN_TYPE,
};

struct bytes {
	unsigned char *p;
	size_t len, cap;
};

static const char *socket_path;
static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static size_t below(size_t n)
{
	return n ? (size_t)(rnd() % n) : 0;
}

static void put(struct bytes *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		while (b->len + n > b->cap)
			b->cap = b->cap ? 2 * b->cap : 4096;
		if (!(b->p = realloc(b->p, b->cap))) {
			perror("fcgi_stream: realloc");
			exit(2);
		}
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static void put_byte(struct bytes *b, unsigned c)
{
	unsigned char u = (unsigned char)c;

	put(b, &u, 1);
}

/* A record header as the spec has it, every field given (lies included). */
static void header(struct bytes *b, unsigned version, unsigned type, unsigned id, unsigned len, unsigned pad)
{
	unsigned char h[8] = { (unsigned char)version,    (unsigned char)type,
			       (unsigned char)(id >> 8),  (unsigned char)id,
			       (unsigned char)(len >> 8), (unsigned char)len,
			       (unsigned char)pad,        0 };

	put(b, h, sizeof(h));
}

/* A well-formed record; content longer than 65535 bytes is split over several. */
static void record(struct bytes *b, unsigned type, unsigned id, const void *content, size_t len)
{
	static const unsigned char zeros[8];
	const unsigned char *c = content;

	do {
		size_t n = len > 65535 ? 65535 : len;
		unsigned pad = (unsigned)((8 - n % 8) % 8);

		header(b, 1, type, id, (unsigned)n, pad);
		put(b, c, n);
		put(b, zeros, pad);
		c += n;
		len -= n;
	} while (len > 0);
}

static void begin(struct bytes *b, unsigned id, bool keep)
{
	unsigned char body[8] = { 0, 1, keep ? 1 : 0, 0, 0, 0, 0, 0 }; /* role: responder */

	record(b, BEGIN_REQUEST, id, body, sizeof(body));
}

/* A length as a name-value pair encodes it: one byte below 128, else four with the top bit. */
static void nv_length(struct bytes *b, uint32_t n, bool force_long)
{
	if (n < 128 && !force_long) {
		put_byte(b, n);
		return;
	}
	put_byte(b, (n >> 24) | 0x80);
	put_byte(b, n >> 16);
	put_byte(b, n >> 8);
	put_byte(b, n);
}

static void nv(struct bytes *b, const char *name, const char *value)
{
	size_t n = strlen(name), v = strlen(value);

	nv_length(b, (uint32_t)n, false);
	nv_length(b, (uint32_t)v, false);
	put(b, name, n);
	put(b, value, v);
}

struct request {
	const char *method, *uri, *query, *content_type, *accept_language;
	const char *body;
	size_t body_len;
	const char *content_length; /* NULL: the body's real length */
};

/* The parameters nginx's fastcgi_params sends, as one name-value stream. */
static void params_of(struct bytes *p, const struct request *r)
{
	char len[32];

	snprintf(len, sizeof(len), "%zu", r->body_len);
	nv(p, "REQUEST_METHOD", r->method);
	nv(p, "DOCUMENT_URI", r->uri);
	nv(p, "REQUEST_URI", r->uri);
	nv(p, "QUERY_STRING", r->query ? r->query : "");
	nv(p, "CONTENT_TYPE", r->content_type ? r->content_type : "");
	nv(p, "CONTENT_LENGTH", r->content_length ? r->content_length : r->body_len ? len : "");
	nv(p, "HTTP_HOST", "127.0.0.1");
	nv(p, "HTTP_ACCEPT_LANGUAGE", r->accept_language ? r->accept_language : "kk-KZ,ru;q=0.8");
	nv(p, "REQUEST_ID", "fcgi-stream");
	nv(p, "SERVER_PROTOCOL", "HTTP/1.1");
}

/* A whole request: BEGIN, PARAMS (split at random), empty PARAMS, STDIN, empty STDIN. */
static void request(struct bytes *b, unsigned id, bool keep, const struct request *r)
{
	struct bytes p = { 0 };
	size_t at = 0;

	begin(b, id, keep);
	params_of(&p, r);
	while (at < p.len) {
		size_t n = 1 + below(p.len - at);

		record(b, PARAMS, id, p.p + at, n);
		at += n;
	}
	record(b, PARAMS, id, "", 0);
	if (r->body_len)
		record(b, STDIN, id, r->body, r->body_len);
	record(b, STDIN, id, "", 0);
	free(p.p);
}

static const char json_body[] =
	"{\"consultation\":\"constitution-2026\",\"target\":\"article:4\",\"stance\":\"maybe\","
	"\"text\":\"\xD0\x9D\xD0\xB0\xD1\x80\xD0\xBE\xD0\xB4 \xD3\x99\xD2\x93\xD2\x9B\",\"lang\":\"kk\"}";
static const char form_body[] =
	"target=article%3A4&stance=amend&text=%D0%9D%D0%B0%D1%80%D0%BE%D0%B4&lang=ru&form_token=x";

static struct request sample(void)
{
	switch (below(6)) {
	case 0:
		return (struct request){ "GET", "/healthz" };
	case 1:
		return (struct request){ "GET", "/", .query = "lang=ru" };
	case 2:
		return (struct request){ "GET", "/api/v1/consultations/constitution-2026" };
	case 3:
		return (struct request){ "POST", "/api/v1/proposals", .content_type = "application/json",
					 .body = json_body, .body_len = sizeof(json_body) - 1 };
	case 4:
		return (struct request){ "POST", "/api/v1/proposals",
					 .content_type = "application/x-www-form-urlencoded",
					 .body = form_body, .body_len = sizeof(form_body) - 1 };
	default:
		return (struct request){ "GET", "/api/v1/proposals",
					 .query = "target=article:4&sort=supported" };
	}
}

static int connect_socket(void)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct timeval tv = { .tv_sec = 2 };
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", socket_path);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Sends what it can; a handler that closed early or stopped reading is not an error. */
static void send_all(int fd, const unsigned char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

		if (n <= 0)
			return;
		p += n;
		len -= (size_t)n;
	}
}

struct answer {
	int status; /* from "Status: NNN" in STDOUT, 0 if none */
	bool ended; /* an END_REQUEST record arrived */
	bool bad;   /* the bytes back were not well-formed records */
	size_t bytes;
};

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads until END_REQUEST, EOF or `wait_ms` of silence, and checks the records. */
static struct answer drain(int fd, long wait_ms)
{
	struct bytes in = { 0 };
	struct answer a = { 0 };
	unsigned char buf[65536];
	long deadline = now_ms() + wait_ms;
	size_t at = 0;
	struct bytes out = { 0 };

	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		long left = deadline - now_ms();
		ssize_t n;

		if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
			break;
		n = recv(fd, buf, sizeof(buf), 0);
		if (n <= 0)
			break;
		put(&in, buf, (size_t)n);
		/* Walk whole records received so far. */
		while (in.len - at >= 8) {
			unsigned char *h = in.p + at;
			size_t clen = (size_t)h[4] << 8 | h[5], total = 8 + clen + h[6];

			if (h[0] != 1 || h[1] < END_REQUEST || h[1] > UNKNOWN_TYPE || h[1] == PARAMS ||
			    h[1] == STDIN) {
				a.bad = true;
				goto done;
			}
			if (in.len - at < total)
				break;
			if (h[1] == STDOUT)
				put(&out, h + 8, clen);
			if (h[1] == END_REQUEST)
				a.ended = true;
			at += total;
		}
		if (a.ended)
			break;
	}
done:
	a.bytes = in.len;
	if (in.len > at && !a.bad && a.ended)
		a.bad = true; /* bytes after END_REQUEST on a connection not kept */
	put_byte(&out, 0);
	if (!strncmp((char *)out.p, "Status: ", 8))
		a.status = atoi((char *)out.p + 8);
	free(in.p);
	free(out.p);
	return a;
}

/* One valid request on a new connection; its answer (status 0 when none came). */
static struct answer ask(const struct request *r, long wait_ms)
{
	struct bytes b = { 0 };
	struct answer a = { 0 };
	int fd = connect_socket();

	if (fd < 0)
		return a;
	request(&b, 1, false, r);
	send_all(fd, b.p, b.len);
	a = drain(fd, wait_ms);
	close(fd);
	free(b.p);
	return a;
}

/* ------------------------------------------------------------------------------------ */
/* The malformed streams. Each fills `b` and may ask for the connection to be cut early.  */

static const unsigned interesting[] = { 0, 1, 2, 7, 8, 0x7f, 0x80, 0xfe, 0xff };

static void mutate(struct bytes *b)
{
	int rounds = 1 + (int)below(8);

	for (int i = 0; i < rounds && b->len > 0; i++) {
		size_t at = below(b->len);

		switch (below(6)) {
		case 0:
			b->p[at] ^= (unsigned char)(1u << below(8));
			break;
		case 1:
			b->p[at] = (unsigned char)
				interesting[below(sizeof(interesting) / sizeof(interesting[0]))];
			break;
		case 2:
			b->p[at] = (unsigned char)rnd();
			break;
		case 3:
			b->len = at;
			break; /* truncate */
		case 4: {      /* duplicate a slice (records repeated, lengths shifted) */
			size_t n = 1 + below(b->len - at < 64 ? b->len - at : 64);
			unsigned char tmp[64];

			memcpy(tmp, b->p + at, n);
			put(b, tmp, n);
			break;
		}
		default: /* cut a slice out */
			if (at + 1 < b->len) {
				size_t n = 1 + below(b->len - at - 1);

				memmove(b->p + at, b->p + at + n, b->len - at - n);
				b->len -= n;
			}
		}
	}
}

/* Bad record headers around an otherwise valid request. */
static void bad_headers(struct bytes *b)
{
	struct request r = sample();

	switch (below(8)) {
	case 0: /* a version other than 1, anywhere */
		request(b, 1, false, &r);
		b->p[8 * below(2)] = (unsigned char)(below(2) ? 0 : 2 + below(254));
		break;
	case 1: /* unknown record types, for the request and for id 0 */
		begin(b, 1, false);
		header(b, 1, 12 + below(244), below(2), 8, 0);
		put(b, "\0\0\0\0\0\0\0\0", 8);
		request(b, 1, false, &r);
		break;
	case 2: /* a huge content length with little behind it */
		begin(b, 1, false);
		header(b, 1, PARAMS, 1, 0xffff, 0xff);
		put(b, "\x0e\x03REQUEST_METHODGET", 19);
		break;
	case 3: /* padding that runs into the next record */
		begin(b, 1, false);
		header(b, 1, PARAMS, 1, 0, 0xff);
		request(b, 1, false, &r);
		break;
	case 4: /* records for another request id */
		begin(b, 1, false);
		record(b, PARAMS, 2 + below(65534),
		       "\x01\x01"
		       "ab",
		       4);
		request(b, 1, false, &r);
		break;
	case 5: /* a BEGIN_REQUEST that is too short, or has an unknown role */
		header(b, 1, BEGIN_REQUEST, 1, below(8), 0);
		put(b, "\0\3\0\0\0\0\0\0", 8);
		break;
	case 6: /* STDIN before PARAMS ended, then END_REQUEST and other app-bound types */
		begin(b, 1, false);
		record(b, STDIN, 1, "x=1", 3);
		record(b, END_REQUEST, 1, "\0\0\0\0\0\0\0\0", 8);
		record(b, STDOUT, 1, "Status: 200\r\n", 13);
		record(b, DATA, 1, "data", 4);
		break;
	default: /* nothing but headers */
		for (int i = 0; i < 64; i++)
			header(b, 1, (unsigned)rnd(), (unsigned)rnd(), 0, 0);
	}
}

/*
 * Name-value pairs whose lengths lie, or that are simply huge. Debian's libfcgi refuses a
 * length of exactly 0x7fffffff (its CVE-2025-23016 fix) but still adds name + value + 2 in
 * an int: a sum past INT_MAX goes negative, malloc fails and libfcgi's assert() aborts
 * the worker. Such pairs are sent only with FCGI_STREAM_KNOWN=1 (see README.md).
 */
static bool known_defects;

static void bad_params(struct bytes *b, bool *complete)
{
	struct bytes p = { 0 };
	struct request r = sample();
	static const uint32_t lies[] = { 0x7fffffff, 0x7ffffffe, 0x7fffff00, 0x40000000,
					 0x00ffffff, 65536,      1000 };
	uint32_t name = lies[below(7)], value = lies[below(7)];

	/*
	 * Without the known defects, keep the sum well below INT_MAX: libfcgi allocates it at
	 * once, and allocations of a gigabyte or more fail often enough on a busy machine (or
	 * under ASan) to make its assert abort the worker at random: 256 MiB at most here.
	 */
	if (!known_defects && name != 0x7fffffff && value != 0x7fffffff &&
	    (uint64_t)name + value + 2 > 0x10000000) {
		name = name < 0x08000000 ? name : 0x08000000;
		value = value < 0x07fffffe ? value : 0x07fffffe;
	}
	begin(b, 1, false);
	switch (below(5)) {
	case 0: /* CVE-2025-23016: lengths that overflow name + value + 2 */
		nv_length(&p, name, true);
		nv_length(&p, value, true);
		put(&p, "HTTP_X", 6);
		break;
	case 1: /* a long-form length for a short name; lengths beyond the record */
		nv_length(&p, 5, true);
		nv_length(&p, 200, false);
		put(&p, "HELLO", 5);
		break;
	case 2: { /* one big value over many records: 64 KB to 4 MB of Accept-Language */
		size_t n = (size_t)65536 << below(7);
		char *v = malloc(n + 1);

		memset(v, 'a', n);
		for (size_t i = 2; i < n; i += 3)
			v[i] = ',';
		v[n] = '\0';
		params_of(&p, &r);
		nv(&p, "HTTP_ACCEPT_LANGUAGE", v);
		free(v);
		*complete = true;
		break;
	}
	case 3: { /* many small parameters */
		char name_buf[32];

		params_of(&p, &r);
		for (int i = 0; i < 20000; i++) {
			snprintf(name_buf, sizeof(name_buf), "HTTP_X_%d", i);
			nv(&p, name_buf, "1");
		}
		*complete = true;
		break;
	}
	default: /* a parameter without '=' semantics: empty name, NUL bytes, no value */
		params_of(&p, &r);
		put(&p, "\x00\x05value", 7);
		put(&p, "\x04\x00\x00\x00\x00\x00", 6);
		put(&p,
		    "\x03\x02"
		    "A\0B"
		    "\0\0",
		    7);
		*complete = true;
	}
	record(b, PARAMS, 1, p.p, p.len);
	if (*complete) {
		record(b, PARAMS, 1, "", 0);
		record(b, STDIN, 1, "", 0);
	}
	free(p.p);
}

/* Bodies that disagree with CONTENT_LENGTH. */
static void bad_body(struct bytes *b)
{
	static const char *const lengths[] = {
		"-1", "abc", "99999999999999999999", "1099511627776", "1000000", "200", "0", " 5",
		"5 ", "0x10"
	};
	struct request r = { "POST", "/api/v1/proposals", .content_type = "application/json",
			     .body = json_body, .body_len = sizeof(json_body) - 1 };

	r.content_length = lengths[below(sizeof(lengths) / sizeof(lengths[0]))];
	if (below(3) == 0)
		r.body_len = below(r.body_len);
	request(b, 1, false, &r);
	if (below(2)) /* STDIN after its end */
		record(b, STDIN, 1, "trailing", 8);
}

/* Requests cut short: aborted, truncated, or left unread. Returns how to end the connection. */
enum ending { READ, CLOSE_AT_ONCE, CLOSE_UNREAD };

static enum ending cut_short(struct bytes *b)
{
	struct request r = sample();

	switch (below(4)) {
	case 0:
		request(b, 1, false, &r);
		b->len = below(b->len);
		return CLOSE_AT_ONCE;
	case 1:
		begin(b, 1, false);
		record(b, ABORT_REQUEST, 1, "", 0);
		request(b, 1, false, &r);
		return READ;
	case 2: /* abort after the parameters */
		begin(b, 1, false);
		params_of(b, &r); /* (raw, unframed: a protocol error in itself) */
		record(b, ABORT_REQUEST, 1, "", 0);
		return READ;
	default:
		request(b, 1, false, &r);
		return CLOSE_UNREAD; /* the worker writes to a closed socket */
	}
}

/* Several requests on one connection: keep-conn, multiplexing, garbage after the first. */
static void many_on_one(struct bytes *b)
{
	struct request r = sample();

	switch (below(3)) {
	case 0:
		for (int i = 0; i < 3; i++)
			request(b, 1 + (unsigned)i, true, &r);
		break;
	case 1: /* a second BEGIN_REQUEST while the first is open */
		begin(b, 1, true);
		begin(b, 2, true);
		request(b, 1, true, &r);
		break;
	default:
		request(b, 1, true, &r);
		for (int i = 0; i < 64; i++)
			put_byte(b, (unsigned)rnd());
	}
}

/* Management records (request id 0): GET_VALUES, plain and odd. */
static void management(struct bytes *b)
{
	struct bytes p = { 0 };

	switch (below(3)) {
	case 0:
		nv(&p, "FCGI_MAX_CONNS", "");
		nv(&p, "FCGI_MAX_REQS", "");
		nv(&p, "FCGI_MPXS_CONNS", "");
		break;
	case 1:
		nv(&p, "FCGI_UNKNOWN", "");
		nv(&p, "", "");
		break;
	default:
		nv_length(&p, 0x7fffffff, true);
		nv_length(&p, 0x7fffffff, true);
	}
	record(b, GET_VALUES, 0, p.p, p.len);
	free(p.p);
}

/*
 * Repeated GET_VALUES names: libfcgi answers them in a fixed 64-byte stack buffer
 * (ProcessManagementRecord), sized for the three names once each; a fourth overflows it.
 * Sent only with FCGI_STREAM_KNOWN=1: see tests/fuzz/README.md.
 */
static void management_repeated(struct bytes *b)
{
	struct bytes p = { 0 };
	int n = 4 + (int)below(60);

	for (int i = 0; i < n; i++)
		nv(&p, "FCGI_MPXS_CONNS", "");
	record(b, GET_VALUES, 0, p.p, p.len);
	free(p.p);
}

int main(int argc, char **argv)
{
	static const char *const kinds[] = { "valid", "mutated", "random", "headers", "params",
					     "body",  "cut",     "multi",  "mgmt",    "mgmt-repeat" };
	long counts[10] = { 0 }, deadline, probes = 0, probes_failed = 0, bad_answers = 0;
	unsigned long long sent = 0, seed;
	struct answer last = { 0 };
	long conns = 0;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: fcgi_stream SOCKET SECONDS [SEED]\n");
		return 2;
	}
	socket_path = argv[1];
	deadline = now_ms() + 1000L * atol(argv[2]);
	seed = argc == 4 ? strtoull(argv[3], NULL, 0)
			 : (unsigned long long)time(NULL) ^ (unsigned long long)getpid() << 16;
	rng_state = seed ? seed : 1;
	known_defects = getenv("FCGI_STREAM_KNOWN") && !strcmp(getenv("FCGI_STREAM_KNOWN"), "1");
	signal(SIGPIPE, SIG_IGN);
	printf("fcgi_stream: %s for %s s, seed %llu%s\n", socket_path, argv[2], seed,
	       known_defects ? ", with the known libfcgi defects" : "");
	fflush(stdout);

	while (now_ms() < deadline) {
		struct bytes b = { 0 };
		enum ending ending = READ;
		bool complete = false;
		int kind = (int)below(known_defects ? 10 : 9), fd;
		struct request r;

		if (++conns % 25 == 0) {
			struct request health = { "GET", "/healthz" };
			struct answer a = ask(&health, 5000);

			probes++;
			if (!a.status) {
				probes_failed++;
				fprintf(stderr, "fcgi_stream: probe %ld after connection %ld got no answer\n",
					probes, conns);
			}
		}
		switch (kind) {
		case 0:
			r = sample();
			request(&b, 1, false, &r);
			break;
		case 1:
			r = sample();
			request(&b, 1, below(2), &r);
			mutate(&b);
			break;
		case 2:
			for (size_t i = 0, n = 1 + below(4096); i < n; i++)
				put_byte(&b, (unsigned)rnd());
			break;
		case 3:
			bad_headers(&b);
			break;
		case 4:
			bad_params(&b, &complete);
			break;
		case 5:
			bad_body(&b);
			break;
		case 6:
			ending = cut_short(&b);
			break;
		case 7:
			many_on_one(&b);
			break;
		case 8:
			management(&b);
			break;
		default:
			management_repeated(&b);
		}
		counts[kind]++;
		if ((fd = connect_socket()) < 0) {
			fprintf(stderr, "fcgi_stream: cannot connect to %s: %s\n", socket_path,
				strerror(errno));
			free(b.p);
			sleep(1);
			continue;
		}
		send_all(fd, b.p, b.len);
		sent += b.len;
		if (ending == READ) {
			/* Valid requests get time to be answered; the rest a short look. */
			struct answer a = drain(fd, kind == 0 || complete ? 5000 : 200);

			if (a.bad)
				bad_answers++;
			if (kind == 0 && (!a.status || a.status >= 500)) {
				fprintf(stderr, "fcgi_stream: a valid request (connection %ld) got %d\n",
					conns, a.status);
				probes_failed++;
			}
		} else if (ending == CLOSE_UNREAD) {
			shutdown(fd, SHUT_RDWR);
		}
		close(fd);
		free(b.p);
	}

	/* The handler must still answer: up to 10 tries over about 10 seconds. */
	for (int i = 0; i < 10 && last.status != 200; i++) {
		struct request health = { "GET", "/healthz" };

		if (i)
			sleep(1);
		last = ask(&health, 5000);
	}
	printf("fcgi_stream: %ld connections, %llu bytes;", conns, sent);
	for (int i = 0; i < 10; i++)
		if (counts[i])
			printf(" %s %ld", kinds[i], counts[i]);
	printf("; probes %ld (%ld unanswered); malformed answers %ld; final /healthz %d\n", probes,
	       probes_failed, bad_answers, last.status);
	return last.status == 200 && probes_failed == 0 ? 0 : 1;
}
