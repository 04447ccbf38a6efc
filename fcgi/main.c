/*
 * kenes-fcgi - the FastCGI handler nginx passes requests to.
 *
 * A master process opens the unix socket, starts `workers` worker processes and restarts
 * any that die (a crash takes down one process, not the service). Each worker runs
 * `threads` request threads, each with its own database connection for reads, and
 * `writers` writer threads that store proposals and supports in batches (batch.h: group
 * commit). A request thread hands a validated proposal to the writers and accepts the next
 * request; the writer answers it after the commit. A worker holds at most `in_flight`
 * requests (struct exchange), so its memory stays bounded however many nginx sends. SIGTERM or
 * SIGINT: the master passes SIGTERM on; each worker's threads finish the request in hand,
 * the writer stores what is queued, and the worker exits; the master exits when all have.
 */
#include <errno.h>
#include <fcgiapp.h>
#include <getopt.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "batch.h"
#include "config.h"
#include "identity.h"
#include "db.h"
#include "http_cache.h"
#include "log.h"
#include "metrics.h"
#include "reply.h"
#include "request.h"
#include "routes.h"
#include "settings.h"
#include "staff_session.h"
#include "structure.h"
#include "util.h"

#define MAX_WORKERS 256
#define MAX_THREADS 256

static const struct config_option options[] = {
	{ "socket", CONFIG_STRING, "/run/kenes/fcgi.sock", 0, 0, offsetof(struct settings, socket),
	  "unix socket nginx connects to, or HOST:PORT for TCP from nginx on another host" },
	{ "socket_mode", CONFIG_INT, "432", 0, 511, offsetof(struct settings, socket_mode),
	  "socket permissions as a decimal number (432 = 0660)" },
	{ "workers", CONFIG_INT, "2", 1, MAX_WORKERS, offsetof(struct settings, workers),
	  "worker processes (one per core is plenty)" },
	{ "threads", CONFIG_INT, "8", 1, MAX_THREADS, offsetof(struct settings, threads),
	  "request threads per worker, one database connection each" },
	{ "in_flight", CONFIG_INT, "128", 1, 10000, offsetof(struct settings, in_flight),
	  "requests a worker holds at once, waiting for their batch's commit included" },
	{ "batch_max", CONFIG_INT, "200", 1, 10000, offsetof(struct settings, batch_max),
	  "most proposals (or supports) stored in one transaction (group commit)" },
	{ "writers", CONFIG_INT, "2", 1, 8, offsetof(struct settings, writers),
	  "writer threads per worker storing batches, one database connection each" },
	{ "database_url", CONFIG_STRING, "dbname=kenes", 0, 0, offsetof(struct settings, db.url),
	  "libpq connection string or URI" },
	{ "database_role", CONFIG_STRING, "", 0, 0, offsetof(struct settings, db.role),
	  "role to SET after connecting, e.g. kenes_handler (empty: the login's own)" },
	{ "read_database_url", CONFIG_STRING, "", 0, 0, offsetof(struct settings, read_database_url),
	  "a streaming-replication standby for the tallies and reports APIs (empty: database_url)" },
	{ "pool_mode", CONFIG_STRING, "session", 0, 0, offsetof(struct settings, pool_mode),
	  "session, or transaction behind pgbouncer's transaction pooling (no prepared statements)" },
	{ "connect_timeout", CONFIG_INT, "2", 1, 60, offsetof(struct settings, db.connect_timeout),
	  "seconds to wait for a database connection" },
	{ "statement_timeout", CONFIG_INT, "5000", 0, 600000, offsetof(struct settings, db.statement_timeout),
	  "milliseconds a statement may run" },
	{ "max_body", CONFIG_INT, "131072", 1024, 16777216, offsetof(struct settings, max_body),
	  "largest request body in bytes (nginx's client_max_body_size should match)" },
	{ "structure_ttl", CONFIG_INT, "30", 0, 86400, offsetof(struct settings, structure_ttl),
	  "seconds a worker caches the consultation structure" },
	{ "log_level", CONFIG_STRING, "info", 0, 0, offsetof(struct settings, log_level),
	  "debug, info, warn or error" },
	{ "pseudonym_key_file", CONFIG_STRING, "/etc/kenes/pseudonym.key", 0, 0,
	  offsetof(struct settings, pseudonym_key_file),
	  "secret key (32+ random bytes) for pseudonyms and form tokens" },
	{ "trusted_subject_param", CONFIG_STRING, "KENES_TRUSTED_SUBJECT", 0, 0,
	  offsetof(struct settings, trusted_subject_param),
	  "FastCGI parameter nginx sets to the verified single sign-on subject" },
	{ "proposals_per_hour", CONFIG_INT, "10", 0, 100000, offsetof(struct settings, proposals_per_hour),
	  "proposals one person may submit per hour (0: no cap)" },
	{ "supports_per_hour", CONFIG_INT, "120", 0, 100000, offsetof(struct settings, supports_per_hour),
	  "supports one person may give per hour (0: no cap)" },
	/* The staff workspace (docs/STAFF.md) */
	{ "trusted_role_param", CONFIG_STRING, "KENES_TRUSTED_ROLE", 0, 0,
	  offsetof(struct settings, trusted_role_param),
	  "FastCGI parameter nginx sets to the single sign-on's staff role (staff, analyst, moderator)" },
	{ "staff_idle_timeout", CONFIG_INT, "1800", 60, 86400, offsetof(struct settings, staff_idle_timeout),
	  "seconds a staff session may go unused before it ends" },
	{ "staff_session_lifetime", CONFIG_INT, "43200", 300, 604800,
	  offsetof(struct settings, staff_session_lifetime), "seconds a staff session lives at most" },
	{ "staff_sign_in_failures", CONFIG_INT, "5", 1, 1000,
	  offsetof(struct settings, staff_sign_in_failures),
	  "failed staff sign-ins one address may make per minute before it is answered 429" },
};

