/*
 * kenes-aggregator - turns proposals and supports into tallies and reports.
 *
 * One command per run (see usage()). Options may come before or after the command. The
 * exit status says what happened (enum agg_status); the reason, if any, is one line on
 * standard error. Reports and tokens go to standard output (or --out), logs to standard
 * error, and a progress bar only when standard error is a terminal.
 */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agg.h"
#include "archive.h"
#include "cli.h"
#include "config.h"
#include "conn.h"
#include "log.h"
#include "period.h"
#include "report.h"
#include "session.h"
#include "suggest.h"
#include "tally.h"
#include "token.h"
#include "util.h"

static const struct config_option options[] = {
	{ "database_url", CONFIG_STRING, "dbname=kenes", 0, 0, offsetof(struct agg_settings, db.url),
	  "libpq connection string or URI (also --database, DATABASE_URL)" },
	{ "database_role", CONFIG_STRING, "", 0, 0, offsetof(struct agg_settings, db.role),
	  "role to SET after connecting, e.g. kenes_aggregator (empty: the login's own)" },
	{ "connect_timeout", CONFIG_INT, "5", 1, 300, offsetof(struct agg_settings, db.connect_timeout),
	  "seconds to wait for the database" },
	{ "statement_timeout", CONFIG_INT, "0", 0, 86400000,
	  offsetof(struct agg_settings, db.statement_timeout),
	  "milliseconds a statement may run (0: no limit)" },
	{ "work_mem", CONFIG_STRING, "64MB", 0, 0, offsetof(struct agg_settings, work_mem),
	  "PostgreSQL work_mem for the aggregator's sorts and hashes" },
	{ "time_zone", CONFIG_STRING, "Asia/Almaty", 0, 0, offsetof(struct agg_settings, time_zone),
	  "days and ISO weeks are counted in this zone (changing it needs refresh --full)" },
	{ "batch_size", CONFIG_INT, "100000", 1, 1000000, offsetof(struct agg_settings, batch_size),
	  "oldest queued changes whose proposals one statement recounts (with all their changes)" },
	{ "top_proposals", CONFIG_INT, "3", 0, 50, offsetof(struct agg_settings, top_proposals),
	  "most supported proposals shown per part in a report" },
	{ "excerpt_chars", CONFIG_INT, "160", 20, 2000, offsetof(struct agg_settings, excerpt_chars),
	  "characters of each proposal excerpt in a report" },
	{ "campaigns", CONFIG_INT, "1", 0, 1, offsetof(struct agg_settings, campaigns),
	  "1: refresh also groups near-identical proposals into campaigns (0: leave them as they are)" },
	{ "campaigns_shown", CONFIG_INT, "20", 0, 1000, offsetof(struct agg_settings, campaigns_shown),
	  "largest campaigns (near-identical proposals) listed in a report" },
	{ "campaign_burst", CONFIG_INT, "10", 2, 100000, offsetof(struct agg_settings, campaign_burst),
	  "proposals of one campaign within one minute that flag it as a burst" },
	{ "weekly_reports", CONFIG_INT, "1", 0, 1, offsetof(struct agg_settings, weekly_reports),
	  "1: refresh issues the report of every ISO week that is over" },
	{ "log_level", CONFIG_STRING, "info", 0, 0, offsetof(struct agg_settings, log_level),
	  "debug, info, warn or error" },
};

/* What the command line asked for. */
struct cli {
	const char *config_path;
	const char *database;
	bool quiet, full, wait, no_refresh, bom, help;
	const char *session, *week, *from, *to, *format, *lang, *out, *consultation, *role, *name;
	char **args; /* the command and its operands */
	int nargs;
};

