import { rename, writeFile } from 'node:fs/promises';
import { parseDocument, isSeq, YAMLSeq } from 'yaml';
import { z } from 'zod';
import { ConfigError, type ConfigProblem } from './errors.js';
import { readConfigText } from './load.js';
import { unknownCheck, unknownEnvironment, type KnownNames } from './references.js';
import { isoDate } from './schema/common.js';
import { parseYaml } from './yaml-source.js';

/** Attestations accumulate for years (a few hundred bytes each); past this the file is not one `attest` wrote. */
export const MAX_ATTESTATIONS_BYTES = 4 * 1024 * 1024;

/** Who, what and where, never blank: an attestation by "" with evidence "" vouches for nothing. */
const filled = z.string().refine((value) => value.trim() !== '', { message: 'expected a non-empty value' });

/** A person's statement that a manual line holds, with the evidence and a date after which it must be renewed. */
export const attestationSchema = z
  .strictObject({
    check: filled,
    environment: filled,
    by: filled,
    at: isoDate,
    evidence: filled,
    expires: isoDate,
    note: z.string().optional(),
  })
  .superRefine((attestation, ctx) => {
    if (attestation.expires < attestation.at) {
      ctx.addIssue({ code: 'custom', path: ['expires'], message: `expires ${attestation.expires} is before the day it was attested (${attestation.at})` });
    }
  });
export type Attestation = z.infer<typeof attestationSchema>;

const fileSchema = z.strictObject({
  version: z.literal(1, { message: 'expected version: 1' }),
  attestations: z.array(attestationSchema).default([]),
});

/**
 * The attestations file; a missing file holds none. With `known`, every entry must name a check that takes
 * attestations and an environment of the config, since an entry naming neither would be silently unused.
 */
export async function loadAttestations(file: string, known?: KnownNames): Promise<Attestation[]> {
  const source = await readConfigText(file, 'attestations file', MAX_ATTESTATIONS_BYTES, () => '');
  return parseAttestations(source, file, known);
}

export function parseAttestations(source: string, file: string, known?: KnownNames): Attestation[] {
  const { value, locate } = parseYaml(source, file);
  const parsed = fileSchema.safeParse(value ?? { version: 1 });
  if (!parsed.success) {
    throw new ConfigError(
      file,
      parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        return { path, message: issue.message, ...locate(path) };
      }),
    );
  }
  const attestations = parsed.data.attestations;
  if (known) {
    const problems: ConfigProblem[] = [];
    attestations.forEach((attestation, index) => {
      const at = (key: string) => ['attestations', index, key];
      const check =
        unknownCheck(attestation.check, known, at('check')) ??
        (known.automatedIds.has(attestation.check)
          ? { path: at('check'), message: `${attestation.check} is verified automatically; attestations apply only to manual lines (use a waiver for a known failure)` }
          : undefined);
      const environment = unknownEnvironment(attestation.environment, known, at('environment'));
      for (const problem of [check, environment]) if (problem) problems.push({ ...problem, ...locate(problem.path) });
    });
    if (problems.length > 0) throw new ConfigError(file, problems);
  }
  return attestations;
}

/** Appends one attestation, keeping the file's comments; written to a temporary file first so nothing is lost. */
export async function appendAttestation(file: string, attestation: Attestation, known?: KnownNames): Promise<void> {
  const existing = await readConfigText(file, 'attestations file', MAX_ATTESTATIONS_BYTES, () => '');
  // Refuse to append to a file that is already invalid, and check the new entry by the same rules.
  parseAttestations(existing, file, known);
  const doc = parseDocument(existing.trim() === '' ? 'version: 1\nattestations: []\n' : existing);
  let list = doc.get('attestations');
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set('attestations', list);
  }
  (list as YAMLSeq).flow = false;
  (list as YAMLSeq).add(doc.createNode(attestation));
  const text = doc.toString();
  parseAttestations(text, file, known);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
}