/* Set by a signal handler, read by every thread: a lock-free atomic is safe for both. */
static atomic_int stopping;

static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

/* Without SA_RESTART, so a blocked accept() returns and the worker can stop. */
static void set_handler(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void usage(void)
{
	printf("Usage: kenes-fcgi [--config FILE] [--check]\n"
	       "\n"
	       "The Kenes FastCGI handler: validates proposals and stores them in PostgreSQL.\n"
	       "nginx passes requests to it over a unix socket (see deploy/nginx/).\n"
	       "\n"
	       "  -c, --config FILE  read settings from FILE (name = value lines)\n"
	       "      --check        check the settings and the database connection, then exit\n"
	       "      --routes       print the route table (methods, path, who may use it), then exit\n"
	       "  -h, --help         show this help\n"
	       "\n");
	config_usage(options, ARRAY_LEN(options));
	printf("\nExit status: 0 after a clean shutdown, 1 on a startup error, 2 on bad usage.\n");
}

/*
 * One line per row of the route table: its methods, its path shape and who may use it
 * ("public", or "token:" or "session:" and the roles). tests/e2e/staff-auth.sh builds its
 * authorization matrix from this, so a new /staff/ row is tested as soon as it exists.
 */
static void print_routes(void)
{
	for (size_t i = 0; i < routes_count; i++) {
		const struct route *r = &routes[i];
		unsigned roles = r->role & ~STAFF_SESSION;

		printf("%s%s%s %s %s%s%s%s\n", r->methods & METHOD_GET ? "GET" : "",
		       r->methods & METHOD_GET && r->methods & ~METHOD_GET ? "," : "",
		       r->methods & METHOD_POST     ? (r->methods & METHOD_DELETE ? "POST,DELETE" : "POST")
		       : r->methods & METHOD_DELETE ? "DELETE"
						    : "",
		       r->path,
		       !r->role                  ? "public"
		       : r->role & STAFF_SESSION ? "session:"
						 : "token:",
		       roles & AUTH_STAFF ? "staff," : "", roles & AUTH_ANALYST ? "analyst," : "",
		       roles & AUTH_MODERATOR ? "moderator," : "");
	}
}

/* Reads the body, refusing more than max_body bytes; false means the reply is made. */
static bool read_body(FCGX_Request *fr, struct request *req, struct buf *body)
{
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
	long length = 0;
	char chunk[8192];
	int n;

	if (cl && *cl && !parse_long(cl, 0, 1L << 40, &length)) {
		reply_error(req, 400, "bad_request", "bad Content-Length");
		return false;
	}
	if (length > req->settings->max_body) {
		reply_error(req, 413, "body_too_large", "the request body is too large");
		return false;
	}
	while (body->len < (size_t)length && (n = FCGX_GetStr(chunk, sizeof(chunk), fr->in)) > 0) {
		if (!buf_append(body, chunk, (size_t)n)) {
			reply_error(req, 413, "body_too_large", "the request body is too large");
			return false;
		}
	}
	if (body->len < (size_t)length) {
		reply_error(req, 400, "bad_request", "the request body is shorter than its Content-Length");
		return false;
	}
	req->body = body->data;
	req->body_len = body->len;
	return true;
}

static const char *param(FCGX_Request *fr, const char *name)
{
	const char *v = FCGX_GetParam(name, fr->envp);
	return v ? v : "";
}

static const char *reason(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 201:
		return "Created";
	case 303:
		return "See Other";
	case 304:
		return "Not Modified";
	case 400:
		return "Bad Request";
	case 401:
		return "Unauthorized";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 409:
		return "Conflict";
	case 413:
		return "Content Too Large";
	case 415:
		return "Unsupported Media Type";
	case 422:
		return "Unprocessable Content";
	case 429:
		return "Too Many Requests";
	case 503:
		return "Service Unavailable";
	default:
		return status < 500 ? "Error" : "Internal Server Error";
	}
}