static void usage(FILE *f)
{
	fprintf(f, "Usage: kenes-aggregator [OPTIONS] COMMAND [ARGUMENTS]\n"
		   "\n"
		   "Keeps the Kenes tallies (proposals, people and supports per part, stance, topic,\n"
		   "region, channel, day and week) and writes the reports the Commission reads.\n"
		   "\n"
		   "Commands:\n"
		   "  refresh [--full]          bring the tallies and the campaigns (near-identical\n"
		   "                            proposals) up to date with what changed since the last\n"
		   "                            refresh (--full: rebuild them from scratch), then issue\n"
		   "                            the reports of ISO weeks that are over and of the\n"
		   "                            sessions staff asked for in the workspace\n"
		   "  suggest                   propose anew, per part of the draft, groups of proposals\n"
		   "                            that ask for the same thing in other words (run it after\n"
		   "                            refresh: a campaign counts as one text)\n"
		   "  report --session N | --week YYYY-Www | --from DATE --to DATE\n"
		   "                            write a report (refreshing the tallies first); a session's\n"
		   "                            or week's report made after its period is over is issued:\n"
		   "                            stored, and from then on written exactly as stored\n"
		   "      --format FORMAT       html (default), csv, json or md\n"
		   "      --lang LANG           kk, ru (default) or en: labels and words of the report\n"
		   "      --out FILE            write to FILE instead of standard output\n"
		   "      --bom                 CSV: begin with a UTF-8 byte order mark (for Excel)\n"
		   "      --no-refresh          use the tallies as they are\n"
		   "  session add NUMBER DATE TITLE\n"
		   "                            record a Commission session; its report covers the days\n"
		   "                            from the previous session (or the opening) to DATE - 1\n"
		   "  session list              the sessions, their periods and issued reports\n"
		   "  token create --role ROLE --name NAME\n"
		   "                            create a bearer token for the APIs (ROLE: staff, analyst,\n"
		   "                            moderator) and print it once; only its hash is stored\n"
		   "  token revoke ID           revoke a token\n"
		   "  token list                the tokens (never the tokens themselves)\n"
		   "  archive --out DIR         write the open-data archive of the consultation into DIR:\n"
		   "                            CSV and JSON Lines of everything public, a README of every\n"
		   "                            column, SHA256SUMS; the same database gives the same bytes\n"
		   "  status                    when the tallies were refreshed, what waits in the queue\n"
		   "  check                     check the settings, the database and every statement\n"
		   "\n"
		   "Options:\n"
		   "  -d, --database URL        libpq connection string or URI (overrides database_url,\n"
		   "                            KENES_DATABASE_URL and DATABASE_URL, in that order)\n"
		   "  -c, --config FILE         read settings from FILE (name = value lines)\n"
		   "      --consultation SLUG   the consultation (default: the only one not in draft, or\n"
		   "                            among several the only open one)\n"
		   "      --wait                wait for another running aggregator instead of failing\n"
		   "  -q, --quiet               no progress bar (it is only drawn on a terminal anyway)\n"
		   "  -h, --help                show this help\n"
		   "\n");
	config_usage(options, ARRAY_LEN(options));
	fprintf(f, "\n"
		   "Exit status:\n"
		   "  0  done\n"
		   "  1  a database or file error (the tallies are left as they were)\n"
		   "  2  bad usage or settings\n"
		   "  3  another aggregator is running (try again, or use --wait)\n"
		   "  4  no such consultation, session, report or token\n"
		   "  5  an issued report fails its checksum, or the tallies broke an invariant\n"
		   "\n"
		   "Examples:\n"
		   "  kenes-aggregator refresh\n"
		   "  kenes-aggregator session add 5 2026-02-05 \"Fifth session\"\n"
		   "  kenes-aggregator report --session 5 --lang ru --out session-5.html\n"
		   "  kenes-aggregator report --week 2026-W05 --format csv --bom --out week-05.csv\n"
		   "  kenes-aggregator archive --out /srv/open-data/constitution-2026\n"
		   "See docs/AGGREGATOR.md.\n");
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "kenes-aggregator: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'kenes-aggregator --help'.\n");
	return AGG_USAGE;
}

/* Every option; those after the first GLOBAL_OPTIONS belong to commands (check_options). */
static const struct cli_option cli_options[] = {
	{ "config", 'c', true, offsetof(struct cli, config_path) },
	{ "database", 'd', true, offsetof(struct cli, database) },
	{ "quiet", 'q', false, offsetof(struct cli, quiet) },
	{ "help", 'h', false, offsetof(struct cli, help) },
	{ "full", 0, false, offsetof(struct cli, full) },
	{ "wait", 0, false, offsetof(struct cli, wait) },
	{ "no-refresh", 0, false, offsetof(struct cli, no_refresh) },
	{ "bom", 0, false, offsetof(struct cli, bom) },
	{ "session", 0, true, offsetof(struct cli, session) },
	{ "week", 0, true, offsetof(struct cli, week) },
	{ "from", 0, true, offsetof(struct cli, from) },
	{ "to", 0, true, offsetof(struct cli, to) },
	{ "format", 0, true, offsetof(struct cli, format) },
	{ "lang", 0, true, offsetof(struct cli, lang) },
	{ "out", 0, true, offsetof(struct cli, out) },
	{ "consultation", 0, true, offsetof(struct cli, consultation) },
	{ "role", 0, true, offsetof(struct cli, role) },
	{ "name", 0, true, offsetof(struct cli, name) },
};
enum { GLOBAL_OPTIONS = 4 };

