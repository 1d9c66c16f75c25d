import { startDemoDatabase } from '../fixtures/db/demo.js';
import { startPostgres } from '../fixtures/db/server.js';

/**
 * `node dist/scripts/bench-postgres.js`: how long the throwaway PostgreSQL takes to start (template copy, server
 * launch) and to become the demo's database, as medians — the figures behind the demo's start-up cost.
 */
const RUNS = Number(process.env.BENCH_PG_RUNS ?? 5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const first = await startPostgres();
process.stdout.write(`first start: ${first.startup.ms} ms (template ${first.startup.template})\n`);
await first.stop();

const starts: { ms: number; copyMs: number; launchMs: number; stopMs: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  const server = await startPostgres();
  const stopping = performance.now();
  await server.stop();
  starts.push({ ...server.startup, stopMs: Math.round(performance.now() - stopping) });
}
const demo: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  const db = await startDemoDatabase();
  demo.push(Math.round(performance.now() - started));
  if (db.available) await db.close();
}
process.stdout.write(
  `server start (median of ${RUNS}): ${median(starts.map((s) => s.ms))} ms = template copy ${median(starts.map((s) => s.copyMs))} ms + launch ${median(
    starts.map((s) => s.launchMs),
  )} ms; stop ${median(starts.map((s) => s.stopMs))} ms\n` + `demo database ready (server + roles + schema, median of ${RUNS}): ${median(demo)} ms\n`,
);