/*
 * The answers anyone may be given from a cache: an anonymous GET's 200 of a list, a
 * proposal's JSON, a consultation's structure or the comparative table. Not the form page or a proposal's page
 * (each carries a one-time form token, the form's idempotency key), not a receipt, nothing
 * asked with a bearer token. nginx's microcache follows what is said here
 * (deploy/nginx/kenes-server.conf; docs/OPERATIONS.md "The read cache").
 */
static bool public_read(const struct request *req)
{
	return req->status == 200 && request_is_get(req) && !*req->authorization &&
	       (req->route == ROUTE_LIST || req->route == ROUTE_PROPOSAL ||
		req->route == ROUTE_CONSULTATION || req->route == ROUTE_OVERVIEW ||
		req->route == ROUTE_COMPARATIVE);
}

/* A public read: cacheable for a second (stale for one more while nginx refreshes it), with
   an ETag, and 304 without a body when If-None-Match names it. Anything else: no-store. */
static void write_response(FCGX_Request *fr, struct request *req)
{
	char etag[HTTP_CACHE_ETAG_LEN + 1] = "";
	const char *cache = "private, no-store";
	bool body = strcmp(req->method, "HEAD") != 0;

	if (public_read(req)) {
		cache = "public, max-age=1, stale-while-revalidate=1";
		http_cache_etag(req->out.data, req->out.len, etag);
		if (http_cache_matches(FCGX_GetParam("HTTP_IF_NONE_MATCH", fr->envp), etag)) {
			req->status = 304;
			body = false;
		}
	}
	if (!req->sent)
		FCGX_FPrintF(fr->out,
			     "Status: %d %s\r\nContent-Type: %s\r\nCache-Control: %s\r\n%s%s%s%s\r\n",
			     req->status, reason(req->status), req->out_type, cache, *etag ? "ETag: " : "",
			     etag, *etag ? "\r\n" : "", req->headers.data);
	if (body)
		FCGX_PutStr(req->out.data, (int)req->out.len, fr->out);
}

/* A streamed answer's piece (reply_stream_flush): the headers the first time, then the body
   so far, and `out` emptied; a streamed answer is never a public read, so no ETag. */
static void stream_flush(struct request *req)
{
	FCGX_Request *fr = req->flush_arg;

	write_response(fr, req);
	req->sent = true;
	buf_reset(&req->out);
	FCGX_FFlush(fr->out);
}

/*
 * One request from its accept to its answer, with what it owns. A worker has `in_flight`
 * of them; a request thread takes a free one to accept into, and whoever answers the
 * request (the request thread, or the writer after a hand-off) gives it back.
 */
struct exchange {
	FCGX_Request fr;
	struct request req;
	struct buf body, path;
	struct timespec t0;
	struct exchange *next_free;
};

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_freed = PTHREAD_COND_INITIALIZER;
static struct exchange *pool, *pool_free;

