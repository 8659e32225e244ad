type Settled<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

/**
 * Maps an async stream with up to `concurrency` calls in flight and yields the results in input order.
 * The source is pulled only as fast as the consumer takes results, so a slow writer slows the reader
 * (backpressure) and memory stays bounded by `concurrency`.
 *
 * @example
 * for await (const line of mapOrdered(lines, analyzeLine, 4)) await writeLine(process.stdout, line);
 */
export async function* mapOrdered<T, R>(
  source: AsyncIterable<T> | Iterable<T>,
  map: (item: T) => Promise<R> | R,
  concurrency: number,
): AsyncGenerator<R> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`mapOrdered: expected concurrency to be a positive integer, found ${concurrency}`);
  }
  const window: Promise<Settled<R>>[] = [];
  const settle = (item: T): Promise<Settled<R>> =>
    Promise.resolve()
      .then(() => map(item))
      .then(
        (value) => ({ ok: true, value }) as const,
        (error: unknown) => ({ ok: false, error }) as const,
      );
  const next = async (): Promise<R> => {
    const settled = await (window.shift() as Promise<Settled<R>>);
    if (!settled.ok) throw settled.error;
    return settled.value;
  };
  for await (const item of source) {
    window.push(settle(item));
    if (window.length >= concurrency) yield await next();
  }
  while (window.length > 0) yield await next();
}
