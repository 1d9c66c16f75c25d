import path from 'node:path';
import { z } from 'zod';
import { combine, outcome, verdictOf, type Part } from '../../src/core/outcome.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { defineCheck, type CheckContext } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { railwayConfigIn, railwayTargets } from '../../src/kit/railway-config.js';
import { repoSettings } from '../../src/config/schema/repo.js';
import { repoCommandsProbe } from '../../src/probes/repo-commands.js';
import { repoProbe } from '../../src/probes/repo.js';
import { judgeDockerfile } from '../../src/rules/dockerfile.js';

const options = z.strictObject({});

const NOT_BUILT = 'the image was not built here (no Docker engine is used): attest a build log';

/** The Dockerfile a service builds from: Railway's `build.dockerfilePath` when set, else `Dockerfile` in its folder. */
async function dockerfileOf(ctx: CheckContext<unknown>, folder: string): Promise<string> {
  const config = await railwayConfigIn(ctx, folder);
  const configured = config?.kind === 'config' ? config.build.dockerfilePath : undefined;
  return path.posix.join(folder, typeof configured === 'string' && configured !== '' ? configured : 'Dockerfile');
}

async function judgeService(ctx: CheckContext<unknown>, folder: string): Promise<CheckOutcome> {
  const repo = ctx.probe(repoProbe);
  const file = await dockerfileOf(ctx, folder);
  const dockerfile = await repo.file(file);
  if (dockerfile.kind === 'missing') {
    return outcome('manual', `no ${file}: the platform builds the image itself (Nixpacks/Railpack), which the repository cannot show; attest its build log`);
  }
  if (dockerfile.truncated) return outcome('error', `${file} is larger than the 256 KiB read limit`);
  const ignore = await repo.file(path.posix.join(folder, '.dockerignore'));
  const judgements = judgeDockerfile(file, dockerfile.text, ignore.kind === 'file' ? ignore.text : undefined);
  const verdict = verdictOf(judgements, `${file}: sound`, { file });
  // Every static rule passing is not a successful build: without an engine the line stays with a person.
  if (verdict.status === 'pass') return { ...verdict, status: 'manual', message: `${file} passes every static check; ${NOT_BUILT}` };
  return { ...verdict, message: `${file}: ${verdict.message}` };
}

/** Runs `repo.commands.dockerBuild` (bounded by the repo-commands probe): its exit status is the build's verdict. */
async function judgeBuild(ctx: CheckContext<unknown>, command: string): Promise<CheckOutcome> {
  try {
    const run = await ctx.probe(repoCommandsProbe).run(command);
    const tail = run.outputTail.split('\n').slice(-15);
    const evidence = { command, exitCode: run.exitCode, ...(run.signal ? { signal: run.signal } : {}), durationMs: run.durationMs, outputTail: tail };
    if (run.exitCode === 0) return outcome('pass', `\`${command}\` exited 0`, { evidence });
    const how = run.exitCode === null ? `was ended by ${run.signal ?? 'a signal'}` : `exited ${run.exitCode}`;
    const last = tail.slice(-3).join(' / ').slice(0, 300);
    return outcome('fail', `\`${command}\` ${how}${last ? `: ${last}` : ''}`, { evidence, remediation: `Run \`${command}\` in the repository and fix the build.` });
  } catch (error) {
    return probeFailure(error);
  }
}

export default defineCheck<z.infer<typeof options>>({
  id: 'deployment.docker-images',
  section: 'deployment',
  item: 'Docker images building successfully',
  severity: 'high',
  automation: 'partial',
  needs: ['repo'],
  options,
  verifies:
    "Each service's Dockerfile is sound enough to build a production image: it parses, pins its base images, runs as a non-root user with NODE_ENV=production, bakes no secret into ENV/ARG, keeps dev dependencies out, and its .dockerignore excludes .env files and node_modules.",
  how:
    "For each service's folder (`services.<name>.repoPath`, default the repository root) reads the Dockerfile Railway builds (`build.dockerfilePath` of railway.json / railway.toml, else Dockerfile) and the folder's .dockerignore through the repository probe, " +
    'parses it with dockerfile-ast and judges: known instructions and a FROM (else fail); base images with a tag other than latest (fail otherwise; a digest is best; an image from an ARG warns); ' +
    'a final-stage USER other than root (fail); NODE_ENV=production (another value fails, none warns); ENV/ARG values the project secret rules call secret (fail, named by line, never quoted); ' +
    'a multi-stage build or `npm ci --omit=dev` (warn otherwise); .dockerignore with node_modules and .env* (fail otherwise). ' +
    'With `repo.commands.dockerBuild` (e.g. `docker build -t api .`, which should build every service\'s image) that command is run once in the repository through the repo-commands probe (own process group killed at repo.timeout, no stdin, 4 MiB output cap, output scrubbed) as the part "docker build": exit 0 passes it, and sound Dockerfiles then pass; another exit status fails with the last lines of its output; a timeout is error. Give the check a timeout (checks.deployment.docker-images.timeout) as long as the build. ' +
    'Without it no image is built: a sound Dockerfile is manual, to be attested with a build log. No Dockerfile is manual too (the platform builder).',
  attestation: 'CI log or `docker build` output for each service at the release SHA ending successfully, with image sizes, and the Railway build log for the same commit.',
  remediation: 'Fix the Dockerfiles: pin the base image, use multi-stage builds with `npm ci`, run as `USER node`, set NODE_ENV=production, add a .dockerignore, and build every image in CI on each pull request.',
  async run(ctx) {
    const folders = new Map<string, string[]>();
    for (const target of railwayTargets(ctx)) folders.set(target.folder, [...(folders.get(target.folder) ?? []), target.label]);
    const command = repoSettings(ctx.environment.repo!).commands.dockerBuild;
    // Started first, so the build runs while the Dockerfiles are read.
    const building = command === undefined ? undefined : judgeBuild(ctx, command);
    const parts = await Promise.all(
      [...folders].map(async ([folder, labels]): Promise<Part> => {
        try {
          return { label: labels.join(', '), outcome: await judgeService(ctx, folder) };
        } catch (error) {
          return { label: labels.join(', '), outcome: probeFailure(error) };
        }
      }),
    );
    const build = await building;
    if (!build) return combine(parts);
    // A build that succeeded is what the static rules could not show: sound Dockerfiles pass with it.
    const built = parts.map((part) =>
      build.status === 'pass' && part.outcome.status === 'manual' && part.outcome.message.includes(NOT_BUILT)
        ? { ...part, outcome: { ...part.outcome, status: 'pass' as const, message: part.outcome.message.replace(NOT_BUILT, `\`${command}\` built it (exit 0)`) } }
        : part,
    );
    return combine([...built, { label: 'docker build', outcome: build }], { pass: `every Dockerfile passes the static checks and \`${command}\` exited 0` });
  },
});
