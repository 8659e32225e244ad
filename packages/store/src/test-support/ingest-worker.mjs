/**
 * A separate process that writes to a store, for the concurrency and crash tests. Plain JavaScript on the built
 * package (the test script builds first), so it runs on bare Node. Reads its orders from the JSON file named by
 * NEWSTONE_WORKER_ORDERS and reports on stdout, one JSON line per event.
 *
 * - `ingest`: ingests `analyses` one by one, in the order given, and reports every result.
 * - `crash`: ingests the `committed` analyses one by one, then announces and starts one `ingestMany` of `batch`,
 *   which the parent kills with SIGKILL before it can finish.
 */
import { readFileSync } from 'node:fs';

const { createStore } = await import(new URL('../../dist/index.js', import.meta.url).href);
const orders = JSON.parse(readFileSync(process.env.NEWSTONE_WORKER_ORDERS ?? '', 'utf8'));
const report = (event) => void process.stdout.write(`${JSON.stringify(event)}\n`);

const store = await createStore(orders.config);
if (orders.mode === 'ingest') {
  for (const analysis of orders.analyses) report(await store.ingest(analysis));
} else {
  for (const analysis of orders.committed) report(await store.ingest(analysis));
  report({ event: 'batch-start' });
  await store.ingestMany(orders.batch);
  report({ event: 'batch-done' });
}
await store.close();
