#!/usr/bin/env bash
# Makes sure the Debian packages Qt needs are present (offscreen and in a real X11 window on a desktop), and
# those the tests need (TEST_PACKAGES).
# - all present: does nothing, quickly;
# - some missing, running as root with apt-get: installs them;
# - some missing, not root: says which to install, in one line, and carries on;
# - not a Debian-like system (no dpkg-query): does nothing.
set -euo pipefail

command -v dpkg-query >/dev/null 2>&1 || exit 0

packages=(
  libglib2.0-0 libegl1 libgl1 libx11-6 libxkbcommon0
  libfontconfig1 libfreetype6 libdbus-1-3 fonts-dejavu-core
  # A real X11 window (Qt's xcb platform plugin will not load without every one of these).
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
)

# For the tests only: tests/ui/test_atspi_walk.py runs the app in a real X server on a private D-Bus session with
# the AT-SPI accessibility bus, and walks its accessible tree from the system's python3 as a screen reader would.
# Without them that test skips on a laptop (and fails under CI=true).
TEST_PACKAGES=(
  xvfb             # Xvfb: Qt's AT-SPI bridge needs a real window system, not the offscreen platform
  dbus             # dbus-daemon and dbus-send: the private session bus
  at-spi2-core     # the AT-SPI bus launcher and registry
  python3-gi       # the system python3's GObject bindings ...
  gir1.2-atspi-2.0 # ... and Atspi through them (the screen reader's side of the walk)
  poppler-utils    # pdftoppm: the PDFs' pages rendered to pictures, every script on them checked
)
packages+=("${TEST_PACKAGES[@]}")

is_installed() {
  dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for pkg in "${packages[@]}"; do
  # Debian 13 renamed some libraries with a "t64" suffix; either name will do.
  if ! is_installed "$pkg" && ! is_installed "${pkg}t64"; then
    missing+=("$pkg")
  fi
done

# Debian's own python3 ships venv support separately; `make setup` needs it.
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
  if ! is_installed python3-venv; then
    missing+=(python3-venv)
  fi
fi

[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Offramp needs these system packages; please install them (sudo apt-get install ${missing[*]}) — continuing without them." >&2
fi
exit 0
