#!/bin/sh
# Run the hostile tests in a private keyring session: ./run-hostile.sh [vitest filters]
K=$(mktemp -d /tmp/hostile-keyring-XXXX)
nice dbus-run-session -- sh -c "export XDG_DATA_HOME=$K; printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; npx vitest run --project integration ${*:-test/integration/hostile}"
rc=$?
rm -rf "$K"
exit $rc
