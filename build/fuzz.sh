#!/bin/sh
# Runs every Go fuzz target of the module for a bounded time each. The list
# is derived from the code (`go test -list`), so a new Fuzz function is run
# without anyone having to add it here. Crashers are written by Go to the
# package's testdata/fuzz/<Target>/; commit them as regression cases.
#
#   FUZZTIME=5s sh build/fuzz.sh       (the default: a few seconds a target)
#   FUZZTIME=10m sh build/fuzz.sh Wrap (only targets whose name matches)
set -eu
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-5s}
only=${1:-}

# `go test -list` prints a package's matching test names, then "ok <pkg>".
targets=$($GO test -list '^Fuzz' ./... | awk '
	/^Fuzz/ { names[n++] = $1; next }
	/^ok/   { for (i = 0; i < n; i++) print $2 " " names[i]; n = 0 }')
[ -n "$targets" ] || { echo "fuzz.sh: found no fuzz targets" >&2; exit 1; }

# run fuzzes one target. Go 1.26's fuzzing coordinator can fail a target
# with a bare "context deadline exceeded" when -fuzztime runs out while a
# worker is mid-call, having found nothing (golang/go#75804, fixed in Go
# 1.27). Such a failure, with no new crasher in testdata/fuzz/<Target>/, is
# run once more; a crasher, or any other failure, fails at once.
once() { $GO test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$FUZZTIME"; }
run() {
	dir=$($GO list -f '{{.Dir}}' "$1")/testdata/fuzz/$2
	before=$(ls "$dir" 2>/dev/null | wc -l)
	log=$(mktemp)
	if once "$1" "$2" >"$log" 2>&1; then
		cat "$log"; rm -f "$log"; return 0
	fi
	cat "$log"
	after=$(ls "$dir" 2>/dev/null | wc -l)
	if [ "$after" = "$before" ] && grep -q 'context deadline exceeded' "$log"; then
		rm -f "$log"
		echo "fuzz: $2: the coordinator's deadline race (golang/go#75804), no crasher: once more"
		once "$1" "$2"
		return
	fi
	rm -f "$log"
	return 1
}

count=0
echo "$targets" | {
	while read -r pkg name; do
		case $name in *"$only"*) ;; *) continue ;; esac
		echo "fuzz: $pkg $name ($FUZZTIME)"
		run "$pkg" "$name"
		count=$((count + 1))
	done
	echo "fuzz: $count targets passed"
}
