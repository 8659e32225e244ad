import pg from 'pg';
import { StoreError } from '../errors.js';

/**
 * A queue of articles to analyse, kept in PostgreSQL so that several `newstone ingest` processes, on one
 * machine or many, share the work: each claims a batch with `FOR UPDATE SKIP LOCKED`, so no two workers
 * take the same article, and a claim that is not finished within the lease (a worker killed mid-batch)
 * goes back to the others.
 */
export interface WorkQueue {
  /**
   * Adds jobs; a job whose id is already queued (in any state) or already stored as an article is skipped.
   * Returns the ids that were added.
   */
  enqueue(jobs: readonly QueuedJob[]): Promise<Set<string>>;
  /** Claims up to `limit` pending jobs (or jobs whose lease ran out) for `workerId`, oldest first. */
  claim(workerId: string, limit: number): Promise<ClaimedJob[]>;
  /** Marks claimed jobs done and drops their payload. Only the worker holding the claim can finish it. */
  complete(workerId: string, ids: readonly string[]): Promise<void>;
  /** Marks one claimed job failed, with the reason; it is not retried unless `retryFailed` is called. */
  fail(workerId: string, id: string, reason: string): Promise<void>;
  /** Gives claimed jobs back to the queue (on Ctrl-C), so others need not wait for the lease. */
  release(workerId: string, ids: readonly string[]): Promise<void>;
  /** Puts failed jobs back to pending; returns how many. */
  retryFailed(): Promise<number>;
  counts(): Promise<QueueCounts>;
  /** The failed jobs with their reasons, oldest first. */
  failures(limit?: number): Promise<QueueFailure[]>;
  close(): Promise<void>;
}

/** A job to enqueue: the article's id (content hash), where it came from, and the input to analyse. */
export interface QueuedJob {
  readonly id: string;
  /** File name (and line) the article was read from, for reports. */
  readonly origin: string;
  /** The article input, as JSON-serialisable data. */
  readonly payload: unknown;
}

export interface ClaimedJob extends QueuedJob {
  /** How many times the job has been claimed, this claim included. */
  readonly attempts: number;
}

export interface QueueCounts {
  readonly pending: number;
  readonly claimed: number;
  readonly done: number;
  readonly failed: number;
}

export interface QueueFailure {
  readonly id: string;
  readonly origin: string;
  readonly reason: string;
}

export interface WorkQueueOptions {
  /** `postgres://user@host:port/database` */
  readonly databaseUrl: string;
  /** Schema of the queue table (the store's schema). Default `public`. */
  readonly schema?: string | undefined;
  /** Seconds after which an unfinished claim may be taken by another worker. Default 300. */
  readonly leaseSeconds?: number | undefined;
  /** Table whose `id` column lists articles already stored; jobs with those ids are not enqueued. Default `articles`; null to skip the check. */
  readonly storedArticlesTable?: string | null | undefined;
  /** Connection pool size. Default 4. */
  readonly poolSize?: number | undefined;
}

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

function checkOptions(options: WorkQueueOptions): Required<WorkQueueOptions> {
  const { databaseUrl, schema = 'public', leaseSeconds = 300, storedArticlesTable = 'articles', poolSize = 4 } = options;
  if (typeof databaseUrl !== 'string' || !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    throw new StoreError('invalid-config', 'work queue: expected `databaseUrl` starting with postgres:// or postgresql://');
  }
  if (!identifier.test(schema)) {
    throw new StoreError('invalid-config', 'work queue: expected `schema` to be a lower-case SQL identifier ([a-z_][a-z0-9_]*)');
  }
  if (storedArticlesTable !== null && !identifier.test(storedArticlesTable)) {
    throw new StoreError('invalid-config', 'work queue: expected `storedArticlesTable` to be a lower-case SQL identifier or null');
  }
  if (!Number.isFinite(leaseSeconds) || leaseSeconds <= 0) {
    throw new StoreError('invalid-config', 'work queue: expected `leaseSeconds` to be a positive number');
  }
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 100) {
    throw new StoreError('invalid-config', 'work queue: expected `poolSize` to be an integer from 1 to 100');
  }
  return { databaseUrl, schema, leaseSeconds, storedArticlesTable, poolSize };
}

/** Any `pg` error, as a StoreError that says which step failed. */
function unavailable(step: string, cause: unknown): StoreError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new StoreError('unavailable', `work queue: ${step} failed: ${reason}`, { cause });
}

/**
 * Opens (and creates when missing) the ingest work queue in PostgreSQL.
 *
 * @example
 * const queue = await createWorkQueue({ databaseUrl: process.env.DATABASE_URL! });
 * await queue.enqueue([{ id: articleId(text), origin: 'a.txt', payload: { text } }]);
 * const jobs = await queue.claim('host-1:4242', 16);
 */
