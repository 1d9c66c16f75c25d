import { DockerfileParser, Keyword, type Instruction } from 'dockerfile-ast';
import { judged, type Judgement } from '../core/outcome.js';
import { looksSecret } from '../core/secrets/secret-like.js';

const KEYWORDS = new Set<string>(Object.values(Keyword));

function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}

/** What a .dockerignore must keep out of the build context: local env files (secrets) and the host's node_modules. */
function dockerignoreJudgements(dockerignore: string | undefined): Judgement[] {
  if (dockerignore === undefined) {
    return [judged('.dockerignore', 'fail', 'missing: .env files and node_modules are sent into the build context', 'Add a .dockerignore listing at least .env* and node_modules.')];
  }
  const patterns = dockerignore
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .map((line) => line.replace(/^(\*\*\/|\/)+/, '').replace(/\/+$/, ''));
  const missing: string[] = [];
  if (!patterns.some((p) => p === 'node_modules' || p === 'node_modules/**')) missing.push('node_modules');
  if (!patterns.some((p) => p === '.env' || p === '.env*' || p === '.env.*' || p === '*.env' || p === '.env**')) missing.push('.env*');
  if (missing.length > 0) {
    return [judged('.dockerignore', 'fail', `does not exclude ${missing.join(' or ')}`, `Add ${missing.join(' and ')} to .dockerignore.`)];
  }
  return [judged('.dockerignore', 'pass', 'excludes .env* and node_modules')];
}

/**
 * A Dockerfile judged as text (no engine): it parses into known instructions; every external base image is pinned
 * (a tag other than latest, ideally a digest); the final stage runs as a non-root USER with NODE_ENV=production; no
 * ENV or ARG holds a secret (by the project's own secret rules; values are never quoted); dev dependencies stay out
 * (a multi-stage build or `npm ci --omit=dev`); and the .dockerignore excludes .env files and node_modules.
 */
