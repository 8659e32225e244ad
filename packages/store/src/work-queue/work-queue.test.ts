import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../create-store.js';
import { isStoreError } from '../errors.js';
import { articleId } from '../internal/article-id.js';
import { makeAnalysis } from '../test-support/analyses.js';
import { createTestLocation, testDatabaseUrl, type TestLocation } from '../test-support/engines.js';
import { createWorkQueue, type QueuedJob, type WorkQueue, type WorkQueueOptions } from './work-queue.js';

const opened: { queue: WorkQueue; location: TestLocation }[] = [];

/** A queue in a fresh PostgreSQL schema; an unreachable server fails the test. */
async function openQueue(options: Partial<WorkQueueOptions> = {}): Promise<{ queue: WorkQueue; location: TestLocation }> {
  const location = createTestLocation('postgres');
  const config = location.config as { databaseUrl: string; schema: string };
  const queue = await createWorkQueue({ databaseUrl: config.databaseUrl, schema: config.schema, ...options });
  const entry = { queue, location };
  opened.push(entry);
  return entry;
}

function jobs(count: number, prefix = 'job'): QueuedJob[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${String(index).padStart(5, '0')}`,
    origin: `articles.jsonl:${index + 1}`,
    payload: { text: `article ${index}` },
  }));
}

afterEach(async () => {
  for (const { queue, location } of opened.splice(0)) {
    await queue.close();
    await location.dispose();
  }
});

describe('createWorkQueue', () => {
  it.each([
    ['a URL that is not PostgreSQL', { databaseUrl: 'mysql://x' }, /starting with postgres:\/\//],
    ['a schema that is not an identifier', { databaseUrl: testDatabaseUrl, schema: 'a;drop' }, /lower-case SQL identifier/],
    ['a lease that is not positive', { databaseUrl: testDatabaseUrl, leaseSeconds: 0 }, /positive number/],
    ['a pool size out of range', { databaseUrl: testDatabaseUrl, poolSize: 0 }, /integer from 1 to 100/],
  ])('rejects %s with a message that says what it expected', async (_, options, message) => {
    const error = await createWorkQueue(options as WorkQueueOptions).catch((caught: unknown) => caught);
    expect(isStoreError(error) && error.code).toBe('invalid-config');
    expect((error as Error).message).toMatch(message);
  });

  it('fails, not hangs, when PostgreSQL is unreachable', async () => {
    const error = await createWorkQueue({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test' }).catch((caught: unknown) => caught);
    expect(isStoreError(error) && error.code).toBe('unavailable');
  });
});

describe('work queue', () => {
  it('enqueues each id once: repeats in a batch and across batches are skipped', async () => {
    const { queue } = await openQueue();
    const first = await queue.enqueue([...jobs(3), ...jobs(2)]);
    const second = await queue.enqueue(jobs(5));
    expect([first.size, second.size]).toEqual([3, 2]);
    expect(await queue.counts()).toEqual({ pending: 5, claimed: 0, done: 0, failed: 0 });
  });

  it('skips articles the store already holds, by content hash', async () => {
    const location = createTestLocation('postgres');
    const store = await createStore(location.config);
    const analysis = makeAnalysis({ quotes: [{ text: 'We will not wait', speaker: { name: 'Sergei Lavrov' } }] });
    await store.ingest(analysis);
    await store.close();
    const config = location.config as { databaseUrl: string; schema: string };
    const queue = await createWorkQueue({ databaseUrl: config.databaseUrl, schema: config.schema });
    opened.push({ queue, location });
    const added = await queue.enqueue([
      { id: articleId(analysis.text), origin: 'stored.txt', payload: { text: analysis.text } },
      { id: articleId('something new'), origin: 'new.txt', payload: { text: 'something new' } },
    ]);
    expect([...added]).toEqual([articleId('something new')]);
  });

  it('gives every job to exactly one of several concurrent claimers, in queue order', async () => {
    const { queue } = await openQueue({ poolSize: 8 });
    await queue.enqueue(jobs(300));
    const claimedBy = new Map<string, string>();
    const worker = async (name: string): Promise<number> => {
      let taken = 0;
      for (;;) {
        const batch = await queue.claim(name, 7);
        if (batch.length === 0) return taken;
        const ids = batch.map((job) => job.id);
        expect(ids).toEqual([...ids].sort());
        for (const id of ids) {
          expect(claimedBy.has(id), `job ${id} claimed twice`).toBe(false);
          claimedBy.set(id, name);
        }
        taken += batch.length;
        await queue.complete(name, ids);
      }
    };
    const taken = await Promise.all(['w1', 'w2', 'w3', 'w4'].map(worker));
    expect(taken.reduce((sum, count) => sum + count, 0)).toBe(300);
    expect(claimedBy.size).toBe(300);
    expect(await queue.counts()).toEqual({ pending: 0, claimed: 0, done: 300, failed: 0 });
  });

  it('hands a claim whose lease ran out to another worker, and ignores the late finish of the first', async () => {
    const { queue, location } = await openQueue({ leaseSeconds: 60 });
    await queue.enqueue(jobs(1));
    const [first] = await queue.claim('dead-worker', 10);
    expect(await queue.claim('w2', 10)).toEqual([]);
    // The lease runs out by moving the claim into the past, not by waiting: no wall-clock race on a busy machine.
    const { databaseUrl, schema } = location.config as { databaseUrl: string; schema: string };
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`update ${schema}.ingest_queue set claimed_at = claimed_at - interval '61 seconds'`).finally(() => client.end());
    const [again] = await queue.claim('w2', 10);
    expect([first?.attempts, again?.id, again?.attempts]).toEqual([1, first?.id, 2]);
    await queue.complete('dead-worker', [first?.id ?? '']);
    expect((await queue.counts()).claimed).toBe(1);
    await queue.complete('w2', [again?.id ?? '']);
    expect(await queue.counts()).toEqual({ pending: 0, claimed: 0, done: 1, failed: 0 });
  });

  it.each([
    ['release puts a claim back to pending', 'release', { pending: 2, claimed: 0, done: 0, failed: 0 }],
    ['fail records the job as failed', 'fail', { pending: 0, claimed: 0, done: 0, failed: 2 }],
  ] as const)('%s', async (_, action, expected) => {
    const { queue } = await openQueue();
    await queue.enqueue(jobs(2));
    const claimed = await queue.claim('w1', 10);
    if (action === 'release') await queue.release('w1', claimed.map((job) => job.id));
    else for (const job of claimed) await queue.fail('w1', job.id, 'analysis failed: boom');
    expect(await queue.counts()).toEqual(expected);
  });

  it('lists failures with their origin and reason, and retries them on request', async () => {
    const { queue } = await openQueue();
    await queue.enqueue(jobs(2));
    const [job] = await queue.claim('w1', 1);
    await queue.fail('w1', job?.id ?? '', 'not stored: bad date');
    expect(await queue.failures()).toEqual([{ id: 'job-00000', origin: 'articles.jsonl:1', reason: 'not stored: bad date' }]);
    expect(await queue.retryFailed()).toBe(1);
    const again = await queue.claim('w2', 10);
    expect(again.map((claimed) => [claimed.id, claimed.payload])).toEqual([
      ['job-00000', { text: 'article 0' }],
      ['job-00001', { text: 'article 1' }],
    ]);
  });

  it('creates its table once when several workers start at the same moment', async () => {
    const location = createTestLocation('postgres');
    const config = location.config as { databaseUrl: string; schema: string };
    const queues = await Promise.all(
      [1, 2, 3, 4].map(() => createWorkQueue({ databaseUrl: config.databaseUrl, schema: config.schema })),
    );
    for (const queue of queues.slice(1)) await queue.close();
    opened.push({ queue: queues[0] as WorkQueue, location });
    expect(await queues[0]?.counts()).toEqual({ pending: 0, claimed: 0, done: 0, failed: 0 });
  });
});
