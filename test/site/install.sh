#!/usr/bin/env bash
# Installs what the site comparison needs, once: Debian's MkDocs (1.4.2) and pymdown-extensions (9.5),
# with the Python-Markdown (3.4.1) they bring. Needs root (apt), as the editor tests' install does.
set -euo pipefail
if /usr/bin/python3 -c 'import mkdocs, pymdownx, markdown' >/dev/null 2>&1; then exit 0; fi
echo "site: installing mkdocs and python3-pymdownx (Debian packages)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq mkdocs python3-pymdownx >/dev/null