/* A free exchange, waiting for one while all are in flight; NULL when stopping. */
static struct exchange *exchange_take(void)
{
	struct exchange *x;

	pthread_mutex_lock(&pool_lock);
	while (!pool_free && !stopping)
		pthread_cond_wait(&pool_freed, &pool_lock);
	x = stopping ? NULL : pool_free;
	if (x)
		pool_free = x->next_free;
	pthread_mutex_unlock(&pool_lock);
	return x;
}

static void exchange_give_back(struct exchange *x)
{
	pthread_mutex_lock(&pool_lock);
	x->next_free = pool_free;
	pool_free = x;
	pthread_cond_signal(&pool_freed);
	pthread_mutex_unlock(&pool_lock);
}

/* Sends the answer, counts and logs it, frees the request and finishes the FastCGI
   request, on whichever thread answered. */
static void exchange_answer(struct exchange *x)
{
	struct request *req = &x->req;
	struct timespec t1;
	double elapsed;

	write_response(&x->fr, req);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	elapsed = (double)(t1.tv_sec - x->t0.tv_sec) + (double)(t1.tv_nsec - x->t0.tv_nsec) / 1e9;
	metrics_request(req->route, req->status, elapsed);
	log_debug("%s %s %d %.1fms", req->method, req->path, req->status, elapsed * 1e3);
	if (req->status >= 500)
		log_warn("%s %s answered %d", req->method, req->path, req->status);
	log_set_request_id(NULL);
	structure_release();
	buf_free(&x->path);
	buf_free(&x->body);
	request_free(req);
	FCGX_Finish_r(&x->fr);
}

/* request.h's `finish`, for a handed-off request: answers it and frees the exchange. */
static void exchange_finish(struct request *req)
{
	struct exchange *x = (struct exchange *)((char *)req - offsetof(struct exchange, req));

	exchange_answer(x);
	exchange_give_back(x);
}

/*
 * Reads the accepted request into x and routes it; answers it (true: x is still this
 * thread's), or hands it to the writer (false). A request on a connection nginx keeps open
 * (fastcgi_keep_conn) is not handed off: that connection is read only by the thread that
 * holds its exchange, so handing its exchange to the writer would leave the connection
 * unread once answered, while its thread accepts another (docs/BENCHMARKS.md, finding 5).
 */
static bool serve_one(struct exchange *x, struct db *db, struct db *read_db, const struct settings *s)
{
	FCGX_Request *fr = &x->fr;
	struct request *req = &x->req;
	const char *uri, *q;

	clock_gettime(CLOCK_MONOTONIC, &x->t0);
	request_init(req);
	buf_init(&x->body, (size_t)s->max_body);
	buf_init(&x->path, 0);
	req->db = db;
	req->read_db = read_db ? read_db : db;
	req->settings = s;
	req->flush = stream_flush;
	req->flush_arg = fr;
	req->finish = fr->keepConnection ? NULL : exchange_finish;
	req->method = param(fr, "REQUEST_METHOD");
	req->content_type = param(fr, "CONTENT_TYPE");
	req->accept_language = param(fr, "HTTP_ACCEPT_LANGUAGE");
	req->request_id = param(fr, "REQUEST_ID");
	req->host = param(fr, "HTTP_HOST");
	req->origin = param(fr, "HTTP_ORIGIN");
	req->sec_fetch_site = param(fr, "HTTP_SEC_FETCH_SITE");
	req->idempotency_key = param(fr, "HTTP_IDEMPOTENCY_KEY");
	req->trusted_subject = param(fr, s->trusted_subject_param);
	req->authorization = param(fr, "HTTP_AUTHORIZATION");
	req->trusted_role = param(fr, s->trusted_role_param);
	req->cookie = param(fr, "HTTP_COOKIE");
	req->remote_addr = param(fr, "REMOTE_ADDR");
	req->https = strcmp(param(fr, "HTTPS"), "on") == 0;
	log_set_request_id(req->request_id);
	/* DOCUMENT_URI is nginx's normalised path; REQUEST_URI is the raw one. */
	uri = param(fr, "DOCUMENT_URI");
	if (!*uri) {
		uri = param(fr, "REQUEST_URI");
		q = strchr(uri, '?');
		buf_append(&x->path, uri, q ? (size_t)(q - uri) : strlen(uri));
		uri = x->path.data;
	}
	req->path = uri;
	req->query = param(fr, "QUERY_STRING");
	if (read_body(fr, req, &x->body))
		routes_dispatch(req);
	if (!req->handed_off) {
		exchange_answer(x);
		return true;
	}
	/* The writer answers: the connections stay this thread's, the structure goes along. */
	req->db = req->read_db = NULL;
	req->structure = structure_detach();
	log_set_request_id(NULL);
	batch_submit(req->handed_off); /* x is the writer's from here on */
	return false;
}

