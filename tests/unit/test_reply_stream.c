/*
 * test_reply_stream.c - a streamed answer (reply.h): each flush hands the hook what the body
 * holds so far and empties it, so an export never holds more than a piece; without a hook (as
 * here elsewhere) the body just stays; an answer that is not streamed never calls the hook.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "reply.h"
#include "request.h"

struct sent {
	int calls;
	struct buf all;
};

/* A stand-in for main.c's hook: collects the pieces, then empties the body as it does. */
static void collect(struct request *req)
{
	struct sent *s = req->flush_arg;

	s->calls++;
	buf_append(&s->all, req->out.data, req->out.len);
	req->sent = true;
	buf_reset(&req->out);
}

static void test_pieces(void **state)
{
	struct request req;
	struct sent s = { 0 };

	(void)state;
	request_init(&req);
	buf_init(&s.all, 0);
	req.flush = collect;
	req.flush_arg = &s;
	reply_stream_begin(&req, 200, "text/csv; charset=utf-8");
	assert_int_equal(req.status, 200);
	assert_string_equal(req.out_type, "text/csv; charset=utf-8");
	buf_puts(&req.out, "a,b\r\n");
	reply_stream_flush(&req);
	assert_int_equal(req.out.len, 0);
	buf_puts(&req.out, "1,2\r\n");
	reply_stream_flush(&req);
	assert_int_equal(s.calls, 2);
	assert_string_equal(s.all.data, "a,b\r\n1,2\r\n");
	assert_true(req.sent);
	buf_free(&s.all);
	request_free(&req);
}

static void test_without_a_hook_the_body_stays(void **state)
{
	struct request req;

	(void)state;
	request_init(&req);
	reply_stream_begin(&req, 200, "text/csv; charset=utf-8");
	buf_puts(&req.out, "a,b\r\n");
	reply_stream_flush(&req);
	buf_puts(&req.out, "1,2\r\n");
	reply_stream_flush(&req);
	assert_string_equal(req.out.data, "a,b\r\n1,2\r\n");
	request_free(&req);
}

static void test_not_streamed_never_flushes(void **state)
{
	struct request req;
	struct sent s = { 0 };

	(void)state;
	request_init(&req);
	buf_init(&s.all, 0);
	req.flush = collect;
	req.flush_arg = &s;
	buf_puts(&req.out, "{}");
	reply_stream_flush(&req);
	assert_int_equal(s.calls, 0);
	assert_string_equal(req.out.data, "{}");
	buf_free(&s.all);
	request_free(&req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_without_a_hook_the_body_stays),
		cmocka_unit_test(test_not_streamed_never_flushes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