export async function createWorkQueue(options: WorkQueueOptions): Promise<WorkQueue> {
  const config = checkOptions(options);
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize });
  // An idle client that loses its server must not crash the process: the next query reports it.
  pool.on('error', () => {});
  const schema = `"${config.schema}"`;
  const table = `${schema}.ingest_queue`;
  const stored = config.storedArticlesTable === null ? null : `${schema}."${config.storedArticlesTable}"`;

  try {
    await createTable(pool, schema, table);
  } catch (cause) {
    await pool.end();
    throw unavailable('creating the queue table', cause);
  }
  const storedExists = stored === null ? false : await tableExists(pool, config.schema, config.storedArticlesTable ?? '');

  const query = async <R extends pg.QueryResultRow>(step: string, text: string, values: unknown[] = []) => {
    try {
      return await pool.query<R>(text, values);
    } catch (cause) {
      throw unavailable(step, cause);
    }
  };

  return {
    async enqueue(jobs) {
      if (jobs.length === 0) return new Set();
      const notStored = storedExists ? `where not exists (select 1 from ${stored} s where s.id = j.id)` : '';
      const result = await query<{ id: string }>(
        'enqueue',
        `insert into ${table} (id, origin, payload)
         select j.id, j.origin, j.payload from unnest($1::text[], $2::text[], $3::jsonb[]) as j(id, origin, payload)
         ${notStored}
         on conflict (id) do nothing
         returning id`,
        [jobs.map((job) => job.id), jobs.map((job) => job.origin), jobs.map((job) => JSON.stringify(job.payload))],
      );
      return new Set(result.rows.map((row) => row.id));
    },

    async claim(workerId, limit) {
      const result = await query<{ id: string; origin: string; payload: unknown; attempts: number; seq: string }>(
        'claim',
        `update ${table} q
            set status = 'claimed', claimed_by = $1, claimed_at = now(), attempts = q.attempts + 1
          where q.id in (
            select id from ${table}
             where status = 'pending'
                or (status = 'claimed' and claimed_at < now() - make_interval(secs => $3))
             order by seq
             limit $2
             for update skip locked)
          returning q.id, q.origin, q.payload, q.attempts, q.seq`,
        [workerId, limit, config.leaseSeconds],
      );
      // UPDATE … RETURNING has no order: give the jobs back in queue order.
      return result.rows
        .sort((a, b) => Number(a.seq) - Number(b.seq))
        .map(({ id, origin, payload, attempts }) => ({ id, origin, payload, attempts }));
    },

    async complete(workerId, ids) {
      if (ids.length === 0) return;
      await query(
        'complete',
        `update ${table} set status = 'done', payload = null, finished_at = now()
          where id = any($2::text[]) and status = 'claimed' and claimed_by = $1`,
        [workerId, ids],
      );
    },

    async fail(workerId, id, reason) {
      await query(
        'fail',
        `update ${table} set status = 'failed', error = $3, finished_at = now()
          where id = $2 and status = 'claimed' and claimed_by = $1`,
        [workerId, id, reason.slice(0, 1000)],
      );
    },

    async release(workerId, ids) {
      if (ids.length === 0) return;
      await query(
        'release',
        `update ${table} set status = 'pending', claimed_by = null, claimed_at = null, attempts = attempts - 1
          where id = any($2::text[]) and status = 'claimed' and claimed_by = $1`,
        [workerId, ids],
      );
    },

    async retryFailed() {
      const result = await query(
        'retry failed jobs',
        `update ${table} set status = 'pending', error = null, claimed_by = null, claimed_at = null
          where status = 'failed' and payload is not null`,
      );
      return result.rowCount ?? 0;
    },

    async counts() {
      const result = await query<{ status: string; count: string }>(
        'count jobs',
        `select status, count(*) as count from ${table} group by status`,
      );
      const counts = { pending: 0, claimed: 0, done: 0, failed: 0 };
      for (const row of result.rows) {
        if (row.status in counts) counts[row.status as keyof QueueCounts] = Number(row.count);
      }
      return counts;
    },

    async failures(limit = 100) {
      const result = await query<{ id: string; origin: string; error: string | null }>(
        'list failures',
        `select id, origin, error from ${table} where status = 'failed' order by seq limit $1`,
        [limit],
      );
      return result.rows.map((row) => ({ id: row.id, origin: row.origin, reason: row.error ?? '' }));
    },

    close: () => pool.end(),
  };
}

/** Creates the schema and table once, even when several workers start at the same moment. */
async function createTable(pool: pg.Pool, schema: string, table: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // Concurrent CREATE … IF NOT EXISTS can still collide in the catalogue: serialise them.
    await client.query(`select pg_advisory_xact_lock(hashtext('newstone.ingest_queue'))`);
    await client.query(`create schema if not exists ${schema}`);
    await client.query(
      `create table if not exists ${table} (
         id text primary key,
         seq bigserial not null,
         origin text not null,
         payload jsonb,
         status text not null default 'pending' check (status in ('pending', 'claimed', 'done', 'failed')),
         claimed_by text,
         claimed_at timestamptz,
         attempts integer not null default 0,
         error text,
         enqueued_at timestamptz not null default now(),
         finished_at timestamptz
       )`,
    );
    await client.query(`create index if not exists ingest_queue_open on ${table} (seq) where status in ('pending', 'claimed')`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function tableExists(pool: pg.Pool, schema: string, name: string): Promise<boolean> {
  try {
    const result = await pool.query<{ found: string | null }>('select to_regclass($1) as found', [`"${schema}"."${name}"`]);
    return result.rows[0]?.found != null;
  } catch (cause) {
    await pool.end();
    throw unavailable('looking for the articles table', cause);
  }
}
