import { z } from 'zod';
import { combine, outcome } from '../../src/core/outcome.js';
import { Fingerprinter } from '../../src/core/secrets/fingerprint.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { defineCheck, type CheckContext } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { DEFAULT_HISTORY_LIMITS, gitHistoryProbe, type GitFiles } from '../../src/probes/git-history.js';
import { repoTreeProbe, SKIPPED_FOLDERS } from '../../src/probes/repo-tree.js';
import { isIgnoredPath, secretsInFiles, secretsInHistory, type LocatedHit } from '../../src/rules/repo-secrets.js';

const options = z.strictObject({
  ignore: z
    .array(z.string().min(1))
    .default([])
    .describe('Repository paths not to scan (a file, or a folder ending in /), e.g. test fixtures holding fake keys; they are listed in the evidence'),
  maxCommits: z.number().int().min(1).max(100_000).default(DEFAULT_HISTORY_LIMITS.maxCommits).describe('Newest commits of the history to scan (over every ref)'),
  maxHistoryBytes: z
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_HISTORY_LIMITS.maxPatchBytes)
    .describe('Bytes of patch text (`git log -p`) to read at most'),
});
type Options = z.infer<typeof options>;

const ATTESTATION =
  'Screenshot of the production vault (1Password, Bitwarden) listing item names (Railway, AWS, Shopify Partners, Google Cloud, Sentry, database, domain registrar) and its members, with no secret values visible.';
const MAX_LISTED = 10;
const ROTATE =
  'Rotate every credential listed (revoke it at the vendor: a committed secret is public to everyone who can clone the repository), move it into the password manager and the platform\'s variables, and read it from the environment.';
const PURGE =
  'Rotate every credential listed at its vendor and move it into the password manager: deleting the file does not remove the secret. Then rewrite the history (git filter-repo --replace-text, or BFG) and force-push every branch and tag; ask forks and CI caches to be cleared.';

function describeHit(hit: LocatedHit, fingerprints: Fingerprinter): string {
  const where = `${hit.commit ? `${hit.commit.slice(0, 12)} ` : ''}${hit.path}:${hit.line}`;
  return `${where} ${hit.kind}${hit.prefix ? ` (${hit.prefix}…)` : ''} ${fingerprints.short(hit.secret)}`;
}

function listed(hits: readonly LocatedHit[], fingerprints: Fingerprinter): string {
  const shown = hits.slice(0, 5).map((hit) => describeHit(hit, fingerprints).replace(/ hmac:\w+$/, ''));
  return shown.join('; ') + (hits.length > 5 ? `; and ${hits.length - 5} more` : '');
}

async function gitFiles(ctx: CheckContext<Options>): Promise<GitFiles | undefined> {
  try {
    return await ctx.probe(gitHistoryProbe).files();
  } catch {
    // Without git the tree's hits cannot be told committed from local: every one counts as committed.
    return undefined;
  }
}