static int parse_cli(int argc, char **argv, struct cli *cli)
{
	const char *bad = NULL;
	int first = 0;

	switch (cli_parse(argc, argv, cli_options, ARRAY_LEN(cli_options), cli, &first, &bad)) {
	case CLI_NO_VALUE:
		return usage_error("option %s needs a value", bad);
	case CLI_UNKNOWN:
		return usage_error("unknown option %s", bad);
	case CLI_OK:
		break;
	}
	cli->args = argv + first;
	cli->nargs = argc - first;
	return AGG_OK;
}

/* The options each command accepts, to refuse the others instead of ignoring them. */
static int check_options(const struct cli *cli, const char *command, const char *allowed)
{
	const char *base = (const char *)cli;

	for (size_t i = GLOBAL_OPTIONS; i < ARRAY_LEN(cli_options); i++) {
		const struct cli_option *o = &cli_options[i];
		bool given = o->takes_value ? *(const char *const *)(base + o->offset) != NULL
					    : *(const bool *)(base + o->offset);
		char word[32];

		snprintf(word, sizeof(word), " %s ", o->name);
		if (given && !strstr(allowed, word)) {
			fprintf(stderr,
				"kenes-aggregator: %s does not take --%s\nTry 'kenes-aggregator --help'.\n",
				command, o->name);
			return AGG_USAGE;
		}
	}
	return AGG_OK;
}

/* What a command needs from its operands and options, checked before connecting. */
struct job {
	struct report_request report;
	long number; /* session add: the session; token revoke: the token id */
};

static bool parse_number(const char *text, const char *what, long *out, struct agg_error *err)
{
	if (!parse_long(text, 1, 2147483647L, out))
		return agg_fail(err, AGG_USAGE, "%s must be a whole number from 1, not \"%s\"", what, text);
	return true;
}

/* Fills the report request from --session/--week/--from/--to and the output options. */
static bool prepare_report(const struct cli *cli, struct job *job, struct agg_error *err)
{
	struct report_request *r = &job->report;
	int periods = (cli->session != NULL) + (cli->week != NULL) + (cli->from != NULL || cli->to != NULL);

	r->consultation = cli->consultation;
	r->bom = cli->bom;
	r->refresh = !cli->no_refresh;
	r->wait = cli->wait;
	r->progress = !cli->quiet;
	r->out_path = cli->out;
	r->format = FORMAT_HTML;
	r->lang = LANG_RU;
	if (periods != 1)
		return agg_fail(err, AGG_USAGE,
				"report needs one of --session N, --week YYYY-Www or --from DATE --to DATE");
	if (cli->session) {
		r->kind = REPORT_SESSION;
		if (!parse_number(cli->session, "--session", &r->session, err))
			return false;
	} else if (cli->week) {
		r->kind = REPORT_WEEK;
		if (!period_parse_week(cli->week, &r->week_monday))
			return agg_fail(err, AGG_USAGE,
					"--week must name an ISO week like 2026-W05, not \"%s\"", cli->week);
	} else {
		r->kind = REPORT_RANGE;
		if (!cli->from || !cli->to)
			return agg_fail(err, AGG_USAGE, "--from and --to go together");
		if (!period_parse_date(cli->from, &r->from))
			return agg_fail(err, AGG_USAGE, "--from must be a date like 2026-02-01, not \"%s\"",
					cli->from);
		if (!period_parse_date(cli->to, &r->to))
			return agg_fail(err, AGG_USAGE, "--to must be a date like 2026-02-28, not \"%s\"",
					cli->to);
		if (r->from > r->to)
			return agg_fail(err, AGG_USAGE, "--from %s is after --to %s", cli->from, cli->to);
		if (r->to - r->from > 3660)
			return agg_fail(err, AGG_USAGE, "a report covers at most ten years");
	}
	if (cli->format && !report_format_parse(cli->format, &r->format))
		return agg_fail(err, AGG_USAGE, "--format must be html, csv, json or md, not \"%s\"",
				cli->format);
	if (cli->lang && !report_lang_parse(cli->lang, &r->lang))
		return agg_fail(err, AGG_USAGE, "--lang must be kk, ru or en, not \"%s\"", cli->lang);
	if (r->bom && r->format != FORMAT_CSV)
		return agg_fail(err, AGG_USAGE, "--bom is for --format csv");
	return true;
}

