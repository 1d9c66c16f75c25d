import { repoTable } from '../../test/helpers/repo-table.js';
import autoRestart from './auto-restart.js';

const railwayJson = (deploy: Record<string, unknown>) => JSON.stringify({ deploy });

repoTable(autoRestart, [
  { name: 'ON_FAILURE with 10 retries', files: { 'railway.json': railwayJson({ restartPolicyType: 'ON_FAILURE', restartPolicyMaxRetries: 10 }) }, status: 'pass', message: /restarts it on failure/ },
  { name: 'ALWAYS in railway.toml', files: { 'railway.toml': '[deploy]\nrestartPolicyType = "ALWAYS"\n' }, status: 'pass', message: /restarts it on failure/ },
  { name: 'NEVER', files: { 'railway.toml': '[deploy]\nrestartPolicyType = "NEVER"\n' }, status: 'fail', message: 'repository: railway.toml: restartPolicyType: is NEVER: a crashed service stays down' },
  { name: 'no policy', files: { 'railway.json': railwayJson({ numReplicas: 1 }) }, status: 'fail', message: /restartPolicyType: not set/ },
  { name: 'ON_FAILURE without a retry cap', files: { 'railway.json': railwayJson({ restartPolicyType: 'ON_FAILURE' }) }, status: 'fail', message: /restartPolicyMaxRetries: not set: ON_FAILURE needs a retry cap/ },
  { name: 'ON_FAILURE with zero retries', files: { 'railway.json': railwayJson({ restartPolicyType: 'ON_FAILURE', restartPolicyMaxRetries: 0 }) }, status: 'fail', message: /is 0, expected a whole number/ },
  { name: 'an unknown policy', files: { 'railway.json': railwayJson({ restartPolicyType: 'SOMETIMES' }) }, status: 'fail', message: /which Railway does not know/ },
  {
    name: 'retries above the configured limit',
    files: { 'railway.json': railwayJson({ restartPolicyType: 'ON_FAILURE', restartPolicyMaxRetries: 50 }) },
    options: { maxRetries: 20 },
    status: 'warn',
    message: /50 retries, above the limit of 20/,
  },
  { name: 'no platform config', files: { 'Dockerfile': 'FROM node:20\n' }, status: 'manual', message: /the platform may hold this setting in its dashboard/ },
  { name: 'railway.toml is a FIFO-free directory', files: { 'railway.toml/x': '' }, status: 'manual', message: /no railway\.json or railway\.toml/ },
  { name: 'a railway.json symlinked out of the repository', symlinks: { 'railway.json': '../../../etc/hostname' }, status: 'error', message: /symlink to a place outside the repository/ },
]);
