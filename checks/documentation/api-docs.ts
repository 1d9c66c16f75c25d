import { z } from 'zod';
import { outcome, verdictOf } from '../../src/core/outcome.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { repoProbe } from '../../src/probes/repo.js';
import { judgeOpenApi } from '../../src/rules/repo-openapi.js';

/** Where OpenAPI documents conventionally live, in the order they are looked for. */
const OPENAPI_PATHS = [
  'openapi.yaml', 'openapi.yml', 'openapi.json', 'swagger.yaml', 'swagger.yml', 'swagger.json',
  'docs/openapi.yaml', 'docs/openapi.yml', 'docs/openapi.json', 'api/openapi.yaml', 'api/openapi.json',
] as const;

const options = z.strictObject({
  path: z.string().min(1).optional().describe('The OpenAPI document, relative to the repository (default: openapi.{yaml,yml,json} or swagger.* at the root, in docs/ or api/)'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'documentation.api-docs',
  section: 'documentation',
  item: 'API documentation up to date',
  severity: 'medium',
  automation: 'partial',
  needs: ['repo'],
  options,
  verifies: "The repository's OpenAPI document parses, documents the API's paths, and is the one for the release: its info.version is package.json's version.",
  how:
    'Reads `options.path`, else the first of openapi.{yaml,yml,json} / swagger.{yaml,yml,json} at the root, in docs/ or api/, through the repository probe, and parses it with the yaml package (JSON too): ' +
    'unparsable, no `openapi:`/`swagger:` version, no paths, or an info.version other than package.json\'s fails. Whether every route is documented is not compared: a matching document is manual. No document is manual (the docs may live elsewhere).',
  attestation: 'Link to the published API docs (OpenAPI/Swagger UI or docs site) with version and date, and proof they match the code: the spec generated or validated in CI for the release SHA.',
  remediation: 'Generate an OpenAPI spec from the route schemas (e.g. zod-to-openapi), publish it with Redoc or Swagger UI, and fail CI when the committed spec is out of date.',
  async run(ctx) {
    const repo = ctx.probe(repoProbe);
    try {
      const manifest = await repo.file('package.json');
      let version: string | undefined;
      if (manifest.kind === 'file') {
        try {
          const value = (JSON.parse(manifest.text) as { version?: unknown }).version;
          version = typeof value === 'string' && value !== '' ? value : undefined;
        } catch {
          version = undefined;
        }
      }
      const candidates = ctx.options.path ? [ctx.options.path] : OPENAPI_PATHS;
      for (const candidate of candidates) {
        const file = await repo.file(candidate);
        if (file.kind === 'missing') continue;
        if (file.truncated) return outcome('error', `${candidate} is larger than the 256 KiB read limit`);
        const verdict = verdictOf(judgeOpenApi(candidate, file.text, version), '', { file: candidate, ...(version ? { version } : {}) });
        if (verdict.status !== 'pass') return { ...verdict, message: `${candidate}: ${verdict.message}` };
        // A document of the right version is not proof that every route is in it.
        return { ...verdict, status: 'manual', message: `${candidate} parses and is at ${version ?? '?'}, as package.json; that it covers every route is for a person to attest` };
      }
      if (ctx.options.path) return outcome('fail', `${ctx.options.path}, the configured API document, does not exist`, { remediation: 'Fix checks.documentation.api-docs.options.path.' });
      return outcome('manual', `no OpenAPI document in the repository (looked for ${candidates.join(', ')}): the docs may live elsewhere; attest them`, { evidence: { looked: [...candidates] } });
    } catch (error) {
      return probeFailure(error);
    }
  },
});
