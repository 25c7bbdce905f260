#!/usr/bin/env bash
# Installs what the editor tests need into .e2e/ (git-ignored), once: a real VS Code (the VS Code server
# and web workbench bundled in the npm package code-server 4.100.3 = VS Code 1.100.3, which runs on Node
# 20), playwright-core, and Debian's chromium to drive it headless. @vscode/test-electron's desktop
# download is not reachable on our machines; this route is the one ../shared/editor-e2e proved.
# Workarounds, each for a failure seen: code-server's postinstall downloads ripgrep from GitHub and needs
# kerberos headers, so scripts are skipped and the pieces done by hand (Debian's rg, libkrb5-dev).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E=${E2E_DIR:-$ROOT/.e2e}
CS=${CS_VERSION:-4.100.3}
mkdir -p "$E2E"
# E2E_CHROMIUM: a Chromium of your own instead of Debian's (run.mjs checks that it exists).
if ! { { [ -n "${E2E_CHROMIUM:-}" ] || command -v chromium >/dev/null; } && command -v rg >/dev/null && [ -e /usr/include/gssapi/gssapi.h ]; }; then
  echo "e2e: installing chromium, ripgrep, libkrb5-dev (Debian packages)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium ripgrep libkrb5-dev >/dev/null
fi
VS="$E2E/node_modules/code-server/lib/vscode"
if [ ! -f "$VS/.installed" ]; then
  echo "e2e: installing code-server $CS and playwright-core into $E2E (log: $E2E/install.log)"
  (
    cd "$E2E"
    [ -f package.json ] || echo '{"private":true}' > package.json
    npm i --no-save --no-audit --no-fund --ignore-scripts "code-server@$CS" playwright-core@1
    cd "$VS"
    npm install --omit=dev --ignore-scripts --no-audit --no-fund
    mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
    npm_config_yes=true npm rebuild
    ln -sfn node_modules node_modules.asar
    (cd extensions && npm install --omit=dev --no-audit --no-fund)
    touch .installed
  ) > "$E2E/install.log" 2>&1 || { tail -30 "$E2E/install.log"; exit 1; }
fi
