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

count=0
echo "$targets" | {
	while read -r pkg name; do
		case $name in *"$only"*) ;; *) continue ;; esac
		echo "fuzz: $pkg $name ($FUZZTIME)"
		$GO test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$FUZZTIME"
		count=$((count + 1))
	done
	echo "fuzz: $count targets passed"
}