async function judgeTree(ctx: CheckContext<Options>, fingerprints: Fingerprinter): Promise<CheckOutcome> {
  const walk = await ctx.probe(repoTreeProbe).walk();
  const files = await gitFiles(ctx);
  const skip = (path: string) => isIgnoredPath(path, ctx.options.ignore, SKIPPED_FOLDERS);
  const hits = secretsInFiles(walk.files, skip);
  const tracked = files?.kind === 'files' ? files : undefined;
  const committed = hits.filter((hit) => !tracked || tracked.tracked.has(hit.path));
  const untracked = tracked ? hits.filter((hit) => tracked.untracked.has(hit.path)) : [];
  const ignoredByGit = hits.length - committed.length - untracked.length;
  const notScanned = [
    ...(walk.cutShort ? [`the walk stopped at its ${walk.cutShort.cap === 'files' ? `${walk.cutShort.limit}-file` : `${walk.cutShort.limit / 1024 / 1024} MiB`} cap`] : []),
    ...(walk.tooLarge.count > 0 ? [`${walk.tooLarge.count} file(s) over ${walk.tooLarge.limit / 1024 / 1024} MiB (${walk.tooLarge.paths.slice(0, 3).join(', ')}${walk.tooLarge.count > 3 ? ', …' : ''})`] : []),
  ];
  const evidence = {
    filesScanned: walk.files.filter((f) => !skip(f.path)).length,
    bytesScanned: walk.bytes,
    ...(committed.length > 0 ? { committed: committed.slice(0, MAX_LISTED * 2).map((h) => describeHit(h, fingerprints)) } : {}),
    ...(untracked.length > 0 ? { untracked: untracked.slice(0, MAX_LISTED * 2).map((h) => describeHit(h, fingerprints)) } : {}),
    ...(ignoredByGit > 0 ? { inGitIgnoredFiles: ignoredByGit } : {}),
    ...(notScanned.length > 0 ? { notScanned } : {}),
    ...(walk.binaries > 0 ? { binariesSkipped: walk.binaries } : {}),
    ...(walk.symlinksOut.length > 0 ? { symlinksOutRefused: walk.symlinksOut } : {}),
    ...(walk.unreadable.length > 0 ? { unreadable: walk.unreadable } : {}),
    ...(ctx.options.ignore.length > 0 ? { ignoredByOption: ctx.options.ignore } : {}),
    ...(files === undefined ? { git: 'unavailable: every hit counts as committed' } : files.kind === 'not-a-repository' ? { git: files.reason } : {}),
  };
  if (committed.length > 0) {
    return outcome('fail', `${committed.length} secret(s) committed: ${listed(committed, fingerprints)}`, { evidence, remediation: ROTATE });
  }
  if (untracked.length > 0) {
    return outcome('warn', `${untracked.length} secret(s) in files git neither tracks nor ignores (one \`git add .\` from committed): ${listed(untracked, fingerprints)}`, {
      evidence,
      remediation: 'Add these files to .gitignore (or move the secrets into the password manager and the platform\'s variables) before anyone commits them.',
    });
  }
  if (notScanned.length > 0) {
    return outcome('warn', `no secret in the ${evidence.filesScanned} files read, but not everything was scanned: ${notScanned.join('; ')}`, {
      evidence,
      remediation: 'Add generated or vendored folders to `ignore`, or scan the rest with a dedicated scanner (gitleaks, trufflehog).',
    });
  }
  return outcome('pass', `no secret in ${evidence.filesScanned} files${ignoredByGit > 0 ? ` (${ignoredByGit} in git-ignored local files, not committed)` : ''}`, { evidence });
}

async function judgeHistory(ctx: CheckContext<Options>, fingerprints: Fingerprinter): Promise<CheckOutcome> {
  const history = await ctx.probe(gitHistoryProbe).history({ ...DEFAULT_HISTORY_LIMITS, maxCommits: ctx.options.maxCommits, maxPatchBytes: ctx.options.maxHistoryBytes });
  if (history.kind === 'not-a-repository') {
    return outcome('warn', `${history.reason}: no history to scan here — scan the repository the code is deployed from`, { evidence: { git: history.reason } });
  }
  const skip = (path: string) => isIgnoredPath(path, ctx.options.ignore, SKIPPED_FOLDERS);
  const hits = secretsInHistory(history.added, skip);
  const incomplete = [
    ...(history.cutShort ? [history.cutShort.cap === 'commits' ? `only the newest ${history.cutShort.limit} of ${history.totalCommits} commits were read (maxCommits)` : `reading stopped at ${history.cutShort.limit} bytes of patches (maxHistoryBytes)`] : []),
    ...(history.shallow ? ['a shallow clone: older commits are not here (git fetch --unshallow)'] : []),
  ];
  const evidence = {
    commits: history.totalCommits,
    commitsScanned: history.commitsRead,
    linesScanned: history.added.length,
    ...(hits.length > 0 ? { secrets: hits.slice(0, MAX_LISTED * 2).map((h) => describeHit(h, fingerprints)) } : {}),
    ...(incomplete.length > 0 ? { notScanned: incomplete } : {}),
  };
  if (hits.length > 0) {
    return outcome('fail', `${hits.length} secret(s) in the history: ${listed(hits, fingerprints)}`, { evidence, remediation: PURGE });
  }
  if (incomplete.length > 0) {
    return outcome('warn', `no secret in the ${history.commitsRead} commits read, but ${incomplete.join('; ')}`, {
      evidence,
      remediation: 'Raise maxCommits / maxHistoryBytes (and the check\'s timeout), or run where the full history is (a clone with fetch-depth: 0).',
    });
  }
  return outcome('pass', `no secret added by any of ${history.commitsRead} commits`, { evidence });
}

