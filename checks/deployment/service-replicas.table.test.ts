import { repoTable } from '../../test/helpers/repo-table.js';
import serviceReplicas from './service-replicas.js';

const railwayJson = (deploy: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ deploy, ...extra });

repoTable(serviceReplicas, [
  { name: 'railway.json with one replica', files: { 'railway.json': railwayJson({ numReplicas: 1 }) }, status: 'pass', message: "every service's Railway config sets its replicas" },
  {
    name: 'railway.toml with a multi-region map',
    files: { 'railway.toml': '[deploy.multiRegionConfig.us-west2]\nnumReplicas = 2\n[deploy.multiRegionConfig.europe-west4]\nnumReplicas = 1\n' },
    status: 'pass',
    message: "every service's Railway config sets its replicas",
    evidence: { repository: { judgements: ['pass multiRegionConfig: 3 replica(s) across us-west2: 2, europe-west4: 1'] } },
  },
  {
    name: 'the environment override wins over deploy',
    files: { 'railway.json': railwayJson({ numReplicas: 1 }, { environments: { prod: { deploy: { numReplicas: 0 } } } }) },
    status: 'fail',
    message: 'repository: railway.json: numReplicas: is 0, expected a whole number ≥ 1',
    evidence: { repository: { environmentOverride: 'prod' } },
  },
  { name: 'numReplicas missing', files: { 'railway.json': railwayJson({ startCommand: 'node server.js' }) }, status: 'fail', message: /numReplicas: not set/ },
  { name: 'a region with no replicas', files: { 'railway.json': railwayJson({ multiRegionConfig: { 'us-west2': {} } }) }, status: 'fail', message: /region us-west2 has no numReplicas/ },
  { name: 'numReplicas as a string', files: { 'railway.toml': '[deploy]\nnumReplicas = "1"\n' }, status: 'fail', message: /is "1", expected a whole number/ },
  { name: 'unparsable railway.json', files: { 'railway.json': '{ "deploy": { numReplicas: 1 } ' }, status: 'fail', message: /railway\.json does not parse as JSON/ },
  { name: 'unparsable railway.toml', files: { 'railway.toml': '[deploy\nnumReplicas = 1\n' }, status: 'fail', message: /railway\.toml does not parse as TOML/ },
  { name: 'railway.json wins over railway.toml', files: { 'railway.json': railwayJson({ numReplicas: 1 }), 'railway.toml': '[deploy]\nnumReplicas = 0\n' }, status: 'pass', message: /replicas/ },
  { name: 'no platform config in the repository', files: { 'package.json': '{}' }, status: 'manual', message: /repository root: no railway\.json or railway\.toml here: the platform may hold this setting/ },
  {
    name: 'per service through repoPath',
    environment: {
      services: { api: { url: 'https://api.example.com', repoPath: 'apps/api' }, dashboard: { url: 'https://app.example.com', repoPath: 'apps/dashboard' } },
    },
    files: { 'apps/api/railway.json': railwayJson({ numReplicas: 2 }), 'apps/dashboard/railway.toml': '[deploy]\nstartCommand = "npm start"\n' },
    status: 'fail',
    message: /^dashboard: apps\/dashboard\/railway\.toml: numReplicas: not set/,
    evidence: { api: { verdict: 'pass', file: 'apps/api/railway.json' } },
  },
  {
    name: 'a railway.json symlinked out of the repository',
    files: { 'package.json': '{}' },
    symlinks: { 'railway.json': '/etc/hostname' },
    status: 'error',
    message: /railway\.json is a symlink to a place outside the repository; not followed/,
  },
  { name: 'a repository that does not exist', noRepo: true, status: 'error', message: /cannot be read \(no such directory\)/ },
]);