static bool prepare_session_add(const struct cli *cli, struct job *job, struct agg_error *err)
{
	return parse_number(cli->args[2], "the session number", &job->number, err);
}

static bool prepare_token_create(const struct cli *cli, struct job *job, struct agg_error *err)
{
	(void)job;
	if (!cli->role || !cli->name)
		return agg_fail(err, AGG_USAGE, "token create needs --role ROLE and --name NAME");
	return true;
}

static bool prepare_archive(const struct cli *cli, struct job *job, struct agg_error *err)
{
	(void)job;
	if (!cli->out || !cli->out[0])
		return agg_fail(err, AGG_USAGE, "archive needs --out DIR");
	return true;
}

static bool prepare_token_revoke(const struct cli *cli, struct job *job, struct agg_error *err)
{
	return parse_number(cli->args[2], "the token id", &job->number, err);
}

/*
 * Creates this month's and the next three months' partitions (migration 023) before the
 * refresh's snapshot, so that none is ever missing when its month comes. A month that could
 * not be created (rows already in a DEFAULT partition, a lock not granted in time) is a
 * warning: the rows are stored either way, and the next refresh tries again.
 */
static bool ensure_partitions(struct conn *c, struct agg_error *err)
{
	PGresult *res =
		conn_run(c, "partitions_ensure", 0, NULL, "creating the coming months' partitions", err);

	if (!res)
		return false;
	for (int i = 0; i < PQntuples(res); i++) {
		const char *name = PQgetvalue(res, i, 0), *action = PQgetvalue(res, i, 1);

		if (strcmp(action, "created") == 0)
			log_info("created partition %s", name);
		else
			log_warn("partition %s: %s", name, action);
	}
	PQclear(res);
	return true;
}

static bool run_refresh(struct conn *c, const struct agg_settings *s, const struct cli *cli,
			const struct job *job, struct agg_error *err)
{
	struct tally_stats st;
	struct timespec t0, t1;
	double seconds;
	int issued = 0, requested = 0;

	(void)job;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (!conn_lock(c, cli->wait, err) || !ensure_partitions(c, err) || !conn_begin(c, err) ||
	    !tally_refresh(c, s, cli->full, !cli->quiet, &st, err) ||
	    (s->weekly_reports && !report_issue_due_weeks(c, s, !cli->quiet, &issued, err)) ||
	    !report_issue_requested(c, s, &requested, err) || !conn_commit(c, err))
		return false;
	if (issued || requested)
		report_restore_point(c);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (st.full)
		log_info("rebuilt the tallies from scratch: %lld proposals counted, as of %s (%.1fs)",
			 st.proposals, st.refreshed_at, seconds);
	else
		log_info("refreshed the tallies: %lld changes applied (%lld proposals, %lld support days), "
			 "as of %s (%.1fs)",
			 st.changes, st.proposals, st.support_days, st.refreshed_at, seconds);
	if (s->campaigns)
		log_info("campaigns%s: %lld proposals read (%lld new texts), %lld status changes, %lld "
			 "campaigns created, "
			 "%lld comparisons",
			 st.campaigns.full ? " rebuilt" : "", st.campaigns.proposals, st.campaigns.texts,
			 st.campaigns.status, st.campaigns.created, st.campaigns.compared);
	if (issued)
		log_info("issued %d weekly report%s", issued, issued == 1 ? "" : "s");
	return true;
}

