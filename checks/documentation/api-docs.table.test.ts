import { repoTable } from '../../test/helpers/repo-table.js';
import apiDocs from './api-docs.js';

const pkg = JSON.stringify({ name: 'api', version: '2.1.0' });
const spec = (version: string, paths = "  /health:\n    get:\n      responses:\n        '200': { description: ok }\n") => `openapi: 3.1.0\ninfo:\n  title: API\n  version: ${version}\npaths:\n${paths}`;

repoTable(apiDocs, [
  { name: 'a spec at the release version', files: { 'package.json': pkg, 'openapi.yaml': spec('2.1.0') }, status: 'manual', message: 'openapi.yaml parses and is at 2.1.0, as package.json; that it covers every route is for a person to attest' },
  { name: 'a JSON spec in docs/', files: { 'package.json': pkg, 'docs/openapi.json': JSON.stringify({ openapi: '3.0.3', info: { version: '2.1.0' }, paths: { '/a': {} } }) }, status: 'manual', message: /docs\/openapi\.json parses and is at 2\.1\.0/ },
  { name: 'a Swagger 2.0 document', files: { 'package.json': pkg, 'swagger.json': JSON.stringify({ swagger: '2.0', info: { version: '2.1.0' }, paths: { '/a': {} } }) }, status: 'manual', message: /swagger\.json parses/ },
  { name: 'a spec of another version', files: { 'package.json': pkg, 'openapi.yaml': spec('1.9.0') }, status: 'fail', message: /info\.version: is "1\.9\.0", but package\.json is at 2\.1\.0/ },
  { name: 'a spec with no paths', files: { 'package.json': pkg, 'openapi.yaml': spec('2.1.0', '  {}\n') }, status: 'fail', message: /paths: documents no path/ },
  { name: 'not OpenAPI', files: { 'package.json': pkg, 'openapi.yaml': 'title: notes\n' }, status: 'fail', message: /is not an OpenAPI document/ },
  { name: 'unparsable', files: { 'package.json': pkg, 'openapi.yaml': 'openapi: 3.1.0\ninfo: [\n' }, status: 'fail', message: /^openapi\.yaml: document: does not parse/ },
  { name: 'no version in package.json', files: { 'package.json': '{}', 'openapi.yaml': spec('2.1.0') }, status: 'manual', message: /info\.version: package\.json names no version/ },
  { name: 'a configured path that is missing', files: { 'package.json': pkg }, options: { path: 'api/spec.yaml' }, status: 'fail', message: /api\/spec\.yaml, the configured API document, does not exist/ },
  { name: 'no document', files: { 'package.json': pkg }, status: 'manual', message: /no OpenAPI document in the repository/ },
  { name: 'a spec symlinked out of the repository', files: { 'package.json': pkg }, symlinks: { 'openapi.yaml': '/etc/hostname' }, status: 'error', message: /symlink to a place outside the repository/ },
]);
