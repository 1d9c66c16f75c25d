import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../checks/index.js';
import { runCli, type CliRun } from './helpers/cli.js';
import { usePostgres } from './helpers/postgres.js';

/**
 * Redaction masks data, not the tool's own words (issue 9): with the database password `postgres` (on the
 * known-weak list) and secrets that are common words of the catalog (`production`, `availability`), every report
 * format still reads the catalog's items, how, fixes and attestation guidance as written ("Grafana Cloud with
 * postgres_exporter", "… CPU and availability") and says whom it connected as ("connected as postgres", "ALTER ROLE
 * postgres NOSUPERUSER"), while the password is still masked where it stands as one.
 */

const pg = usePostgres();
const dir = mkdtempSync(path.join(tmpdir(), 'readiness-leak-prose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ReportJson {
  results: { id: string; item: string; verifies: string; how: string; status: string; message: string; remediation: string; evidence: unknown }[];
}

describe('a common-word password leaves the catalog\'s text as written', () => {
  let run: CliRun;
  let out = '';
  let report: ReportJson;

  beforeAll(async () => {
    const admin = await pg.server.connect();
    try {
      await admin.query("ALTER ROLE postgres PASSWORD 'postgres'");
    } finally {
      await admin.end();
    }
    const url = pg.server.url({ user: 'postgres', password: 'postgres', database: 'postgres', params: { sslmode: 'disable' } });
    writeFileSync(path.join(dir, 'prod.env'), `NODE_ENV=production\nDATABASE_URL=${url}\nSESSION_SECRET=production\nJWT_SECRET=availability\n`);
    const config = path.join(dir, 'readiness.config.yaml');
    writeFileSync(config, `version: 1\nenvironments:\n  prod:\n    database: { url: "${url}" }\n    env: [{ dotenv: prod.env }]\n`);
    out = path.join(dir, 'out');
    mkdirSync(out);
    run = await runCli(['check', 'prod', '-c', config, '--format', 'text,json,markdown,html,junit,sarif', '--out', out, '--show-manual', '--timeout', '30s'], {});
    report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as ReportJson;
  }, 180_000);

  it('carries every line\'s item, verifies and how as the catalog writes them', () => {
    expect(run.code).toBe(1);
    const byId = new Map(report.results.map((r) => [r.id, r]));
    expect(byId.size).toBe(catalog.length);
    for (const check of catalog) {
      const result = byId.get(check.id)!;
      expect({ id: check.id, item: result.item, verifies: result.verifies, how: result.how }).toEqual({
        id: check.id,
        item: check.item,
        verifies: check.verifies,
        how: check.how,
      });
    }
  });

  it('carries the catalog\'s fixes and attestation guidance as written wherever a result shows them', () => {
    for (const check of catalog) {
      const result = report.results.find((r) => r.id === check.id)!;
      if (result.status === 'manual' && check.automation === 'manual') {
        expect(result.message).toBe(`needs a person's attestation: ${check.attestation ?? ''}`);
        expect(result.remediation).toBe(check.remediation);
      }
    }
    const remediation = (id: string) => report.results.find((r) => r.id === id)?.remediation;
    expect(remediation('database.monitoring-alerts')).toContain('Grafana Cloud with postgres_exporter, or the Datadog Postgres integration) for disk, connections, CPU and availability');
    // A fix built from what was observed is data, and reads naturally too: the role's name is not the password.
    expect(remediation('security.database-credentials')).toContain('ALTER ROLE postgres NOSUPERUSER NOCREATEROLE NOBYPASSRLS');
    expect(remediation('security.database-credentials')).not.toContain('[REDACTED]');
  });

  it('says whom it connected as, and still masks the password where it stands as one', () => {
    const connections = report.results.find((r) => r.id === 'launch-before.database-connections');
    expect(connections?.message).toMatch(/^connected as postgres to postgres \(PostgreSQL /);
    expect(JSON.stringify(report)).not.toMatch(/postgres(ql)?:\/\/postgres:postgres@/);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).not.toMatch(/:postgres@/);
  });

  it('reads the same in the terminal, Markdown, HTML, JUnit and SARIF reports', () => {
    const files = Object.fromEntries(['report.md', 'report.html', 'report.junit.xml', 'report.sarif'].map((f) => [f, readFileSync(path.join(out, f), 'utf8')]));
    for (const [where, text] of [['stdout', run.stdout], ...Object.entries(files)] as const) {
      expect(text, where).toContain('ALTER ROLE postgres NOSUPERUSER');
      expect(text, where).toContain('role postgres has SUPERUSER');
      expect(text, where).not.toContain('[REDACTED]_exporter');
    }
    // JUnit shows no message for a passing line, nor SARIF (code scanning makes every result an alert); the others do.
    for (const [where, text] of [['stdout', run.stdout], ['report.md', files['report.md']!], ['report.html', files['report.html']!]] as const) {
      expect(text, where).toContain('connected as postgres to postgres');
    }
    for (const where of ['report.md', 'report.html', 'report.sarif'] as const) expect(files[where], where).toContain('Grafana Cloud with postgres_exporter');
    // The catalog's "production" and "availability" stay words where the tool writes them (the secrets hold them too).
    expect(run.stdout).toContain('Production Go-Live Approved');
    expect(files['report.md']).toContain('disk, connections, CPU and availability');
  });
});