static bool run_suggest(struct conn *c, const struct agg_settings *s, const struct cli *cli,
			const struct job *job, struct agg_error *err)
{
	struct suggest_stats st;

	(void)s;
	(void)job;
	if (!suggest_run(c, cli->wait, &st, err))
		return false;
	log_info("suggestions: %lld proposals read (%lld texts), %lld suggestions of %lld proposals",
		 st.proposals, st.texts, st.suggestions, st.members);
	return true;
}

static bool run_report(struct conn *c, const struct agg_settings *s, const struct cli *cli,
		       const struct job *job, struct agg_error *err)
{
	(void)cli;
	return report_run(c, s, &job->report, err);
}

static bool run_session_add(struct conn *c, const struct agg_settings *s, const struct cli *cli,
			    const struct job *job, struct agg_error *err)
{
	return session_add(c, s, cli->consultation, job->number, cli->args[3], cli->args[4], err);
}

static bool run_session_list(struct conn *c, const struct agg_settings *s, const struct cli *cli,
			     const struct job *job, struct agg_error *err)
{
	(void)job;
	return session_list(c, s, cli->consultation, stdout, err);
}

static bool run_token_create(struct conn *c, const struct agg_settings *s, const struct cli *cli,
			     const struct job *job, struct agg_error *err)
{
	(void)s;
	(void)job;
	return token_create(c, cli->role, cli->name, stdout, err);
}

static bool run_token_revoke(struct conn *c, const struct agg_settings *s, const struct cli *cli,
			     const struct job *job, struct agg_error *err)
{
	(void)s;
	(void)cli;
	return token_revoke(c, job->number, err);
}

static bool run_token_list(struct conn *c, const struct agg_settings *s, const struct cli *cli,
			   const struct job *job, struct agg_error *err)
{
	(void)s;
	(void)cli;
	(void)job;
	return token_list(c, stdout, err);
}

static bool run_archive(struct conn *c, const struct agg_settings *s, const struct cli *cli,
			const struct job *job, struct agg_error *err)
{
	(void)job;
	return archive_write(c, s, cli->consultation, cli->out, err);
}

static bool run_status(struct conn *c, const struct agg_settings *s, const struct cli *cli,
		       const struct job *job, struct agg_error *err)
{
	PGresult *res =
		conn_run_row(c, "status", 1, (const char *const *)&s->time_zone, "reading the status", err);

	(void)cli;
	(void)job;
	if (!res)
		return false;
	if (PQgetisnull(res, 0, 0)) {
		printf("tallies:          never made (run `kenes-aggregator refresh`)\n");
	} else {
		printf("tallies:          as of %s, days in %s\n", PQgetvalue(res, 0, 1),
		       PQgetvalue(res, 0, 0));
		printf("last rebuild:     %s (%s changes applied since)\n", PQgetvalue(res, 0, 2),
		       PQgetvalue(res, 0, 3));
		printf("proposals:        %s counted\n", PQgetvalue(res, 0, 5));
	}
	printf("waiting changes:  %s\n", PQgetvalue(res, 0, 4));
	printf("issued reports:   %s\n", PQgetvalue(res, 0, 6));
	printf("today:            %s (%s)\n", PQgetvalue(res, 0, 7), s->time_zone);
	PQclear(res);
	return true;
}

static bool run_check(struct conn *c, const struct agg_settings *s, const struct cli *cli,
		      const struct job *job, struct agg_error *err)
{
	(void)c;
	(void)s;
	(void)cli;
	(void)job;
	(void)err;
	/* Connecting prepared every statement already. */
	printf("ok: the settings are valid, the database answers and every statement prepares\n");
	return true;
}

static const struct command {
	const char *name, *sub; /* sub: NULL for a command without subcommands */
	const char *options;    /* the long options it takes, each between spaces */
	int operands;           /* after the command and subcommand */
	bool (*prepare)(const struct cli *, struct job *, struct agg_error *);
	bool (*run)(struct conn *, const struct agg_settings *, const struct cli *, const struct job *,
		    struct agg_error *);
} commands[] = {
	{ "refresh", NULL, " full wait ", 0, NULL, run_refresh },
	{ "suggest", NULL, " wait ", 0, NULL, run_suggest },
	{ "report", NULL, " session week from to format lang out bom no-refresh wait consultation ", 0,
	  prepare_report, run_report },
	{ "session", "add", " consultation ", 3, prepare_session_add, run_session_add },
	{ "session", "list", " consultation ", 0, NULL, run_session_list },
	{ "token", "create", " role name ", 0, prepare_token_create, run_token_create },
	{ "token", "revoke", " ", 1, prepare_token_revoke, run_token_revoke },
	{ "token", "list", " ", 0, NULL, run_token_list },
	{ "archive", NULL, " out consultation ", 0, prepare_archive, run_archive },
	{ "status", NULL, " ", 0, NULL, run_status },
	{ "check", NULL, " ", 0, NULL, run_check },
};

