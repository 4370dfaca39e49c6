#!/usr/bin/env bash
# Build the program with PyInstaller (onedir), smoke-run the result offscreen against a temporary
# data folder, and pack it: a tar.gz on Linux (on Windows, installer/nastavapp.iss makes the
# installer from the same folder). Needs `pip install pyinstaller` in the build environment.
#
#   scripts/build.sh                 → dist/nastavapp-<version>/ and, on Linux,
#                                      dist/nastavapp-<version>-linux-<arch>.tar.gz
#   BUILD_DIR=/tmp/b scripts/build.sh   build and dist folders elsewhere (tests use this)
#   PYTHON=/opt/py/bin/python3 …        another interpreter
#   NO_TAR=1 scripts/build.sh           build and smoke-run only
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
BUILD_DIR="${BUILD_DIR:-$ROOT}"
DIST="$BUILD_DIR/dist"
WORK="$BUILD_DIR/build/pyinstaller"
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/pyproject.toml" | awk 'NR == 1')"
NAME="nastavapp-$VERSION"
APP="$DIST/$NAME"
case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*) EXE=".exe" ;;
  *) EXE="" ;;
esac

echo "== PyInstaller: $NAME"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" "$ROOT/build_installer.spec"

SMOKE_HOME="$(mktemp -d "${TMPDIR:-/tmp}/nastavapp-smoke-home.XXXXXX")"
trap 'rm -rf "$SMOKE_HOME"' EXIT
export QT_QPA_PLATFORM=offscreen NASTAVAPP_HOME="$SMOKE_HOME"

echo "== smoke run of the frozen program"
status=0
"$APP/nastavapp-cli$EXE" --smoke || status=$?
if [ "$status" -ne 0 ]; then
  echo "smoke run FAILED (exit $status)" >&2
  exit "$status"
fi
# the windowed program too: on Windows it has no console, so read its report file instead
"$APP/nastavapp$EXE" --smoke >/dev/null 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  cat "$SMOKE_HOME/nastavapp-smoke.log" >&2 || true
  echo "smoke run of the windowed program FAILED (exit $status)" >&2
  exit "$status"
fi
echo "windowed program: smoke passed (report in its log file)"

echo "== command line of the frozen program"
"$APP/nastavapp-cli$EXE" --version
"$APP/nastavapp-cli$EXE" demo --db "$SMOKE_HOME/demo.sqlite" >/dev/null
"$APP/nastavapp-cli$EXE" stats --db "$SMOKE_HOME/demo.sqlite" | awk 'NR <= 3'  # awk, not head: pipefail
# the municipal centre's path: a school's report file merged into a summary (PDF)
"$APP/nastavapp-cli$EXE" export report --db "$SMOKE_HOME/demo.sqlite" --out "$SMOKE_HOME/report.xlsx" >/dev/null
"$APP/nastavapp-cli$EXE" consolidate --out "$SMOKE_HOME/summary.pdf" "$SMOKE_HOME/report.xlsx" | awk 'END { print }'

if [ -z "$EXE" ]; then
  # The newest glibc any bundled library asks for: the oldest Linux the bundle starts on.
  symbols() { find "$APP" -type f \( -name '*.so*' -o -name nastavapp \) -exec objdump -T {} + 2>/dev/null || true; }
  needed="$(symbols | grep -o 'GLIBC_[0-9][0-9.]*' | sort -uV | awk 'END { sub("GLIBC_", ""); print }')"
  echo "glibc needed: $needed or newer (this machine: $(ldd --version | awk 'NR == 1 { print $NF }'); Astra Linux SE 1.7 has 2.28)"
  # Qt's X11 plugin needs the xcb-util libraries: bundled when the build machine has them,
  # else the computer must have them (apt-get install libxcb-cursor0 libxcb-icccm4 …).
  missing="$(LD_LIBRARY_PATH="$APP/_internal" ldd "$APP/_internal/PySide6/Qt/plugins/platforms/libqxcb.so" | awk '/not found/ { print $1 }' | tr '\n' ' ')"
  if [ -n "$missing" ]; then
    echo "WARNING: neither bundled nor on this machine (Qt's X11 plugin needs them): $missing" >&2
  fi
fi

echo "== bundle"
du -sh "$APP" | sed 's/^/size: /'
echo "largest files:"
find "$APP" -type f -printf '%s\t%P\n' | sort -rn |
  awk -F'\t' 'NR <= 12 { printf "  %6.1f MB  %s\n", $1 / 1048576, $2 }'

if [ -z "$EXE" ] && [ -z "${NO_TAR:-}" ]; then
  ARCHIVE="$DIST/$NAME-linux-$(uname -m).tar.gz"
  tar -C "$DIST" -czf "$ARCHIVE" "$NAME"
  echo "archive: $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
fi
