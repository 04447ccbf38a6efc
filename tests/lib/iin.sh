# tests/lib/iin.sh - valid test IINs. Source it.
#   iin SERIAL    prints a valid IIN (a man born in the first days of January 1990) whose
#                 serial is SERIAL (0-9999); different serials give different IINs.
iin() {
	local serial=$1 day base d sum i w check
	# A number whose check digit comes out as 10 twice is never issued: the same serial on
	# the next day then (taking the next serial would give two serials one IIN).
	# Builtins only (printf -v, arithmetic loops): suites call this hundreds of times.
	for day in 01 02 03 04 05; do
		printf -v base '9001%s3%04d' "$day" "$serial"
		sum=0
		for ((i = 0; i < 11; i++)); do sum=$((sum + ${base:i:1} * (i + 1))); done
		check=$((sum % 11))
		if [ "$check" -eq 10 ]; then
			w=(3 4 5 6 7 8 9 10 11 1 2)
			sum=0
			for ((i = 0; i < 11; i++)); do sum=$((sum + ${base:i:1} * ${w[i]})); done
			check=$((sum % 11))
		fi
		[ "$check" -ne 10 ] && { echo "$base$check"; return; }
	done
	echo "iin: no valid IIN for serial $serial" >&2
	return 1
}