struct request_thread {
	pthread_t id;
	int sock;
	const struct settings *settings;
	atomic_int exited;
};

static struct db_options db_options(const struct settings *s)
{
	struct db_options dbo = db_options_from(&s->db, "kenes-fcgi", &fcgi_statements);

	dbo.require_durability = true;
	dbo.pooled = strcmp(s->pool_mode, "transaction") == 0;
	dbo.on_error = metrics_db_error;
	dbo.on_reconnect = metrics_db_reconnect;
	return dbo;
}

/*
 * The connection for read-only routes that may lag a little (tallies, reports): a hot
 * standby. Its durability settings are its own business: nothing is written through it.
 * NULL when read_database_url is empty (those routes then use the primary).
 */
static struct db *read_db_new(const struct settings *s)
{
	struct db_options dbo = db_options(s);

	if (!*s->read_database_url)
		return NULL;
	dbo.url = s->read_database_url;
	dbo.app_name = "kenes-fcgi-read";
	dbo.require_durability = false;
	return db_new(&dbo);
}

/* SIGUSR1 only interrupts a thread's accept(); the flag `stopping` says why. */
static void on_wake(int sig)
{
	(void)sig;
}

/* Statements run first on each request thread's own connection (not the writers'). */
static const char *const request_session_setup[] = { "session_generic_plans", NULL };

static void *request_thread_main(void *arg)
{
	struct request_thread *t = arg;
	struct db *read_db = read_db_new(t->settings);
	struct db_options dbo = db_options(t->settings);
	struct db *db;
	struct exchange *x = NULL;
	sigset_t wake;

	if (!dbo.pooled)
		dbo.setup = request_session_setup;
	db = db_new(&dbo);
	sigemptyset(&wake);
	sigaddset(&wake, SIGUSR1);
	pthread_sigmask(SIG_UNBLOCK, &wake, NULL);
	/* An exchange stays with its thread until handed off, and with it a kept connection. */
	while (!stopping && (x || (x = exchange_take()))) {
		if (FCGX_Accept_r(&x->fr) < 0) {
			/* Interrupted to stop, or the peer went away before we read it. */
			if (!stopping && errno != EINTR)
				usleep(10 * 1000);
			continue;
		}
		if (!serve_one(x, db, read_db, t->settings))
			x = NULL;
	}
	if (x)
		exchange_give_back(x);
	db_free(read_db);
	db_free(db);
	t->exited = 1;
	return NULL;
}

static int worker_main(int sock, const struct settings *s)
{
	struct db_options dbo = db_options(s);
	struct request_thread *threads = xcalloc((size_t)s->threads, sizeof(*threads));
	sigset_t blocked;
	int sig, alive;

	/* Every thread starts with SIGTERM and SIGUSR1 blocked; this one waits for SIGTERM. */
	set_handler(SIGUSR1, on_wake);
	set_handler(SIGINT, SIG_IGN); /* Ctrl-C reaches the master, which stops us in order. */
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGTERM);
	sigaddset(&blocked, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &blocked, NULL);
	FCGX_Init();
	pool = xcalloc((size_t)s->in_flight, sizeof(*pool));
	for (long i = 0; i < s->in_flight; i++) {
		FCGX_InitRequest(&pool[i].fr, sock, FCGI_FAIL_ACCEPT_ON_INTR);
		exchange_give_back(&pool[i]);
	}
	if (!batch_start(&dbo, (int)s->batch_max, (int)s->writers)) {
		log_error("cannot start the writer thread");
		return 1;
	}
	for (long i = 0; i < s->threads; i++) {
		threads[i].sock = sock;
		threads[i].settings = s;
		if (pthread_create(&threads[i].id, NULL, request_thread_main, &threads[i]) != 0) {
			log_error("cannot start request thread %ld", i);
			threads[i].exited = 1;
		}
	}
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGTERM);
	sigwait(&blocked, &sig);
	stopping = 1;
	/* Wake threads blocked in accept() or waiting for an exchange; repeat, since one may
	   just be entering either. */
	do {
		alive = 0;
		pthread_mutex_lock(&pool_lock);
		pthread_cond_broadcast(&pool_freed);
		pthread_mutex_unlock(&pool_lock);
		for (long i = 0; i < s->threads; i++) {
			if (!threads[i].exited) {
				pthread_kill(threads[i].id, SIGUSR1);
				alive++;
			}
		}
		if (alive)
			usleep(50 * 1000);
	} while (alive);
	for (long i = 0; i < s->threads; i++)
		if (threads[i].id)
			pthread_join(threads[i].id, NULL);
	batch_stop(); /* the writers answer what they hold */
	for (long i = 0; i < s->in_flight; i++)
		FCGX_Free(&pool[i].fr, 1);
	free(pool);
	structure_clear();
	free(threads);
	return 0;
}

