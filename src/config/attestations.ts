import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseDocument, isSeq, YAMLSeq } from 'yaml';
import { z } from 'zod';
import { ConfigError, UsageError } from './errors.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD' });

/** A person's statement that a manual line holds, with the evidence and a date after which it must be renewed. */
export const attestationSchema = z.strictObject({
  check: z.string().min(1),
  environment: z.string().min(1),
  by: z.string().min(1),
  at: isoDate,
  evidence: z.string().min(1),
  expires: isoDate,
  note: z.string().optional(),
});
export type Attestation = z.infer<typeof attestationSchema>;

const fileSchema = z.strictObject({
  version: z.literal(1),
  attestations: z.array(attestationSchema).default([]),
});

export async function loadAttestations(file: string): Promise<Attestation[]> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UsageError(`attestations file ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  const doc = parseDocument(source, { prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ConfigError(file, doc.errors.map((e) => ({ path: [], message: `YAML syntax error (${e.code.toLowerCase()})` })), 'cannot parse YAML');
  }
  const parsed = fileSchema.safeParse(doc.toJS() ?? { version: 1 });
  if (!parsed.success) {
    throw new ConfigError(
      file,
      parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })),
    );
  }
  return parsed.data.attestations;
}

/** Appends one attestation, keeping the file's comments; written to a temporary file first so nothing is lost. */
export async function appendAttestation(file: string, attestation: Attestation): Promise<void> {
  let source = 'version: 1\nattestations: []\n';
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await loadAttestations(file); // refuse to append to a file that is already invalid
  const doc = parseDocument(source);
  let list = doc.get('attestations');
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set('attestations', list);
  }
  (list as YAMLSeq).flow = false;
  (list as YAMLSeq).add(doc.createNode(attestation));
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, doc.toString(), 'utf8');
  await rename(temp, file);
}
