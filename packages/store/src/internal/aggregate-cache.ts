/**
 * Results of aggregate queries, keyed by query and by the store's write generation: a commit anywhere bumps the
 * generation, so a cached answer is never older than the last commit seen before it was asked for. Concurrent
 * asks for the same key share one computation. Least recently used entries go first.
 */
export class AggregateCache {
  readonly #entries = new Map<string, { generation: string; value: Promise<unknown> }>();
  readonly #maxEntries: number;

  constructor(maxEntries = 256) {
    this.#maxEntries = maxEntries;
  }

  /** The cached value for `key` at `generation`, or the result of `compute` (stored unless it fails). */
  get<T>(key: string, generation: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && hit.generation === generation) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = compute();
    this.#entries.set(key, { generation, value });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return value;
  }
}
