#!/usr/bin/env bash
# The pre-commit framework (Debian's package), which test/integrations.test.ts runs on the repository's hook
# (.pre-commit-hooks.yaml). Nothing to do when it is already installed.
set -euo pipefail
if command -v pre-commit >/dev/null 2>&1; then
  echo "$(pre-commit --version) is installed"
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends pre-commit
pre-commit --version
