#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Set up Wirebench on Debian 12 and run it, or run its test suite.
#
#   installer/bootstrap.sh run    install missing packages, build (release), start the GUI
#                                 (or `wirebench-cli serve` where there is no display)
#   installer/bootstrap.sh test   install missing packages (build + test), build (dev preset,
#                                 warnings are errors), install the npm peers, run the whole suite
#
# Idempotent: only missing packages are installed (with sudo when not root), builds are
# incremental. The package list is installer/debian-packages.txt.
set -euo pipefail

mode=${1:-}
case "$mode" in
run | test) ;;
*)
    echo "usage: installer/bootstrap.sh run|test" >&2
    exit 2
    ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

packages_for() { # sections...
    local want=" $* " section=""
    while read -r line; do
        line=${line%%#*}
        read -r package command <<<"$line" || true
        [ -z "${package:-}" ] && continue
        if [[ $package =~ ^\[(.*)\]$ ]]; then
            section=${BASH_REMATCH[1]}
            continue
        fi
        [[ $want == *" $section "* ]] || continue
        if [ -n "${command:-}" ] && command -v "$command" >/dev/null 2>&1; then
            continue
        fi
        if [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]; then
            echo "$package"
        fi
    done <installer/debian-packages.txt
}

install_packages() {
    local missing
    missing=$(packages_for "$@" | tr '\n' ' ')
    if [ -z "${missing// /}" ]; then
        say "All Debian packages are installed"
        return
    fi
    say "Installing Debian packages: $missing"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || {
            echo "Need root to install: $missing (no sudo found)" >&2
            exit 1
        }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    # shellcheck disable=SC2086
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}

build() { # preset [target...]
    local preset=$1
    shift
    say "Configuring and building (preset $preset${1:+: $*})"
    cmake --preset "$preset" >/dev/null
    if [ "$#" -gt 0 ]; then
        cmake --build --preset "$preset" --target "$@"
    else
        cmake --build --preset "$preset"
    fi
}

install_peers() {
    [ -f tests/peers/package.json ] || return 0
    if [ -f tests/peers/node_modules/.package-lock.json ] &&
        cmp -s tests/peers/package-lock.json tests/peers/.npm-stamp 2>/dev/null; then
        say "npm peers are installed"
        return
    fi
    say "Installing the npm peers (tests/peers)"
    (cd tests/peers && npm ci --no-audit --no-fund --loglevel=error)
    cp tests/peers/package-lock.json tests/peers/.npm-stamp
}

case "$mode" in
run)
    install_packages build
    # Only the two programs: the test programs are built by `test` (into build/dev).
    build release wirebench wirebench-cli
    # A login session provides the runtime folder; without one (ssh, a container) Qt warns on
    # every start and picks /tmp/runtime-$USER itself: give it that folder quietly.
    if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
        export XDG_RUNTIME_DIR="/tmp/runtime-$(id -un)"
        mkdir -p -m 700 "$XDG_RUNTIME_DIR"
    fi
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        say "Starting Wirebench"
        # A display that is set but cannot be reached (an ssh session's stale DISPLAY) makes Qt
        # abort before any window: fall back to the headless core then, as without a display.
        gui_log=$(mktemp)
        set +e
        # stderr through tee (the pipe makes the shell wait for it), stdout straight through fd 3.
        { build/release/app/gui/wirebench 2>&1 1>&3 | tee "$gui_log" >&2; status=${PIPESTATUS[0]}; } 3>&1
        set -e
        if [ "$status" -ne 0 ] && grep -q "could not connect to display\|no Qt platform plugin could be initialized" "$gui_log"; then
            rm -f "$gui_log"
            say "The display ${DISPLAY:-$WAYLAND_DISPLAY} cannot be used: starting the headless core, wirebench-cli serve, instead. Stop it with Ctrl+C."
            exec build/release/app/cli/wirebench-cli serve --demo
        fi
        rm -f "$gui_log"
        exit "$status"
    fi
    say "No display found (DISPLAY and WAYLAND_DISPLAY are unset): starting the headless core, wirebench-cli serve, instead. Stop it with Ctrl+C."
    exec build/release/app/cli/wirebench-cli serve --demo
    ;;
test)
    install_packages build test
    # The last line reports the counts even when nothing could be tested.
    build dev || {
        echo "Test summary: 0 passed, 1 failed (the build failed; see above)"
        exit 1
    }
    install_peers
    say "Running the test suite"
    exec tests/run-suite.sh build/dev
    ;;
esac
