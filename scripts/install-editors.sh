#!/usr/bin/env bash
# Installs what the real-editor tests (test/e2e) need, and nothing when it is already there:
#   - from Debian (as root, only the packages missing): chromium, neovim, ripgrep, the build tools and headers
#     code-server's native modules compile against, a CJK font so screenshots show the Chinese text, and
#     LibreOffice Calc (headless), the independent spreadsheet program of the spreadsheet tests;
#   - from npm: code-server (a full VS Code: server, web client, Node extension host) into .editors/, which has
#     its own package.json and is gitignored; the project's own package.json is not touched.
# Works with only the npm registry and Debian's mirrors reachable: code-server's ripgrep download is served from
# Debian's rg, node-gyp uses the local Node headers. Usage: bash scripts/install-editors.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EDITORS="$ROOT/.editors"
# The newest code-server whose postinstall accepts Node 20 (VS Code 1.100.3); see client/package.json engines.
CODE_SERVER_VERSION=4.100.3
# What code-server 4.100.3's @vscode/ripgrep (1.15.11, lib/postinstall.js) would download; it looks in this
# cache first, so Debian's rg placed there lets the install finish without GitHub.
RIPGREP_PACKAGE_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

CODE_SERVER_DIR="$EDITORS/node_modules/code-server"
MARKER="$EDITORS/.installed-code-server-$CODE_SERVER_VERSION"

say() { printf 'install-editors: %s\n' "$*"; }
die() { printf 'install-editors: %s\n' "$*" >&2; exit 1; }

# --- Debian packages --------------------------------------------------------------------------------------------
# package:command pairs. A package counts as present when dpkg has it or when its command runs (python3 from pyenv,
# g++ and make without the meta package do); a package without a command (headers, a font) only by dpkg.
SYSTEM_PACKAGES=(
  chromium:chromium
  neovim:nvim
  ripgrep:rg
  libkrb5-dev:
  pkg-config:pkg-config
  build-essential:g++
  python3:python3
  fonts-dejavu-core:
  fonts-wqy-zenhei:
  libreoffice-calc-nogui:soffice
)

