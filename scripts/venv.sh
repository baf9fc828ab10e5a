# Sourced by scripts/run.sh and scripts/test.sh, from the repository root. They install and run
# from the project's own virtual environment .venv/: Debian and Ubuntu mark their Python
# EXTERNALLY-MANAGED (PEP 668), so pip refuses to install into it, and a stock system has
# `python3` but no `python`. `venv_install SPEC` creates .venv/ when it is missing or broken and
# installs SPEC (editable, so code edits need no reinstall) only when pyproject.toml changed since
# the last install; a second run starts in seconds.

VENV_DIR="$PWD/.venv"
VENV_PYTHON="$VENV_DIR/bin/python"
# One line per installed SPEC: "<checksum of pyproject.toml> <SPEC>"; lines of older checksums are
# dropped. cksum (POSIX) rather than sha256sum, which macOS lacks.
VENV_STAMP="$VENV_DIR/installed"

apt_install() {   # apt_install PACKAGE...: as root, or through sudo
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

base_python() {   # python3 first: a stock Debian or Ubuntu has no `python`
  local name
  for name in python3 python; do
    if command -v "$name" >/dev/null 2>&1; then echo "$name"; return; fi
  done
  echo "Neither python3 nor python is on the PATH: install Python >= 3.10 first." >&2
  return 1
}

create_venv() {
  local python
  python=$(base_python)
  echo "Creating the virtual environment .venv/ with $(command -v "$python") ..."
  rm -rf "$VENV_DIR"
  "$python" -m venv "$VENV_DIR" >/dev/null 2>&1 && return
  rm -rf "$VENV_DIR"   # a failed attempt leaves a venv without pip
  # Debian and Ubuntu ship venv's pip bootstrap (ensurepip) in python3-venv, which only helps
  # their own /usr/bin/python3; any other failure is shown as it is.
  if [ "$("$python" -c 'import sys; print(sys.prefix)')" = /usr ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing python3-venv with apt-get ..."
    apt_install python3-venv
  fi
  "$python" -m venv "$VENV_DIR"
}

venv_install() {   # venv_install SPEC: SPEC is "." or ".[extra,...]"
  local hash
  hash=$(cksum < pyproject.toml | tr ' ' -)
  if [ -x "$VENV_PYTHON" ] && "$VENV_PYTHON" -m pip --version >/dev/null 2>&1; then
    # every SPEC installs the package itself, so any install of this pyproject.toml covers "."
    if grep -qxF "$hash $1" "$VENV_STAMP" 2>/dev/null \
        || { [ "$1" = . ] && grep -q "^$hash " "$VENV_STAMP" 2>/dev/null; }; then
      return
    fi
  else
    create_venv
  fi
  echo "Installing $1 into .venv/ (the first time downloads the dependencies: a few minutes) ..."
  "$VENV_PYTHON" -m pip install -q --disable-pip-version-check -e "$1"
  { grep "^$hash " "$VENV_STAMP" 2>/dev/null || true; echo "$hash $1"; } > "$VENV_STAMP.new"
  mv "$VENV_STAMP.new" "$VENV_STAMP"
}