/* The command named on the command line, with its operands and options checked. */
static const struct command *find_command(const struct cli *cli, int *rc)
{
	const char *name = cli->args[0], *sub = cli->nargs > 1 ? cli->args[1] : NULL;
	bool known_name = false;

	*rc = AGG_USAGE;
	for (size_t i = 0; i < ARRAY_LEN(commands); i++) {
		const struct command *cmd = &commands[i];
		int given;

		if (strcmp(cmd->name, name) != 0)
			continue;
		known_name = true;
		if (cmd->sub && (!sub || strcmp(cmd->sub, sub) != 0))
			continue;
		given = cli->nargs - 1 - (cmd->sub ? 1 : 0);
		if (given != cmd->operands) {
			fprintf(stderr,
				"kenes-aggregator: %s%s%s takes %d argument%s, not %d\nTry 'kenes-aggregator "
				"--help'.\n",
				cmd->name, cmd->sub ? " " : "", cmd->sub ? cmd->sub : "", cmd->operands,
				cmd->operands == 1 ? "" : "s", given);
			return NULL;
		}
		if (check_options(cli, name, cmd->options) != AGG_OK)
			return NULL;
		*rc = AGG_OK;
		return cmd;
	}
	if (known_name)
		usage_error("%s needs a subcommand (see --help)", name);
	else
		usage_error("unknown command \"%s\"", name);
	return NULL;
}

/* database_url: --database, then KENES_DATABASE_URL (config_load), then DATABASE_URL. */
static void database_url_override(struct agg_settings *s, const char *from_cli)
{
	const char *url = from_cli;

	if (!url && !getenv("KENES_DATABASE_URL"))
		url = getenv("DATABASE_URL");
	if (url) {
		free(s->db.url);
		s->db.url = xstrdup(url);
	}
}

int main(int argc, char **argv)
{
	struct cli cli = { 0 };
	struct job job = { 0 };
	struct agg_settings s = { 0 };
	struct agg_error err = { .status = AGG_OK };
	struct conn c = { 0 };
	const struct command *cmd;
	enum log_level level;
	char message[512];
	int rc;

	json_set_alloc_funcs(xmalloc, free); /* out of memory aborts, never a silently short string */
	if ((rc = parse_cli(argc, argv, &cli)) != AGG_OK)
		return rc;
	if (cli.help) {
		usage(stdout);
		return AGG_OK;
	}
	if (cli.nargs == 0)
		return usage_error("%s", "no command given");
	if (!(cmd = find_command(&cli, &rc)))
		return rc;
	if (cmd->prepare && !cmd->prepare(&cli, &job, &err)) {
		fprintf(stderr, "kenes-aggregator: %s\nTry 'kenes-aggregator --help'.\n", err.message);
		return err.status;
	}
	if (!config_load(options, ARRAY_LEN(options), &s, cli.config_path, message, sizeof(message))) {
		fprintf(stderr, "kenes-aggregator: %s\n", message);
		config_free(options, ARRAY_LEN(options), &s);
		return AGG_USAGE;
	}
	database_url_override(&s, cli.database);
	if (!log_parse_level(s.log_level, &level)) {
		fprintf(stderr,
			"kenes-aggregator: log_level must be debug, info, warn or error, not \"%s\"\n",
			s.log_level);
		config_free(options, ARRAY_LEN(options), &s);
		return AGG_USAGE;
	}
	log_set_level(level);
	rc = conn_open(&c, &s, &err) && cmd->run(&c, &s, &cli, &job, &err) ? AGG_OK : err.status;
	if (rc != AGG_OK)
		fprintf(stderr, "kenes-aggregator: %s\n", err.message);
	conn_close(&c);
	config_free(options, ARRAY_LEN(options), &s);
	return rc;
}
