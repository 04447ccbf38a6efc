# tests/lib/iin.sh - valid test IINs. Source it.
#   iin SERIAL    prints a valid IIN (born 1990-01-01, a man) whose serial is derived from
#                 SERIAL (0-9999); different serials give different IINs.
iin() {
	local serial=$1 base d sum i w check
	while :; do
		base=$(printf '9001013%04d' "$serial")
		sum=0
		for i in $(seq 0 10); do sum=$((sum + ${base:i:1} * (i + 1))); done
		check=$((sum % 11))
		if [ "$check" -eq 10 ]; then
			w=(3 4 5 6 7 8 9 10 11 1 2)
			sum=0
			for i in $(seq 0 10); do sum=$((sum + ${base:i:1} * ${w[i]})); done
			check=$((sum % 11))
		fi
		# A number whose check digit comes out as 10 twice is never issued: take the next.
		[ "$check" -ne 10 ] && { echo "$base$check"; return; }
		serial=$(((serial + 1) % 10000))
	done
}
