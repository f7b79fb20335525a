#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Inside a private D-Bus session: start gnome-keyring's secret service with an unlocked login
# keyring (throwaway password), then run the given command. QtKeychain talks to it over D-Bus.
set -euo pipefail
eval "$(printf 'wirebench-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
exec "$@"