static pid_t spawn(int sock, const struct settings *s)
{
	pid_t pid = fork();

	if (pid == 0) {
		int rc = worker_main(sock, s);
		_exit(rc);
	}
	if (pid < 0)
		log_error("fork failed: %s", strerror(errno));
	return pid;
}

static int slot_of(const pid_t *pids, long n, pid_t pid)
{
	for (long i = 0; i < n; i++)
		if (pids[i] == pid)
			return (int)i;
	return -1;
}

/* Waits for the workers after SIGTERM, repeating it (a worker may just be entering accept). */
static void stop_workers(pid_t *pids, long n)
{
	int alive = 0;

	for (long i = 0; i < n; i++)
		alive += pids[i] > 0;
	for (int round = 0; alive > 0; round++) {
		pid_t pid;

		for (long i = 0; i < n; i++) {
			if (pids[i] > 0 && kill(pids[i], round < 100 ? SIGTERM : SIGKILL) != 0 &&
			    errno == ESRCH) {
				pids[i] = 0;
				alive--;
			}
		}
		usleep(100 * 1000);
		while ((pid = waitpid(-1, NULL, WNOHANG)) > 0) {
			int i = slot_of(pids, n, pid);
			if (i >= 0) {
				pids[i] = 0;
				alive--;
			}
		}
	}
}

/*
 * Before serving: a database that answers but runs without durability is refused outright.
 * One that does not answer yet is fine: requests get 503 until it does.
 */
static bool startup_check(const struct settings *s)
{
	struct db_options dbo = db_options(s);
	struct db *db = db_new(&dbo);
	bool up = db_ready(db);
	bool ok = up || strcmp(db_last_error(db)->sqlstate, "55000") != 0;

	if (!ok)
		log_error("refusing to start: %s", db_last_error(db)->message);
	else if (!up)
		log_warn("the database does not answer yet (%s); requests get 503 until it does",
			 db_last_error(db)->message);
	db_free(db);
	return ok;
}

/*
 * libfcgi's rule: "host:port" or ":port" with a port number is TCP (handlers on other hosts
 * than nginx), anything else a unix socket path. TCP has no file mode and nothing to unlink.
 */
static bool socket_is_tcp(const char *socket)
{
	const char *colon = strchr(socket, ':');

	return colon && atoi(colon + 1) > 0;
}

