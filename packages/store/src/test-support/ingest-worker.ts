/**
 * A separate process that writes to a store, for the concurrency and crash tests. Reads its orders from the
 * NEWSTONE_WORKER environment variable (JSON) and reports on stdout, one JSON line per event.
 *
 * - `ingest`: ingests `analyses` one by one, in the order given, and reports every result.
 * - `crash`: ingests `committed` small analyses, then announces and starts one big `ingestMany`, which the parent
 *   kills with SIGKILL before it can finish.
 */
import type { Analysis } from '@newstone/core';
import type { StoreConfig } from '../config.js';
import { createStore } from '../create-store.js';
import { makeAnalysis } from './analyses.js';

interface Orders {
  readonly config: StoreConfig;
  readonly mode: 'ingest' | 'crash';
  readonly analyses?: Analysis[];
  readonly committed?: number;
}

const orders = JSON.parse(process.env.NEWSTONE_WORKER ?? '{}') as Orders;
const report = (event: object): void => void process.stdout.write(`${JSON.stringify(event)}\n`);

const store = await createStore(orders.config);
if (orders.mode === 'ingest') {
  for (const analysis of orders.analyses ?? []) report(await store.ingest(analysis));
} else {
  for (let index = 0; index < (orders.committed ?? 0); index += 1) {
    report(await store.ingest(makeAnalysis({ salt: `committed ${index}`, quotes: [{ text: 'Small and done', speaker: { name: 'Ann Lee' } }] })));
  }
  const big = Array.from({ length: 400 }, (_, index) =>
    makeAnalysis({
      salt: `big ${index}`,
      quotes: Array.from({ length: 60 }, (_, q) => ({ text: `Quote ${q} of a long article`, speaker: { name: `Speaker ${q % 7}`, country: 'FR' }, stance: [{ targetCountry: 'DE' }] })),
    }),
  );
  report({ event: 'big-start' });
  await store.ingestMany(big);
  report({ event: 'big-done' });
}
await store.close();
