#!/usr/bin/env bash
# Re-captures fixtures/suite-outputs/: what jest, mocha, playwright, node:test and vitest really print for a tiny
# passing and a tiny failing suite, as the repo-commands probe sees it (no stdin, no TTY, stdout then stderr).
# The runners are installed in a scratch folder outside the repository, never into it:
#   bash scripts/capture-suite-outputs.sh            # uses a fresh temp folder
#   SCRATCH=/tmp/runners bash scripts/capture-suite-outputs.sh
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/fixtures/suite-outputs"
scratch="${SCRATCH:-$(mktemp -d)}"
mkdir -p "$out" "$scratch"
cd "$scratch"
[ -f package.json ] || npm init -y >/dev/null
# --ignore-scripts: @playwright/test would otherwise try to download a browser; the suites below need none.
npm i --no-audit --no-fund --ignore-scripts jest mocha @playwright/test >/dev/null

write() { mkdir -p "$(dirname "$1")"; cat >"$1"; }

# Two passing tests and a skipped one; the failing variant turns one of the passing tests into a failure.
for variant in pass fail; do
  expected=2
  [ "$variant" = fail ] && expected=3
  dir="$scratch/$variant"
  rm -rf "$dir"
  write "$dir/jest/math.test.js" <<EOF
test('adds', () => expect(1 + 1).toBe(2));
test('multiplies', () => expect(2 * 2).toBe(4));
test('subtracts', () => expect(3 - 1).toBe($expected));
test.skip('later', () => {});
EOF
  write "$dir/mocha/math.spec.cjs" <<EOF
const assert = require('node:assert');
it('adds', () => assert.strictEqual(1 + 1, 2));
it('multiplies', () => assert.strictEqual(2 * 2, 4));
it('subtracts', () => assert.strictEqual(3 - 1, $expected));
it.skip('later', () => {});
EOF
  write "$dir/playwright/math.spec.js" <<EOF
const { test, expect } = require('@playwright/test');
test('adds', () => expect(1 + 1).toBe(2));
test('multiplies', () => expect(2 * 2).toBe(4));
test('subtracts', () => expect(3 - 1).toBe($expected));
test.skip('later', () => {});
EOF
  write "$dir/node-test/math.test.mjs" <<EOF
import { test } from 'node:test';
import assert from 'node:assert/strict';
test('adds', () => assert.equal(1 + 1, 2));
test('multiplies', () => assert.equal(2 * 2, 4));
test('subtracts', () => assert.equal(3 - 1, $expected));
test('later', { skip: true }, () => {});
EOF
  # vitest is the project's own; --globals spares the spec an import that would not resolve from the scratch folder.
  mkdir -p "$dir/vitest" && cp "$dir/jest/math.test.js" "$dir/vitest/math.test.mjs"
  echo 'export default {};' >"$dir/vitest/vitest.config.mjs"
done

# runner name, folder, command; each run's header names the runner's version.
capture() {
  local name="$1" folder="$2" version="$3" command="$4"
  for variant in pass fail; do
    local file="$out/$name-$variant.txt" code=0
    (cd "$scratch/$variant/$folder" && env -u FORCE_COLOR CI=true NO_COLOR=1 sh -c "$command" </dev/null >"$scratch/stdout" 2>"$scratch/stderr") || code=$?
    {
      echo "# captured: $version, \`$command\`, exit $code, $(date -u +%Y-%m-%d) (stdout, then stderr)"
      cat "$scratch/stdout"
      cat "$scratch/stderr"
    } | sed -E -e "s#$scratch#<scratch>#g" -e "s#$repo#<repo>#g" >"$file"
    echo "$file: exit $code"
  done
}

bin="$scratch/node_modules/.bin"
capture jest jest "jest $("$bin/jest" --version)" "$bin/jest --rootDir ."
capture mocha mocha "mocha $("$bin/mocha" --version)" "$bin/mocha 'math.spec.cjs'"
capture playwright playwright "$("$bin/playwright" --version | sed 's/Version/playwright/')" "$bin/playwright test --reporter=list"
capture playwright-dot playwright "$("$bin/playwright" --version | sed 's/Version/playwright/')" "$bin/playwright test --reporter=dot"
capture node-test-tap node-test "node $(node --version)" "node --test --test-reporter=tap"
capture node-test-spec node-test "node $(node --version)" "node --test --test-reporter=spec"
capture vitest vitest "vitest $(node "$repo/node_modules/vitest/vitest.mjs" --version)" "node $repo/node_modules/vitest/vitest.mjs run --root . --globals"
