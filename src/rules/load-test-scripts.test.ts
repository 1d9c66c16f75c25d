import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoadTestCandidate, isLoadTestName, judgeLoadScript } from './load-test-scripts.js';

const K6 = "import http from 'k6/http';\nimport { check } from 'k6';\nexport const options = { vus: 10, duration: '30s' };\nexport default function () {\n  check(http.get(`${__ENV.TARGET}/health`), { 'status is 200': (r) => r.status === 200 });\n}\n";

describe('load-test scripts and configs', () => {
  const rows: ReadonlyArray<{ name: string; file: string; text: string; expected: { tool: string; status: string; message: RegExp } | undefined }> = [
    { name: 'a k6 script', file: 'load/api.js', text: K6, expected: { tool: 'k6', status: 'pass', message: /k6 script/ } },
    { name: 'a k6 script with scenarios and exec', file: 'load/api.ts', text: "import http from 'k6/http';\nexport const options = { scenarios: { browse: { executor: 'constant-vus', exec: 'browse' } } };\nexport function browse() { http.get('x'); }\n", expected: { tool: 'k6', status: 'pass', message: /k6 script/ } },
    { name: 'a k6 script with nothing to run', file: 'load/api.js', text: "import http from 'k6/http';\nfunction hit() { http.get('x'); }\n", expected: { tool: 'k6', status: 'fail', message: /k6 has nothing to run/ } },
    { name: 'a CommonJS require of k6', file: 'k6/run.cjs', text: "const http = require('k6/http');\nexports.default = function () {};\nexport default function () {}\n", expected: { tool: 'k6', status: 'pass', message: /k6 script/ } },
    { name: 'a JavaScript helper that is no k6 script', file: 'perf/bench.js', text: "import { bench } from 'vitest';\n", expected: undefined },
    { name: 'the real Artillery config the fixture reports came from', file: 'artillery.yml', text: readFileSync(path.resolve('fixtures/load-reports/artillery-scenario.yml'), 'utf8'), expected: { tool: 'artillery', status: 'pass', message: /Artillery config, 1 scenario/ } },
    { name: 'an Artillery config with per-environment targets', file: 'load/a.yaml', text: 'config:\n  environments:\n    staging:\n      target: https://staging.example\nscenarios:\n  - flow:\n      - get: { url: / }\n', expected: { tool: 'artillery', status: 'pass', message: /Artillery config/ } },
    { name: 'an Artillery config without a target', file: 'load/a.yml', text: 'config:\n  phases:\n    - duration: 5\n      arrivalRate: 1\nscenarios:\n  - flow:\n      - get: { url: / }\n', expected: { tool: 'artillery', status: 'warn', message: /no config.target/ } },
    { name: 'an Artillery config without scenarios', file: 'load/a.yml', text: 'config:\n  target: http://x\n  phases:\n    - duration: 5\n      arrivalRate: 1\n', expected: { tool: 'artillery', status: 'fail', message: /without scenarios/ } },
    { name: 'a scenario without a flow', file: 'load/a.yml', text: 'config:\n  target: http://x\nscenarios:\n  - name: browse\n', expected: { tool: 'artillery', status: 'fail', message: /no `flow:`/ } },
    { name: 'YAML that does not parse', file: 'load/a.yml', text: 'config:\n  target: "http://x\nscenarios: [\n', expected: { tool: 'artillery', status: 'fail', message: /does not parse as YAML \(line \d+\)/ } },
    { name: 'YAML that is no Artillery config (compose file)', file: 'load/compose.yml', text: 'services:\n  db:\n    image: postgres:16\n', expected: undefined },
    { name: 'a README', file: 'load/README.md', text: '# load', expected: undefined },
  ];
  for (const row of rows) {
    it(`${row.name}`, () => {
      const script = judgeLoadScript(row.file, row.text);
      if (!row.expected) return expect(script).toBeUndefined();
      expect(script).toMatchObject({ file: row.file, tool: row.expected.tool, judgement: { status: row.expected.status } });
      expect(script!.judgement.message).toMatch(row.expected.message);
    });
  }

  it('names load tests at the root by convention, and reads only scripts and YAML in load folders', () => {
    for (const name of ['artillery.yml', 'artillery-staging.yaml', 'k6.js', 'load-test.js', 'loadtest.ts', 'api.k6.js', 'stress.mjs']) expect(isLoadTestName(name), name).toBe(true);
    for (const name of ['server.js', 'vitest.config.ts', 'docker-compose.yml', 'loader.js']) expect(isLoadTestName(name), name).toBe(false);
    expect(['a.js', 'b.yaml', 'c.md', 'd.csv'].filter(isLoadTestCandidate)).toEqual(['a.js', 'b.yaml']);
  });
});
