# deploy/lib.sh - shell functions shared by deploy/run.sh (make run) and tests/run-all.sh.
# Source it; it defines functions and KENES_ROOT, and changes nothing by itself.
#
# A local PostgreSQL cluster lives in a directory DIR: DIR/data (the cluster), DIR/run (its
# unix socket, port 5432 there, no TCP), DIR/postgres.log. initdb refuses to run as root,
# so as root the cluster runs as the `postgres` system user.

KENES_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KENES_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

kenes_as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

kenes_pg_url() { # DIR USER [DBNAME]
	echo "host=$1/run port=5432 user=$2 dbname=${3:-kenes}"
}

# Prints where the cluster meant for DIR lives. As root, PostgreSQL runs as `postgres`,
# which cannot enter a checkout under a private directory (/root is 0700 on Debian): then the
# cluster lives in /var/lib/kenes/<checkout's hash>/pg and DIR is a symbolic link to it, so
# DIR/run is still its socket. Otherwise DIR itself.
kenes_pg_place() { # DIR
	local dir=$1 real
	if [ "$(id -u)" -ne 0 ] || [ -L "$dir" ] || runuser -u postgres -- test -x "$(dirname "$dir")" 2>/dev/null; then
		[ -L "$dir" ] && readlink -f "$dir" || echo "$dir"
		return
	fi
	if [ -d "$dir" ] && [ ! -L "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
		echo "$dir" # an existing cluster stays where it is (kenes_pg_init explains what to do)
		return
	fi
	real=/var/lib/kenes/$(echo "$KENES_ROOT" | sha256sum | cut -c1-12)/pg
	mkdir -p "$real"
	chmod 755 "$(dirname "$real")" /var/lib/kenes
	rmdir "$dir" 2>/dev/null
	ln -sfn "$real" "$dir"
	echo "$real"
}

kenes_pg_init() { # DIR
	local dir=$1
	[ -f "$dir/data/PG_VERSION" ] && return 0
	mkdir -p "$dir/data" "$dir/run"
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$dir" "$dir/data" "$dir/run"
		if ! runuser -u postgres -- test -w "$dir/data"; then
			echo "error: the postgres user cannot reach $dir (a parent directory is private)." >&2
			echo "Move the checkout somewhere readable, or set DATABASE_URL." >&2
			return 1
		fi
	fi
	kenes_as_pg "$KENES_PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust \
		--encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; return 1; }
	# Durability stays on (fsync, full_page_writes, synchronous_commit are the defaults).
	cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir/run'
port = 5432
max_connections = 100
shared_buffers = 128MB
log_min_messages = warning
CONF
}

kenes_pg_running() { # DIR
	kenes_as_pg "$KENES_PG_BIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1
}

kenes_pg_start() { # DIR
	local dir=$1
	kenes_pg_running "$dir" && return 0
	kenes_as_pg touch "$dir/postgres.log" 2>/dev/null || true
	kenes_as_pg "$KENES_PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >/dev/null ||
		{ tail -n 20 "$dir/postgres.log" >&2; return 1; }
}

kenes_pg_stop() { # DIR
	kenes_pg_running "$1" || return 0
	kenes_as_pg "$KENES_PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null
}

# Creates database kenes, applies migrations, loads the example consultation, and lets the
# handler's role log in (trust authentication on a local socket only).
kenes_pg_prepare() { # DIR
	local dir=$1 admin
	admin=$(kenes_pg_url "$dir" postgres postgres)
	if [ -z "$(psql -X -tA -d "$admin" -c "SELECT 1 FROM pg_database WHERE datname = 'kenes'")" ]; then
		psql -X -q -d "$admin" -c "CREATE DATABASE kenes"
	fi
	"$KENES_ROOT/sql/migrate" "$(kenes_pg_url "$dir" postgres)" --load "$KENES_ROOT/sql/data/constitution-2026.json"
	psql -X -q -d "$(kenes_pg_url "$dir" postgres)" -c "ALTER ROLE kenes_handler LOGIN"
}

# Creates FILE with 32 random bytes (the pseudonym and form-token key) unless it exists.
kenes_key() { # FILE
	[ -s "$1" ] && return 0
	(umask 077 && head -c 32 /dev/urandom >"$1")
}

# Writes DIR/nginx.conf for 127.0.0.1:PORT passing requests to SOCKET. POST flood limits
# per address come from KENES_POST_RATE (10r/s), KENES_POST_BURST (30), KENES_POST_CONN (20).
kenes_nginx_conf() { # DIR PORT SOCKET
	local dir=$1 user=""
	mkdir -p "$dir/tmp"
	# Running as root, nginx workers would be `nobody`, who cannot open a socket or files
	# under a private checkout. Local runs only; production uses www-data (kenes-site.conf).
	[ "$(id -u)" -eq 0 ] && user="user root;"
	sed -e "s|@USER@|$user|" -e "s|@PREFIX@|$dir|g" -e "s|@PORT@|$2|g" \
		-e "s|@SOCKET@|$3|g" -e "s|@ROOT@|$KENES_ROOT|g" \
		-e "s|@POST_RATE@|${KENES_POST_RATE:-10r/s}|g" -e "s|@POST_BURST@|${KENES_POST_BURST:-30}|g" \
		-e "s|@POST_CONN@|${KENES_POST_CONN:-20}|g" \
		"$KENES_ROOT/deploy/nginx/local.conf.in" >"$dir/nginx.conf"
}

kenes_nginx_start() { # DIR: run as `kenes_nginx_start DIR &`; $! is then nginx itself
	exec nginx -p "$1" -c "$1/nginx.conf" -e "$1/error.log" -g 'daemon off;'
}

# Waits until URL answers 200, up to SECONDS; false otherwise.
kenes_wait_http() { # URL SECONDS
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" = 200 ] && return 0
		sleep 0.1
	done
	return 1
}

kenes_port_free() { # PORT
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A streaming-replication hot standby of the cluster in PRIMARY, in DIR (the same layout:
# DIR/data, DIR/run, DIR/postgres.log), made with PostgreSQL's own pg_basebackup -R over the
# primary's unix socket (initdb's trust rules allow local replication). Started, read-only.
kenes_pg_standby() { # DIR PRIMARY
	local dir=$1 primary=$2
	kenes_pg_running "$dir" && return 0
	mkdir -p "$dir/run"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir" "$dir/run"
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		kenes_as_pg "$KENES_PG_BIN/pg_basebackup" -d "host=$primary/run port=5432 user=postgres" \
			-D "$dir/data" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 ||
			{ cat "$dir/basebackup.log" >&2; return 1; }
		# The copied postgresql.conf points at the primary's socket; the last line wins.
		echo "unix_socket_directories = '$dir/run'" | kenes_as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
	fi
	kenes_pg_start "$dir"
}

# Waits up to SECONDS until the standby in DIR has replayed everything the primary in
# PRIMARY had written when called; false otherwise.
kenes_pg_wait_replay() { # DIR PRIMARY SECONDS
	local lsn i
	lsn=$(psql -X -tA -d "$(kenes_pg_url "$2" postgres postgres)" -c "SELECT pg_current_wal_lsn()") || return 1
	for ((i = 0; i < $3 * 20; i++)); do
		[ "$(echo "SELECT coalesce(pg_last_wal_replay_lsn() >= :'lsn'::pg_lsn, false)" |
			psql -X -tA -v lsn="$lsn" -d "$(kenes_pg_url "$1" postgres postgres)")" = t ] && return 0
		sleep 0.05
	done
	return 1
}

# Writes DIR/nginx.conf for 127.0.0.1:PORT in front of several handlers (an upstream with
# kept-alive connections, deploy/nginx/multi.conf.in); ADDRESS is a unix socket path or
# HOST:PORT. Flood limits as for kenes_nginx_conf.
kenes_nginx_multi_conf() { # DIR PORT ADDRESS...
	local dir=$1 port=$2 user="" servers="" a
	shift 2
	mkdir -p "$dir/tmp"
	[ "$(id -u)" -eq 0 ] && user="user root;"
	for a in "$@"; do
		case $a in /*) a=unix:$a ;; esac
		servers="$servers        server $a max_fails=1 fail_timeout=10s;\n"
	done
	sed -e "s|@USER@|$user|" -e "s|@PREFIX@|$dir|g" -e "s|@PORT@|$port|g" \
		-e "s|@SERVERS@|$servers|" -e "s|@ROOT@|$KENES_ROOT|g" \
		-e "s|@POST_RATE@|${KENES_POST_RATE:-10r/s}|g" -e "s|@POST_BURST@|${KENES_POST_BURST:-30}|g" \
		-e "s|@POST_CONN@|${KENES_POST_CONN:-20}|g" \
		"$KENES_ROOT/deploy/nginx/multi.conf.in" >"$dir/nginx.conf"
}
