/*
 * failshim.c - an LD_PRELOAD library that makes the handler's allocations or libpq calls
 * fail, for tests/faults/failures.sh.
 *
 *   FAILSHIM=malloc:N     every Nth malloc/calloc/realloc returns NULL (ENOMEM)
 *   FAILSHIM=pq-error:N   every Nth PQexecPrepared/PQexecParams returns a failed result
 *                         without running the statement (as a server error would)
 *   FAILSHIM=pq-null:N    ... returns NULL (libpq's own out-of-memory answer)
 *   FAILSHIM=pq-drop:N    ... shuts the connection's socket down first, so the call fails
 *                         the way a lost connection does
 *
 * Start-up is never hit: libpq calls count from a process's first FastCGI request on, and
 * allocations from a thread's second (see below), so failures land in request and commit
 * work. Each injected failure is
 * written to stderr ("failshim: ..."), so the test can tell that failures did happen.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcgiapp.h>
#include <libpq-fe.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

enum mode { OFF, MALLOC, PQ_ERROR, PQ_NULL, PQ_DROP };

static enum mode mode = OFF;
static long every;
static atomic_bool armed;    /* libpq modes: this process has accepted a request */
static atomic_long pq_calls; /* libpq modes count per process */
/*
 * Allocations count per thread, from the thread's second request on (a request thread opens
 * its database connection during its first; that takes ~5,000 allocations, which no period
 * short enough to hit requests would let through). The group-commit writer never accepts:
 * it counts from its second executed prepared statement on, after its connection's setup
 * (which prepares every statement of the handler: more than a short period lets through).
 */
static __thread int accepts, statements;
static __thread long allocs;
static __thread bool inside; /* our own stderr write must not count or fail */

__attribute__((constructor)) static void failshim_init(void)
{
	const char *s = getenv("FAILSHIM");
	const char *colon = s ? strchr(s, ':') : NULL;

	if (!colon || (every = atol(colon + 1)) <= 0)
		return;
	if (!strncmp(s, "malloc:", 7))
		mode = MALLOC;
	else if (!strncmp(s, "pq-error:", 9))
		mode = PQ_ERROR;
	else if (!strncmp(s, "pq-null:", 8))
		mode = PQ_NULL;
	else if (!strncmp(s, "pq-drop:", 8))
		mode = PQ_DROP;
}

static void say(const char *what, long n)
{
	char line[96];
	int len;

	inside = true;
	len = snprintf(line, sizeof(line), "failshim: pid %d: failing %s call %ld\n", (int)getpid(), what, n);
	if (len > 0 && write(STDERR_FILENO, line, (size_t)len) < 0)
		(void)0;
	inside = false;
}

/* True when this call is the one to fail. */
static bool fail_now(enum mode m, const char *what)
{
	long n;

	if (mode != m || inside)
		return false;
	if (m == MALLOC) {
		if (accepts ? accepts < 2 : statements < 2)
			return false;
		n = ++allocs;
	} else {
		if (!atomic_load_explicit(&armed, memory_order_relaxed))
			return false;
		n = atomic_fetch_add(&pq_calls, 1) + 1;
	}
	if (n % every)
		return false;
	say(what, n);
	return true;
}

void *malloc(size_t n)
{
	if (fail_now(MALLOC, "malloc")) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
	if (fail_now(MALLOC, "calloc")) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
	if (n && fail_now(MALLOC, "realloc")) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(p, n);
}

int FCGX_Accept_r(FCGX_Request *req)
{
	static int (*real)(FCGX_Request *);
	int rc;

	if (!real)
		real = (int (*)(FCGX_Request *))dlsym(RTLD_NEXT, "FCGX_Accept_r");
	rc = real(req);
	if (rc == 0) {
		accepts++;
		atomic_store(&armed, true);
	}
	return rc;
}

/* Returns the injected failure for conn, or sets *run to go on with the real call. */
static PGresult *injected(PGconn *conn, const char *what, bool *run)
{
	*run = true;
	if (mode == PQ_ERROR && fail_now(PQ_ERROR, what)) {
		*run = false;
		return PQmakeEmptyPGresult(conn, PGRES_FATAL_ERROR);
	}
	if (mode == PQ_NULL && fail_now(PQ_NULL, what)) {
		*run = false;
		return NULL;
	}
	if (mode == PQ_DROP && fail_now(PQ_DROP, what))
		shutdown(PQsocket(conn), SHUT_RDWR);
	return NULL;
}

PGresult *PQexecPrepared(PGconn *conn, const char *name, int n, const char *const *values, const int *lengths,
			 const int *formats, int result_format)
{
	static PGresult *(*real)(PGconn *, const char *, int, const char *const *, const int *, const int *,
				 int);
	bool run;
	PGresult *r;

	/* Only executions of prepared statements are work: a connection's setup (session
	 * settings through PQexecParams, then PQprepare of every statement) never counts. */
	statements++;
	r = injected(conn, "PQexecPrepared", &run);

	if (!run)
		return r;
	if (!real)
		real = (PGresult * (*)(PGconn *, const char *, int, const char *const *, const int *,
				       const int *, int)) dlsym(RTLD_NEXT, "PQexecPrepared");
	return real(conn, name, n, values, lengths, formats, result_format);
}

PGresult *PQexecParams(PGconn *conn, const char *sql, int n, const Oid *types, const char *const *values,
		       const int *lengths, const int *formats, int result_format)
{
	static PGresult *(*real)(PGconn *, const char *, int, const Oid *, const char *const *, const int *,
				 const int *, int);
	bool run;
	PGresult *r = injected(conn, "PQexecParams", &run);

	if (!run)
		return r;
	if (!real)
		real = (PGresult * (*)(PGconn *, const char *, int, const Oid *, const char *const *,
				       const int *, const int *, int)) dlsym(RTLD_NEXT, "PQexecParams");
	return real(conn, sql, n, types, values, lengths, formats, result_format);
}
