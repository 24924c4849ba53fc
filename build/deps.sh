#!/bin/sh
# deps.sh checks what the browser tests need and, where it may install
# packages, installs what is missing:
#
#   - Go 1.26 or newer on PATH (the module says go 1.26);
#   - Chromium at $CHROMIUM, or /usr/bin/chromium when CHROMIUM is unset;
#   - the npm test fixtures of build/testdeps (pym.js, axe-core), from the
#     committed lock file, with Debian's nodejs and npm when npm is missing.
#
# It prints nothing and exits 0 when everything is present, so the Makefile
# can call it before every browser test run. It exits 1 with a message that
# says what to install when something is missing and cannot be installed.
set -eu

die() {
	printf 'deps.sh: %s\n' "$*" >&2
	exit 1
}

# Run from the repository root, so that `go` picks the toolchain go.mod asks
# for (GOTOOLCHAIN) exactly as `make` will.
cd "$(dirname "$0")/.."

# --- Go -------------------------------------------------------------------
if ! command -v go >/dev/null 2>&1; then
	hint=""
	if [ -x /usr/local/go/bin/go ]; then
		hint=" It is installed at /usr/local/go/bin/go: add /usr/local/go/bin to PATH."
	fi
	die "Go 1.26 or newer is required and \`go\` is not on PATH.$hint Install it from https://go.dev/dl/."
fi
# go's own stderr passes through: it explains a failure, or says once that it
# is downloading the toolchain go.mod asks for.
gover=$(go env GOVERSION) || die "\`go env GOVERSION\` failed with $(command -v go) (see above)."
# GOVERSION looks like go1.26.8, go1.27rc1 or "devel go1.27-abcdef ...".
ver=${gover#devel }
ver=${ver#go}
major=$(printf '%s' "$ver" | sed -n 's/^\([0-9][0-9]*\)\..*/\1/p')
minor=$(printf '%s' "$ver" | sed -n 's/^[0-9][0-9]*\.\([0-9][0-9]*\).*/\1/p')
if [ -z "$major" ] || [ -z "$minor" ]; then
	die "cannot read the Go version from \`go env GOVERSION\` ($gover); Go 1.26 or newer is required."
fi
if [ "$major" -lt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -lt 26 ]; }; then
	die "Go 1.26 or newer is required, found $gover at $(command -v go). Install it from https://go.dev/dl/."
fi

# --- Chromium ---------------------------------------------------------------
install_cmd="apt-get update && apt-get install -y chromium"

if [ -n "${CHROMIUM:-}" ]; then
	# An explicit choice is respected: installing Debian chromium would not
	# help, because the tests run $CHROMIUM.
	[ -x "$CHROMIUM" ] || die "CHROMIUM=$CHROMIUM is not an executable file. Fix the path, or unset CHROMIUM to use Debian's /usr/bin/chromium."
	chromium=$CHROMIUM
else
	chromium=/usr/bin/chromium
	if [ ! -x "$chromium" ]; then
		if ! command -v apt-get >/dev/null 2>&1; then
			die "Chromium is missing at $chromium and this is not a Debian-like system (no apt-get). Install Chromium and set CHROMIUM=/path/to/chromium."
		fi
		if [ "$(id -u)" -eq 0 ]; then
			as_root=""
		elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
			as_root="sudo -n"
		else
			die "Chromium is missing at $chromium. Install the Debian package as root:
    sudo sh -c '$install_cmd'
or set CHROMIUM=/path/to/chromium."
		fi
		echo "deps.sh: installing Debian package chromium ($chromium is missing)" >&2
		# shellcheck disable=SC2086 # $as_root is empty or two words on purpose
		$as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 ||
			die "apt-get update failed; run as root: $install_cmd"
		# shellcheck disable=SC2086
		$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2 ||
			die "installing chromium failed; run as root: $install_cmd"
		[ -x "$chromium" ] || die "the chromium package is installed but $chromium is still missing."
	fi
fi

# An installed but broken browser (missing libraries, unsupported CPU) fails
# here with its own message instead of as a timeout in the tests.
if ! out=$("$chromium" --headless --no-sandbox --version 2>&1); then
	die "$chromium does not run:
$out"
fi

# --- npm packages for the browser tests ------------------------------------
# pym.js and axe-core are test fixtures (build/testdeps): pinned by the
# committed lock file and installed with `npm ci`, never shipped in dist/.
if [ ! -f build/testdeps/node_modules/.package-lock.json ] ||
	[ build/testdeps/package-lock.json -nt build/testdeps/node_modules/.package-lock.json ]; then
	if ! command -v npm >/dev/null 2>&1; then
		if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
			echo "deps.sh: installing Debian packages nodejs npm (npm is missing)" >&2
			env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || die "apt-get update failed"
			env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >&2 ||
				die "installing nodejs and npm failed; run as root: apt-get install -y nodejs npm"
		else
			die "npm is missing; install Node.js and npm (Debian: apt-get install nodejs npm)."
		fi
	fi
	npm ci --prefix build/testdeps --no-audit --no-fund --loglevel=error >&2 ||
		die "npm ci in build/testdeps failed (see above)."
fi
