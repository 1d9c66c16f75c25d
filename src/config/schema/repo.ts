import { z } from 'zod';
import { nonEmpty } from './common.js';

const command = nonEmpty.describe('A shell command, run in the repository with no stdin, a time limit and an output cap');

/** `repo: ../shop`, or the same with the commands readiness may run in it (only those; nothing else is ever run). */
export const repoSchema = z.union([
  nonEmpty,
  z.strictObject({
    path: nonEmpty.describe("The repository's folder, relative to this file"),
    run: z.boolean().default(false).describe('true: run package.json\'s `npm test` as the unit suite when commands.unit is not set'),
    timeout: z.number().int().min(1_000).max(3_600_000).default(600_000).describe('Time limit of each command in ms (default 10 minutes)'),
    commands: z
      .strictObject({
        unit: command.optional(),
        integration: command.optional(),
        e2e: command.optional(),
        dockerBuild: command.optional().describe('Builds the Docker images (e.g. `docker build -t api .`): its exit status is the verdict of deployment.docker-images'),
      })
      .default({})
      .describe('Commands to run, by purpose (test suites by kind, the Docker build): their exit status is the verdict'),
  }),
], {
  // zod's own union message is "Invalid input": say what either spelling looks like.
  error: 'expected a path, or { path, run: true|false, timeout: <ms, 1000..3600000>, commands: { unit, integration, e2e, dockerBuild } } whose commands are non-empty strings',
});

export type RepoConfig = z.infer<typeof repoSchema>;
export type RepoSettings = Exclude<RepoConfig, string>;

/** Both spellings as one: a bare path runs nothing. */
export function repoSettings(repo: RepoConfig): RepoSettings {
  return typeof repo === 'string' ? { path: repo, run: false, timeout: 600_000, commands: {} } : repo;
}