static int master(const struct settings *s)
{
	pid_t pids[MAX_WORKERS] = { 0 };
	time_t last_restart = 0;
	int sock;

	if (!startup_check(s))
		return 1;
	if (!metrics_init()) {
		log_error("cannot map shared memory for metrics: %s", strerror(errno));
		return 1;
	}
	umask(0077);
	sock = FCGX_OpenSocket(s->socket, 1024);
	if (sock < 0) {
		log_error("cannot listen on %s: %s", s->socket, strerror(errno));
		return 1;
	}
	if (!socket_is_tcp(s->socket) && chmod(s->socket, (mode_t)s->socket_mode) != 0) {
		log_error("cannot chmod %s: %s", s->socket, strerror(errno));
		return 1;
	}
	set_handler(SIGTERM, on_stop);
	set_handler(SIGINT, on_stop);
	signal(SIGPIPE, SIG_IGN);
	for (long i = 0; i < s->workers; i++)
		pids[i] = spawn(sock, s);
	log_info("listening on %s with %ld workers of %ld threads", s->socket, s->workers, s->threads);
	while (!stopping) {
		int status;
		pid_t pid = waitpid(-1, &status, 0);
		int i;

		if (pid < 0)
			continue; /* EINTR: a signal; the loop condition decides */
		i = slot_of(pids, s->workers, pid);
		if (i < 0)
			continue;
		pids[i] = 0;
		if (stopping)
			break;
		if (WIFSIGNALED(status))
			log_error("worker %d killed by signal %d; restarting it", (int)pid, WTERMSIG(status));
		else
			log_error("worker %d exited with %d; restarting it", (int)pid, WEXITSTATUS(status));
		metrics_worker_restart();
		/* A worker that dies at once every time must not become a fork loop. */
		if (time(NULL) == last_restart)
			sleep(1);
		last_restart = time(NULL);
		pids[i] = spawn(sock, s);
	}
	log_info("stopping: waiting for workers to finish their requests");
	stop_workers(pids, s->workers);
	if (!socket_is_tcp(s->socket))
		unlink(s->socket);
	log_info("stopped");
	return 0;
}

static int check(const struct settings *s)
{
	struct db_options dbo = db_options(s);
	struct db *db = db_new(&dbo);
	bool ok = db_ready(db) && structure_refresh(db, 0);

	printf("%s\n", ok ? "ok: the database answers and every statement prepares" : "failed");
	structure_clear();
	db_free(db);
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "check", no_argument, NULL, 'k' },
		{ "routes", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct settings s = { 0 };
	const char *config_path = NULL;
	char err[512];
	enum log_level level;
	bool check_only = false;
	int c, rc;

	/*
	 * Out of memory kills the worker (the master starts another) rather than corrupting a
	 * request: Jansson's parser drops characters when an allocation fails (its lexer does
	 * not check), which would store a text other than the one sent.
	 */
	json_set_alloc_funcs(xmalloc, free);
	while ((c = getopt_long(argc, argv, "c:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config_path = optarg;
			break;
		case 'k':
			check_only = true;
			break;
		case 'r':
			print_routes();
			return 0;
		case 'h':
			usage();
			return 0;
		default:
			fprintf(stderr, "Try 'kenes-fcgi --help'.\n");
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "kenes-fcgi: unexpected argument \"%s\"\nTry 'kenes-fcgi --help'.\n",
			argv[optind]);
		return 2;
	}
	if (!config_load(options, ARRAY_LEN(options), &s, config_path, err, sizeof(err))) {
		fprintf(stderr, "kenes-fcgi: %s\n", err);
		return 1;
	}
	if (!log_parse_level(s.log_level, &level)) {
		fprintf(stderr, "kenes-fcgi: log_level must be debug, info, warn or error\n");
		return 1;
	}
	log_set_level(level);
	if (strcmp(s.pool_mode, "session") != 0 && strcmp(s.pool_mode, "transaction") != 0) {
		fprintf(stderr, "kenes-fcgi: pool_mode must be session or transaction\n");
		return 1;
	}
	/* SET ROLE would stay behind on a pooled server connection for other clients. */
	if (strcmp(s.pool_mode, "transaction") == 0 && *s.db.role) {
		fprintf(stderr, "kenes-fcgi: with pool_mode = transaction, leave database_role empty "
				"and log in as a member of the role (see docs/SCALING.md)\n");
		return 1;
	}
	/* Client headers arrive as HTTP_*; a subject must come from nginx itself. */
	if (strncmp(s.trusted_subject_param, "HTTP_", 5) == 0 ||
	    strncmp(s.trusted_role_param, "HTTP_", 5) == 0) {
		fprintf(stderr,
			"kenes-fcgi: trusted_subject_param and trusted_role_param must not start with HTTP_ "
			"(clients set those)\n");
		return 1;
	}
	if (!identity_key_load(s.pseudonym_key_file, err, sizeof(err))) {
		fprintf(stderr, "kenes-fcgi: %s\n", err);
		return 1;
	}
	rc = check_only ? check(&s) : master(&s);
	identity_key_free();
	config_free(options, ARRAY_LEN(options), &s);
	return rc;
}
