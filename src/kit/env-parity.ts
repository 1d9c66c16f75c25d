import path from 'node:path';
import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { EnvView } from '../probes/env.js';
import { repoProbe } from '../probes/repo.js';
import { repoTreeProbe, type TreeWalk } from '../probes/repo-tree.js';
import { documentedNames, ENV_EXAMPLE_FILES, envReads, isApplicationSource, isProvidedByPlatform, parityFindings, type ParityFinding } from '../rules/env-parity.js';
import type { CheckContext } from './check.js';
import { perEnvView } from './per-env-view.js';

const MAX_LISTED = 50;

/** The first conventional .env example of a folder, else of the repository root. */
async function envExample(ctx: CheckContext<unknown>, folder: string): Promise<{ file: string; text: string } | undefined> {
  const repo = ctx.probe(repoProbe);
  for (const dir of folder === '.' ? ['.'] : [folder, '.']) {
    for (const name of ENV_EXAMPLE_FILES) {
      const file = path.posix.join(dir, name);
      const read = await repo.file(file);
      if (read.kind === 'file') return { file, text: read.text };
    }
  }
  return undefined;
}

function judgeParity(view: EnvView, walk: TreeWalk, folder: string, example: { file: string; text: string } | undefined, ignore: readonly string[]): CheckOutcome {
  const prefix = folder === '.' ? '' : `${folder.replace(/\/+$/, '')}/`;
  const sources = walk.files.filter((f) => f.path.startsWith(prefix) && isApplicationSource(f.path));
  if (sources.length === 0) return outcome('skip', `no JavaScript or TypeScript source${prefix ? ` under ${prefix}` : ''} to read variables from`);
  const reads = sources.flatMap((f) => envReads(f.path, f.text)).filter((r) => !ignore.includes(r.name) && !isProvidedByPlatform(r.name));
  const documented = example ? documentedNames(example.text) : undefined;
  const findings: ParityFinding[] = parityFindings(reads, documented?.names, (name) => view.values.has(name));
  const names = new Set(reads.map((r) => r.name));
  const problems = [
    ...(example === undefined ? [`no ${ENV_EXAMPLE_FILES.join(' / ')} documents the variables the code reads`] : []),
    ...(documented?.problem ? [`${example!.file}: ${documented.problem}`] : []),
    ...(walk.cutShort ? [`the repository walk stopped at its ${walk.cutShort.cap} cap: not every source file was read`] : []),
  ];
  const evidence = {
    sourceFiles: sources.length,
    variablesRead: names.size,
    ...(example ? { documentedIn: example.file } : {}),
    ...(findings.length > 0 ? { findings: findings.slice(0, MAX_LISTED).map((f) => `${f.status}: ${f.name} ${f.problem} (${f.readAt.join(', ')})`) } : {}),
    ...(problems.length > 0 ? { problems } : {}),
  };
  const fails = findings.filter((f) => f.status === 'fail');
  const list = (items: readonly ParityFinding[]) => items.slice(0, 5).map((f) => `${f.name} ${f.problem} (${f.readAt[0]})`).join('; ') + (items.length > 5 ? `; and ${items.length - 5} more` : '');
  const remediation =
    'Set every variable the code reads in the platform (Railway → service → Variables) and list each one in .env.example with a placeholder, or add a fallback in the code for the optional ones.';
  if (fails.length > 0) return outcome('fail', list(fails), { evidence, remediation });
  if (findings.length > 0 || problems.length > 0) return outcome('warn', [...problems, ...(findings.length > 0 ? [list(findings)] : [])].join('; '), { evidence, remediation });
  return outcome('pass', `the ${names.size} variables the code reads are documented in ${example!.file} and set`, { evidence });
}

/**
 * Environment parity, per env view: the variables the repository's JavaScript/TypeScript source reads by name
 * (`process.env.X`, destructuring, `import.meta.env.X`) against the repository's .env example and the view's values.
 * A service's code is its `services.<name>.repoPath` folder (default: the whole repository). Values are never read
 * here, only whether a name is set.
 */
export async function environmentParity(ctx: CheckContext<unknown>, ignore: readonly string[]): Promise<CheckOutcome> {
  const walk = await ctx.probe(repoTreeProbe).walk();
  const services = ctx.environment.services ?? {};
  return perEnvView(ctx, async (view) => {
    const folder = path.posix.normalize((view.service !== undefined ? services[view.service]?.repoPath : undefined) ?? '.');
    return judgeParity(view, walk, folder, await envExample(ctx, folder), ignore);
  });
}
