# tests/lib/stack.sh - start handlers and nginx inside a test's own temp dir. Source it
# after deploy/lib.sh. Every process started is remembered in STACK_PIDS; stack_stop ends
# them (nginx with QUIT, handlers with TERM), newest first.
#
#   stack_port                          prints a free loopback port
#   stack_handler DIR BIN [VAR=VALUE...] starts BIN (kenes-fcgi) on DIR/fcgi.sock (or the
#                                       KENES_SOCKET among the variables), its log
#                                       DIR/fcgi.log; settings as KENES_* variables; sets
#                                       STACK_PID to its master
#   stack_nginx DIR CONF                starts nginx with DIR/nginx.conf = CONF; STACK_PID
#   stack_stop                          stops everything started

STACK_PIDS=()

stack_port() {
	local p
	for _ in $(seq 100); do
		p=$((20000 + RANDOM % 12000)) # below the kernel's ephemeral range (32768 and up)
		kenes_port_free "$p" && { echo "$p"; return 0; }
	done
	return 1
}

stack_handler() { # DIR BIN [VAR=VALUE...]
	local dir=$1 bin=$2
	shift 2
	mkdir -p "$dir"
	env KENES_SOCKET="$dir/fcgi.sock" KENES_WORKERS=1 KENES_THREADS=4 KENES_LOG_LEVEL=info \
		KENES_PSEUDONYM_KEY_FILE="${KENES_PSEUDONYM_KEY_FILE:-$dir/pseudonym.key}" \
		"$@" "$bin" 2>"$dir/fcgi.log" &
	STACK_PID=$!
	STACK_PIDS+=("$STACK_PID")
	for _ in $(seq 100); do grep -q "listening on" "$dir/fcgi.log" 2>/dev/null && return 0; sleep 0.1; done
	echo "the handler in $dir did not open its socket:" >&2
	cat "$dir/fcgi.log" >&2
	return 1
}

stack_nginx() { # DIR CONF
	mkdir -p "$1/tmp"
	[ "$2" = "$1/nginx.conf" ] || cp "$2" "$1/nginx.conf"
	kenes_nginx_start "$1" &
	STACK_PID=$!
	STACK_PIDS+=("$STACK_PID")
}

stack_stop() {
	local i pid
	for ((i = ${#STACK_PIDS[@]} - 1; i >= 0; i--)); do
		pid=${STACK_PIDS[i]}
		if [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = nginx ]; then
			kill -QUIT "$pid" 2>/dev/null
		else
			kill -TERM "$pid" 2>/dev/null
		fi
		wait "$pid" 2>/dev/null
	done
	STACK_PIDS=()
}
