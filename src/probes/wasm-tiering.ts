import { setFlagsFromString } from 'node:v8';

let kept = false;

/**
 * undici parses HTTP with llhttp compiled to WebAssembly. After a few responses V8 recompiles the parser with its
 * optimising compiler in the background, and that recompile of llhttp's state machine (its loops unrolled) takes about
 * 30 MB of native memory for a moment (one request through undici measured at a 98 MB peak RSS, 62 MB with the
 * baseline compiler only; the demo run's peak, 16–32 MB lower). A run parses at most a few thousand capped answers,
 * which the baseline code parses no slower (2,000 answers of 200 KB: 1.6 s either way), so the run keeps it.
 * Process-wide and once: the flag is read when V8 decides to optimise, so setting it before the first request is
 * in time. Every architecture Node ships for has the baseline compiler (Liftoff).
 */
export function keepWasmOnBaselineCompiler(): void {
  if (kept) return;
  kept = true;
  // V8 prints "Error: unrecognized flag" for a flag it no longer has: set it only on the Node lines it is known on.
  if (Number(process.versions.node.split('.')[0]) <= 24) setFlagsFromString('--liftoff-only');
}
