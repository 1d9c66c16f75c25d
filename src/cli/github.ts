import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { KeyPath } from '../config/interpolate.js';
import { redactText } from '../core/redact.js';
import { safeLine } from '../core/safe-text.js';
import { atLeast } from '../core/types.js';
import type { Need } from '../kit/check.js';
import type { Report, ReportResult } from '../report/schema.js';
import { reporterFor } from '../reporters/index.js';
import { STATUS_LABEL } from '../reporters/symbols.js';
import { describeFileError } from './failure.js';
import { err } from './output.js';
import { write } from './streams.js';

/** GitHub refuses a step summary past 1 MiB; the report is cut before that with a note saying so. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024 - 4096;

export interface AnnotationSource {
  /** The config file as the user named it. */
  file: string;
  environment: string;
  locate: LoadedConfig['locate'];
  /** What each check reads, to point its annotation at the key it concerns. */
  needs: ReadonlyMap<string, readonly Need[]>;
  /** Annotation paths are relative to the repository checkout. */
  workspace: string;
}

export interface Annotation {
  level: 'error' | 'warning';
  file: string;
  line: number;
  title: string;
  message: string;
}

/**
 * Data of a workflow command (GitHub's own escaping): `%`, CR and LF are percent-encoded so a message stays one
 * command, and `::` is broken so no text from a target or a config reads as the start of another command.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/::/g, ': :');
}

/** Property values additionally encode `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Every field is redacted and made one visible line before it is escaped: never a secret, never a control. */
export function workflowCommand(annotation: Annotation): string {
  const clean = (text: string) => safeLine(redactText(text));
  const properties = [`file=${escapeProperty(clean(annotation.file))}`, `line=${annotation.line}`, `title=${escapeProperty(clean(annotation.title))}`];
  return `::${annotation.level} ${properties.join(',')}::${escapeData(clean(annotation.message))}\n`;
}

/**
 * One annotation per result that needs attention: `error` for what fails the gate, `warning` for the rest (a warn, or
 * a fail below the gate's severity). Waived lines are accepted risks and stay quiet; manual lines are not failures.
 */
export function annotationsFor(report: Report, source: AnnotationSource): Annotation[] {
  const file = path.relative(source.workspace, path.resolve(source.file)) || source.file;
  const annotations: Annotation[] = [];
  for (const result of report.results) {
    if (result.override?.kind === 'waiver') continue;
    if (result.status !== 'fail' && result.status !== 'error' && result.status !== 'warn') continue;
    const fix = result.remediation.split('\n')[0]?.trim();
    // The report's own location (the one SARIF carries) when it has one, so code scanning and annotations agree.
    annotations.push({
      level: gates(result, report) ? 'error' : 'warning',
      file: result.location?.file ?? file,
      line: result.location?.line ?? lineFor(result, source),
      title: `${STATUS_LABEL[result.status]} ${result.id} [${result.severity}]`,
      message: `${result.item}: ${result.message}${fix ? ` — fix: ${fix}` : ''}`,
    });
  }
  return annotations.sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
}

function gates(result: ReportResult, report: Report): boolean {
  if (!atLeast(result.severity, report.gate.failOn)) return false;
  return result.status === 'fail' || result.status === 'error' || (report.gate.strict && result.status === 'warn');
}

/**
 * The line a person edits for this finding: the service that failed (a per-service line's evidence is keyed by
 * service, each with its verdict), else the check's own `checks.<id>` block when the config has one, else the first
 * key the check reads in the environment, else the environment itself, else the top of the file.
 */
function lineFor(result: ReportResult, source: AnnotationSource): number {
  const environment: KeyPath = ['environments', source.environment];
  const failedServices = Object.entries(result.evidence)
    .filter(([, part]) => isPart(part) && ['fail', 'error', 'warn'].includes(part.verdict))
    .map(([name]): KeyPath => [...environment, 'services', name]);
  const needs = (source.needs.get(result.id) ?? []).flatMap((need) => (typeof need === 'string' ? [need] : [...need]));
  const candidates: KeyPath[] = [...failedServices, ['checks', result.id], ...needs.map((key) => [...environment, key]), environment];
  for (const candidate of candidates) {
    const found = source.locate(candidate);
    if (found) return found.line;
  }
  return 1;
}

function isPart(value: unknown): value is { verdict: string } {
  return typeof value === 'object' && value !== null && 'verdict' in value && typeof value.verdict === 'string';
}

export interface GitHubPublication {
  report: Report;
  source: AnnotationSource;
  stream?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

/**
 * Under GitHub Actions: annotations on stderr (the runner reads workflow commands from both streams, and stdout may
 * carry a machine-readable report), and the Markdown report appended to the job's step summary. A summary that
 * cannot be written is said on stderr; the gate stays the job's verdict.
 */
export async function publishToGitHub({ report, source, stream = process.stderr, env = process.env }: GitHubPublication): Promise<void> {
  for (const annotation of annotationsFor(report, source)) write(stream, workflowCommand(annotation));
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (!summaryFile) return;
  try {
    await appendFile(summaryFile, stepSummary(report), 'utf8');
  } catch (error) {
    err(`cannot append the report to $GITHUB_STEP_SUMMARY (${summaryFile}): ${describeFileError(error)}\n`);
  }
}

/** The Markdown report, redacted once more (the summary is public to anyone who can read the run). */
export function stepSummary(report: Report): string {
  const markdown = redactText(reporterFor('markdown').render(report, { colorLevel: 0 }));
  if (markdown.length <= STEP_SUMMARY_LIMIT) return `${markdown.trimEnd()}\n\n`;
  return `${markdown.slice(0, STEP_SUMMARY_LIMIT).trimEnd()}\n\n_…cut to fit GitHub's step summary limit; the full report is in the uploaded artifacts._\n\n`;
}

/** Where a run's annotations point: its config file, located key by key. */
export function annotationSource(loaded: LoadedConfig, environment: string, checks: readonly { id: string; needs: readonly Need[] }[]): AnnotationSource {
  return {
    file: loaded.file,
    environment,
    // The loader's locate falls back to the nearest parent (right for an error message); an annotation wants the key itself.
    locate: (keyPath) => (hasPath(loaded.config, keyPath) ? loaded.locate(keyPath) : undefined),
    needs: new Map(checks.map((check) => [check.id, check.needs])),
    workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  };
}

function hasPath(value: unknown, keyPath: KeyPath): boolean {
  let node = value;
  for (const key of keyPath) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node !== undefined;
}