export default defineCheck<Options>({
  id: 'final.password-manager',
  section: 'final',
  item: 'Passwords stored in password manager',
  severity: 'high',
  automation: 'partial',
  // Without `repo:` the line stays what it was, a person's attestation, rather than a skip.
  needs: [],
  options,
  verifies:
    'No credential is committed to the repository — neither in its working tree nor in its git history — and (attested by a person) all production credentials live in a shared password-manager vault with access limited to those who need it.',
  how:
    'With `repo:` set, walks the working tree (probe repo-tree: .git, node_modules and build caches skipped, symlinks never followed, binaries left out, at most 10,000 files, 64 MiB, 4 MiB per file) ' +
    'and reads the git history (probe git-history: `git log --all -p -U0` over the newest `maxCommits` commits, 1,000 by default, and at most `maxHistoryBytes`, 32 MiB; run without a shell, hooks, pager, textconv or external diff). ' +
    'Each file and each added line is searched for known key formats (AWS AKIA/ASIA key ids, Stripe sk_live_/rk_live_/whsec_, GitHub ghp_/gho_/ghu_/ghs_/ghr_/github_pat_, GitLab glpat-, Slack xox?- tokens and webhook URLs, ' +
    'Shopify shpat_/shpss_/shpca_/shppa_, SendGrid SG., Anthropic sk-ant-, OpenAI sk-proj-, npm_, Google AIza, Square sq0atp-/sq0csp-, Razorpay rzp_live_, Doppler dp.st.), private-key PEM blocks with a body, ' +
    'passwords inside URLs to hosts other than this machine, and credential-named assignments (…PASSWORD, …SECRET, …API_KEY, …TOKEN, … in .env, YAML, JSON, TOML, Dockerfiles and quoted literals in code) whose values are real: ' +
    'not empty, a template (${X}, {{ secrets.X }}), a reference (an env-var name, a path), prose (white space), a placeholder (changeme, your-…, <…>, xxx, AWS\'s …EXAMPLE keys), on the known-weak or published lists, or shorter than 8 characters. ' +
    'In tests, fixtures and mocks (test/, __tests__/, fixtures/, *.test.*, …) only key formats and private keys count: their made-up passwords are not credentials. ' +
    'Fail: a secret in a file git tracks (or any file, when the folder is no git repository) or added by any commit scanned, even one deleted since. Warn: a secret in a file git neither tracks nor ignores; ' +
    'a cap reached, a file over the size cap, a shallow clone, or a folder that is no git repository (what was not scanned is named). Secrets in git-ignored files are counted, not failed. ' +
    'Hits are reported by file, line, kind, public prefix, commit and a keyed fingerprint — never by value. A clean scan is manual: that the credentials live in a password manager needs a person.',
  attestation: ATTESTATION,
  remediation:
    'Create a shared production vault, move every credential and 2FA recovery code into it, restrict membership, and purge credentials from Slack, docs and committed .env files (rotating any that were committed).',
  async run(ctx) {
    if (ctx.environment.repo === undefined) {
      return outcome('manual', `no repository configured (\`repo:\`), so committed secrets were not scanned; needs a person's attestation: ${ATTESTATION}`);
    }
    const fingerprints = new Fingerprinter();
    const settle = (judge: Promise<CheckOutcome>) => judge.catch((error: unknown) => probeFailure(error));
    const [tree, history] = await Promise.all([settle(judgeTree(ctx, fingerprints)), settle(judgeHistory(ctx, fingerprints))]);
    const combined = combine([
      { label: 'working tree', outcome: tree },
      { label: 'git history', outcome: history },
    ]);
    if (combined.status !== 'pass') return combined;
    return { ...combined, status: 'manual', message: `no secret committed (${tree.message}; ${history.message}); needs a person's attestation: ${ATTESTATION}` };
  },
});