missing_packages() {
  local entry package command
  for entry in "${SYSTEM_PACKAGES[@]}"; do
    package="${entry%%:*}"
    command="${entry#*:}"
    if [ -n "$command" ] && command -v "$command" >/dev/null 2>&1; then continue; fi
    if command -v dpkg-query >/dev/null 2>&1; then
      [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" = installed ] && continue
    elif [ -z "$command" ]; then
      continue # not Debian: nothing to check it by
    fi
    printf '%s\n' "$package"
  done
}

mapfile -t MISSING < <(missing_packages)
if [ "${#MISSING[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "apt-get install ${MISSING[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
  else
    die "missing Debian packages: ${MISSING[*]}. Install them as root: apt-get install -y --no-install-recommends ${MISSING[*]}
缺少 Debian 软件包：${MISSING[*]}。请以 root 身份安装：apt-get install -y --no-install-recommends ${MISSING[*]}"
  fi
else
  say "Debian packages present: ${SYSTEM_PACKAGES[*]%%:*}"
fi

# --- code-server from npm ---------------------------------------------------------------------------------------
installed_version() {
  node -p "require(process.argv[1]).version" "$CODE_SERVER_DIR/package.json" 2>/dev/null || true
}

if [ -f "$MARKER" ] && [ "$(installed_version)" = "$CODE_SERVER_VERSION" ]; then
  say "code-server $CODE_SERVER_VERSION already in .editors/"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = 20 ] || die "code-server $CODE_SERVER_VERSION needs Node 20 (this is $(node -v)).
code-server $CODE_SERVER_VERSION 需要 Node 20（当前为 $(node -v)）。"

rm -rf "$EDITORS"
mkdir -p "$EDITORS/tmp"
cat >"$EDITORS/package.json" <<'JSON'
{
  "name": "steward-editors",
  "private": true,
  "description": "The editors the real-editor tests drive (scripts/install-editors.sh); not part of the project."
}
JSON

# Debian's rg, packed as the release tarball @vscode/ripgrep looks for in its download cache under $TMPDIR.
RG="$(command -v rg)" || die "rg not found (Debian package ripgrep)."
RG_CACHE="$EDITORS/tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
mkdir -p "$RG_CACHE/rg-bin"
cp "$RG" "$RG_CACHE/rg-bin/rg"
tar -czf "$RG_CACHE/$RIPGREP_ASSET" -C "$RG_CACHE/rg-bin" rg
rm -rf "$RG_CACHE/rg-bin"

# Node headers for node-gyp: the system's, when Node was installed with them (no download).
NODEDIR=""
for candidate in "${npm_config_nodedir:-}" /usr /usr/local; do
  if [ -n "$candidate" ] && [ -f "$candidate/include/node/node.h" ]; then NODEDIR="$candidate"; break; fi
done
[ -n "$NODEDIR" ] || say "warning: no Node headers found under /usr or /usr/local; node-gyp will try to download them."

say "npm install code-server@$CODE_SERVER_VERSION into .editors/ (about a minute)"
started=$SECONDS
# unsafe_perm: code-server's postinstall refuses root without it. yes: a nested `npx node-gyp` is cancelled
# otherwise. dangerously_allow_all_scripts: npm >= 11.10 skips dependency install scripts by default, and
# code-server is nothing without them (its postinstall installs VS Code's modules and builds the native ones).
if ! env \
  TMPDIR="$EDITORS/tmp" \
  npm_config_unsafe_perm=true \
  npm_config_yes=true \
  npm_config_dangerously_allow_all_scripts=true \
  npm_config_ignore_scripts=false \
  npm_config_fund=false \
  npm_config_audit=false \
  npm_config_update_notifier=false \
  ${NODEDIR:+npm_config_nodedir="$NODEDIR"} \
  npm install --prefix "$EDITORS" --save-exact "code-server@$CODE_SERVER_VERSION" >"$EDITORS/install.log" 2>&1; then
  tail -n 40 "$EDITORS/install.log" >&2
  die "npm install of code-server failed; the whole log is in .editors/install.log"
fi

# The postinstall must have run all the way: VS Code's modules, the native ones, ripgrep and the extensions.
VSCODE_DIR="$CODE_SERVER_DIR/lib/vscode"
for required in \
  "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg" \
  "$VSCODE_DIR/node_modules/@vscode/spdlog/build/Release" \
  "$VSCODE_DIR/node_modules/node-pty/build/Release" \
  "$VSCODE_DIR/node_modules.asar" \
  "$VSCODE_DIR/extensions/node_modules"; do
  [ -e "$required" ] || die "code-server is incomplete: ${required#"$ROOT/"} is missing; see .editors/install.log"
done
# code-server reads (and on its first run writes) a config file and opens log files even for --version; the XDG
# directories put them under .editors/tmp, so the check leaves the user's HOME as it was.
version_output="$(env XDG_CONFIG_HOME="$EDITORS/tmp/xdg-config" XDG_DATA_HOME="$EDITORS/tmp/xdg-data" \
  node "$CODE_SERVER_DIR/out/node/entry.js" --version 2>&1)" || true
# The version line by its shape ("4.100.3 <commit> with Code 1.100.3"): log lines such as "Wrote default config
# file" may come before it.
version="$(printf '%s\n' "$version_output" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ [0-9a-f]+ with Code [0-9]' | head -n 1 || true)"
case "$version" in
  "$CODE_SERVER_VERSION "*) ;;
  *) die "code-server does not start: --version printed no '$CODE_SERVER_VERSION <commit> with Code <version>' line:
$version_output
see .editors/install.log
code-server 无法启动：--version 的输出中没有版本行；详见 .editors/install.log" ;;
esac
rm -rf "$EDITORS/tmp"
touch "$MARKER"
say "code-server $version installed in $((SECONDS - started)) s"
