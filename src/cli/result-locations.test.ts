import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { result } from '../../test/helpers/report.js';
import { loadConfig, selectEnvironment } from '../config/load.js';
import { resultLocator } from './result-locations.js';

const CONFIG = `version: 1
environments:
  prod:
    services:
      api:
        url: https://api.example.com
      dashboard:
        url: https://app.example.com
    database:
      url: postgres://app@db.example.com/app
`;

async function locatorFor(checks: { id: string; needs: readonly (string | readonly string[])[] }[]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'readiness-locate-'));
  await mkdir(path.join(dir, 'deploy'));
  const file = path.join(dir, 'deploy', 'readiness.config.yaml');
  await writeFile(file, CONFIG);
  const loaded = await loadConfig(file, {});
  return resultLocator(selectEnvironment(loaded, 'prod'), checks as never, dir);
}

describe('result locations', () => {
  it('points a per-service finding at the first service that did not pass, relative to the working directory', async () => {
    const locate = await locatorFor([{ id: 'security.cors-origins', needs: ['services'] }]);
    const at = locate(
      result({
        id: 'security.cors-origins',
        status: 'fail',
        evidence: { api: { verdict: 'pass', message: 'ok' }, dashboard: { verdict: 'fail', message: 'allows any origin' } },
      }),
    );
    expect(at).toEqual({ file: 'deploy/readiness.config.yaml', key: 'environments.prod.services.dashboard', line: 8, column: 9 });
  });

  it("points a database line at database.url, and a line without a configured key at the environment's line", async () => {
    const locate = await locatorFor([
      { id: 'database.timezone', needs: ['database'] },
      { id: 'deployment.docker-images', needs: ['repo'] },
      { id: 'operational.status-page', needs: [] },
    ]);
    expect(locate(result({ id: 'database.timezone', status: 'error' }))).toMatchObject({ key: 'environments.prod.database.url', line: 10 });
    expect(locate(result({ id: 'deployment.docker-images', status: 'skip' }))).toMatchObject({ key: 'environments.prod', line: 4 });
    expect(locate(result({ id: 'operational.status-page', status: 'manual' }))).toMatchObject({ key: 'environments.prod', line: 4 });
  });
});
