// Kept apart from output.ts, which loads redaction and its dictionaries: `readiness --help` needs only this.

/** Streams whose reader went away (`| head` closed the pipe, the terminal hung up): output to them is dropped. */
const gone = new WeakSet<NodeJS.WriteStream>();

/**
 * Once per process: a reader that stops reading (`readiness list | head`) or a terminal that closes ends our
 * output quietly instead of crashing on an unhandled EPIPE with a stack trace; the command still finishes and
 * exits with its own code.
 */
export function guardStandardStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => {
      gone.add(stream);
    });
  }
}

export function write(stream: NodeJS.WriteStream, text: string): void {
  if (gone.has(stream) || stream.destroyed) return;
  stream.write(text);
}
