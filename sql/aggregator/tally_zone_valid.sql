-- $1 time zone setting. True when it is a zone name PostgreSQL knows (e.g. Asia/Almaty);
-- abbreviations and POSIX offsets are refused, their meaning is too easy to get wrong.
SELECT EXISTS (SELECT FROM pg_catalog.pg_timezone_names WHERE name = $1::text)
