/*
 * echo-fcgi - the no-database baseline of bench/ingest: a minimal libfcgi responder shaped
 * like kenes-fcgi (a master forks `workers` processes; each runs `threads` threads blocked
 * in FCGX_Accept_r on the same socket). It reads the whole body and answers 201 with the
 * body echoed back as JSON, so nginx, the FastCGI protocol and the copy of a proposal-sized
 * body both ways are measured, and nothing else.
 *
 * Usage: echo-fcgi SOCKET [WORKERS [THREADS]]. SIGTERM stops it and its workers.
 */
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_BODY  (128 * 1024)
#define MAX_PROCS 256

static int listen_sock;

static void *serve(void *arg)
{
	FCGX_Request fr;
	char *body = malloc(MAX_BODY);

	(void)arg;
	if (!body)
		abort();
	FCGX_InitRequest(&fr, listen_sock, 0);
	while (FCGX_Accept_r(&fr) >= 0) {
		int n, len = 0;

		while (len < MAX_BODY && (n = FCGX_GetStr(body + len, MAX_BODY - len, fr.in)) > 0)
			len += n;
		FCGX_FPrintF(fr.out, "Status: 201 Created\r\nContent-Type: application/json\r\n"
				     "Cache-Control: no-store\r\n\r\n{\"echo\": ");
		FCGX_PutStr(body, len, fr.out);
		FCGX_PutS("}\n", fr.out);
		FCGX_Finish_r(&fr);
	}
	free(body);
	return NULL;
}

static void worker(int threads)
{
	pthread_t ids[MAX_PROCS];

	signal(SIGTERM, SIG_DFL);
	FCGX_Init();
	for (int i = 1; i < threads; i++)
		if (pthread_create(&ids[i], NULL, serve, NULL) != 0)
			abort();
	serve(NULL);
	_exit(0);
}

static pid_t children[MAX_PROCS];
static int nchildren;

static const char *socket_path;

static void stop(int sig)
{
	(void)sig;
	for (int i = 0; i < nchildren; i++)
		kill(children[i], SIGTERM);
	unlink(socket_path);
	_exit(0);
}

int main(int argc, char **argv)
{
	int workers = argc > 2 ? atoi(argv[2]) : 2;
	int threads = argc > 3 ? atoi(argv[3]) : 1;

	if (argc < 2 || workers < 1 || workers > MAX_PROCS || threads < 1 || threads > MAX_PROCS) {
		fprintf(stderr, "usage: echo-fcgi SOCKET [WORKERS [THREADS]]\n");
		return 2;
	}
	umask(0);
	socket_path = argv[1];
	listen_sock = FCGX_OpenSocket(argv[1], 1024);
	if (listen_sock < 0) {
		perror("echo-fcgi: cannot listen");
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	signal(SIGTERM, stop);
	signal(SIGINT, stop);
	for (int i = 0; i < workers; i++) {
		pid_t pid = fork();
		if (pid == 0)
			worker(threads);
		children[nchildren++] = pid;
	}
	while (wait(NULL) > 0)
		;
	return 0;
}
