#include "db_settings.h"

struct db_options db_options_from(const struct db_settings *s, const char *app_name,
				  const struct db_statements *statements)
{
	struct db_options o = {
		.url = s->url,
		.role = s->role,
		.app_name = app_name,
		.statements = statements,
		.connect_timeout = s->connect_timeout,
		.statement_timeout = s->statement_timeout,
	};
	return o;
}
