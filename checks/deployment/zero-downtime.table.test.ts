import { expect } from 'vitest';
import { repoTable } from '../../test/helpers/repo-table.js';
import zeroDowntime from './zero-downtime.js';

const railwayJson = (deploy: Record<string, unknown>) => JSON.stringify({ deploy });

// Without services the live part cannot be observed: these rows judge the config as code alone.
repoTable(zeroDowntime, [
  { name: 'healthcheck set, no service URL', files: { 'railway.json': railwayJson({ healthcheckPath: '/health', healthcheckTimeout: 60 }) }, status: 'manual', message: /live healthcheck: no service URL configured to call \/health on/ },
  { name: 'no healthcheck path', files: { 'railway.json': railwayJson({ healthcheckTimeout: 60 }) }, status: 'fail', message: /healthcheckPath: not set/ },
  { name: 'a healthcheck path without a slash', files: { 'railway.toml': '[deploy]\nhealthcheckPath = "health"\nhealthcheckTimeout = 60\n' }, status: 'fail', message: /healthcheckPath: is "health", expected a path starting with "\/"/ },
  { name: 'no healthcheck timeout', files: { 'railway.json': railwayJson({ healthcheckPath: '/health' }) }, status: 'warn', evidence: { repository: { judgements: expect.arrayContaining([expect.stringMatching(/^manual live healthcheck/)]) } }, message: /healthcheckTimeout: not set \(Railway waits its default of 300 s\)/ },
  { name: 'a zero draining time', files: { 'railway.json': railwayJson({ healthcheckPath: '/health', healthcheckTimeout: 60, drainingSeconds: 0 }) }, status: 'warn', message: /drainingSeconds: 0: in-flight requests are cut/ },
  { name: 'a non-numeric overlap', files: { 'railway.json': railwayJson({ healthcheckPath: '/health', healthcheckTimeout: 60, overlapSeconds: 'soon' }) }, status: 'fail', message: /overlapSeconds: is "soon", expected whole seconds/ },
  { name: 'no platform config', files: { 'package.json': '{}' }, status: 'manual', message: /the platform may hold this setting/ },
  { name: 'unparsable config', files: { 'railway.toml': 'deploy = [' }, status: 'fail', message: /does not parse as TOML/ },
  { name: 'a config symlinked out of the repository', symlinks: { 'railway.toml': '/etc/hostname' }, status: 'error', message: /symlink to a place outside the repository/ },
]);
