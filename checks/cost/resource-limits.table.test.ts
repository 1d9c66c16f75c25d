import { repoTable } from '../../test/helpers/repo-table.js';
import resourceLimits from './resource-limits.js';

const railwayJson = (deploy: Record<string, unknown>) => JSON.stringify({ deploy });

repoTable(resourceLimits, [
  { name: 'cpu and memory capped', files: { 'railway.json': railwayJson({ limitOverride: { containers: { cpu: 2, memoryBytes: 2_000_000_000 } } }) }, status: 'pass', message: "every service's Railway config caps its CPU and memory" },
  { name: 'capped in railway.toml', files: { 'railway.toml': '[deploy.limitOverride.containers]\ncpu = 1\nmemoryBytes = 512000000\n' }, status: 'pass', message: /caps its CPU and memory/ },
  { name: 'memory missing', files: { 'railway.json': railwayJson({ limitOverride: { containers: { cpu: 2 } } }) }, status: 'fail', message: 'repository: railway.json: memoryBytes: not set' },
  { name: 'cpu zero', files: { 'railway.json': railwayJson({ limitOverride: { containers: { cpu: 0, memoryBytes: 1e9 } } }) }, status: 'fail', message: /cpu: is 0, expected a number of vCPU above 0/ },
  { name: 'limitOverride without containers', files: { 'railway.json': railwayJson({ limitOverride: { cpu: 2 } }) }, status: 'fail', message: /has no `containers` object/ },
  { name: 'no limitOverride', files: { 'railway.json': railwayJson({ numReplicas: 1 }) }, status: 'manual', message: /limits, if any, are in the Railway dashboard/ },
  { name: 'no platform config', files: { 'package.json': '{}' }, status: 'manual', message: /the platform may hold this setting/ },
  { name: 'unparsable', files: { 'railway.json': '{' }, status: 'fail', message: /does not parse as JSON/ },
  { name: 'symlinked out', symlinks: { 'railway.json': '/etc/passwd' }, status: 'error', message: /symlink to a place outside the repository/ },
]);
