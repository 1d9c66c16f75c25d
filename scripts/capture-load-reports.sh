#!/usr/bin/env bash
# Re-captures the Artillery reports of fixtures/load-reports from real runs against a local Express server:
# artillery-pass (fast, all 200), artillery-slow (every answer after 650 ms), artillery-5xx (~30% answered 500),
# artillery-refused (nothing listening). Artillery and Express are installed in a scratch folder outside the
# repository (--ignore-scripts: Artillery's optional browser engine would try to download a browser).
#   bash scripts/capture-load-reports.sh             # a fresh temp folder
#   SCRATCH=/tmp/art bash scripts/capture-load-reports.sh
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/fixtures/load-reports"
scratch="${SCRATCH:-$(mktemp -d)}"
cd "$scratch"
[ -f package.json ] || npm init -y >/dev/null
npm i --no-audit --no-fund --ignore-scripts artillery express >/dev/null
export ARTILLERY_DISABLE_TELEMETRY=true

cat >server.cjs <<'JS'
const express = require('express');
const app = express();
const slow = Number(process.env.SLOW_MS || 0);
app.get('/ok', (req, res) => setTimeout(() => res.json({ ok: true }), slow));
app.get('/flaky', (req, res) => (Math.random() < 0.3 ? res.status(500).end('no') : res.json({ ok: true })));
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
JS

# name, port, path, SLOW_MS ('' = no server on that port)
run() {
  local name="$1" port="$2" route="$3" slow="$4" server=''
  sed -e "s#http://127.0.0.1:[0-9]*#http://127.0.0.1:$port#" -e "s#url: \"/ok\"#url: \"$route\"#" "$out/artillery-scenario.yml" >"$name.yml"
  if [ -n "$slow" ]; then SLOW_MS="$slow" PORT="$port" node server.cjs & server=$!; sleep 1; fi
  npx artillery run --output "$out/artillery-$name.json" "$name.yml" >/dev/null
  [ -z "$server" ] || kill "$server"
  echo "$out/artillery-$name.json"
}
run pass 18731 /ok 0
run slow 18732 /ok 650
run 5xx 18733 /flaky 0
run refused 18739 /ok ''