export function judgeDockerfile(file: string, text: string, dockerignore: string | undefined): Judgement[] {
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const judgements: Judgement[] = [];

  const unknown = instructions.filter((i) => !KEYWORDS.has(i.getKeyword().toUpperCase()));
  const froms = dockerfile.getFROMs();
  if (unknown.length > 0 || froms.length === 0) {
    const problems = [
      ...unknown.map((i) => `line ${lineOf(i)}: unknown instruction ${i.getKeyword().slice(0, 40)}`),
      ...(froms.length === 0 ? ['no FROM instruction'] : []),
    ];
    return [judged('syntax', 'fail', `does not parse as a Dockerfile (${problems.join('; ')})`, `Fix ${file}: docker build stops at the first unknown instruction.`)];
  }

  const stages = new Set<string>();
  for (const from of froms) {
    const image = from.getImageName();
    const stage = from.getBuildStage();
    const line = from.getRange().start.line + 1;
    if (image === null) {
      judgements.push(judged(`base image (line ${line})`, 'fail', 'FROM names no image', 'Name the base image in FROM.'));
    } else if (stages.has(image) || image === 'scratch') {
      // An earlier stage of this file, or the empty image: nothing to pin.
    } else if ((from.getImage() ?? '').includes('$')) {
      judgements.push(judged(`base image ${from.getImage() ?? image} (line ${line})`, 'warn', 'comes from a build argument, so whether it is pinned depends on the build', 'Pin the base image in the Dockerfile, or give the ARG a pinned default.'));
    } else {
      const tag = from.getImageTag();
      const digest = from.getImageDigest();
      if (digest) judgements.push(judged(`base image ${image} (line ${line})`, 'pass', `pinned to a digest${tag ? ` (tag ${tag})` : ''}`));
      else if (tag === null || tag === 'latest') {
        judgements.push(judged(`base image ${image} (line ${line})`, 'fail', `${tag === null ? 'has no tag (means latest)' : 'is :latest'}: each build may get another image`, `Pin ${image} to a version tag (e.g. ${image}:20-alpine), ideally with @sha256 digest.`));
      } else judgements.push(judged(`base image ${image}:${tag} (line ${line})`, 'pass', 'pinned to a tag (a digest would pin it exactly)'));
    }
    if (stage) stages.add(stage);
  }

  const finalFrom = froms[froms.length - 1]!;
  const finalStart = finalFrom.getRange().start.line;
  const finalStage = instructions.filter((i) => i.getRange().start.line >= finalStart);

  const users = finalStage.filter((i) => i.getKeyword().toUpperCase() === 'USER');
  const user = users.length > 0 ? (users[users.length - 1]!.getArgumentsContent() ?? '').trim().split(':')[0] : undefined;
  if (user === undefined) judgements.push(judged('USER', 'fail', 'the final stage sets no USER: the app runs as root', 'Add `USER node` (or another non-root user) to the final stage.'));
  else if (user === 'root' || user === '0') judgements.push(judged('USER', 'fail', `the final stage runs as ${user}`, 'Switch the final stage to a non-root user (`USER node`).'));
  else judgements.push(judged('USER', 'pass', `runs as ${user}`));

  let nodeEnv: string | null | undefined;
  for (const env of dockerfile.getENVs().filter((i) => i.getRange().start.line >= finalStart)) {
    for (const property of env.getProperties()) if (property.getName() === 'NODE_ENV') nodeEnv = property.getValue();
  }
  if (nodeEnv === undefined) judgements.push(judged('NODE_ENV', 'warn', 'the final stage does not set NODE_ENV=production (only the platform variables would)', 'Add `ENV NODE_ENV=production` to the final stage.'));
  else if (nodeEnv !== 'production') judgements.push(judged('NODE_ENV', 'fail', `the final stage sets NODE_ENV=${String(nodeEnv).slice(0, 20)}`, 'Set `ENV NODE_ENV=production` in the final stage.'));
  else judgements.push(judged('NODE_ENV', 'pass', 'production'));

  const leaks: string[] = [];
  for (const instruction of [...dockerfile.getENVs(), ...dockerfile.getARGs()]) {
    for (const property of instruction.getProperties()) {
      const value = property.getValue();
      if (value && looksSecret(property.getName(), value)) leaks.push(`line ${lineOf(instruction)}: ${instruction.getKeyword().toUpperCase()} ${property.getName()} (a ${value.length}-character value)`);
    }
  }
  if (leaks.length > 0) {
    judgements.push(judged('secrets', 'fail', `${leaks.join('; ')} holds a secret baked into every image layer`, 'Remove secrets from ENV/ARG: pass them at runtime as platform variables (or with BuildKit --mount=type=secret), and rotate the exposed ones.'));
  } else judgements.push(judged('secrets', 'pass', 'no ENV or ARG holds a secret-looking value'));

  const runs = instructions.filter((i) => i.getKeyword().toUpperCase() === 'RUN').map((i) => i.getArgumentsContent() ?? '');
  const prunesDev = runs.some((run) => /\bnpm\s+(ci|install|i)\b[^&|;]*(--omit[= ]dev|--only[= ]prod(uction)?|--production)\b/.test(run) || /\bnpm\s+prune\b[^&|;]*(--omit[= ]dev|--production)/.test(run));
  if (froms.length > 1) judgements.push(judged('dev dependencies', 'pass', `multi-stage build (${froms.length} stages)`));
  else if (prunesDev) judgements.push(judged('dev dependencies', 'pass', 'installed without dev dependencies'));
  else judgements.push(judged('dev dependencies', 'warn', 'a single stage without `npm ci --omit=dev`: dev dependencies and build tools ship in the image', 'Use a multi-stage build, or `npm ci --omit=dev` in the final image.'));

  return [...judgements, ...dockerignoreJudgements(dockerignore)];
}
