import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, spawnCli } from '../e2e/cli-support.js';
import { uniqueArticles, type BenchArticle } from './bench-corpus.js';

export interface StreamMemoryRun {
  readonly command: string;
  readonly inputMegabytes: number;
  readonly articles: number;
  readonly seconds: number;
  /** Peak resident set size of the process (all its threads), from /proc VmHWM. */
  readonly peakRssMegabytes: number;
}

/** Writes a JSONL file of about `megabytes` MB of unique articles, streaming, and returns its line count. */
async function writeJsonl(path: string, base: readonly BenchArticle[], targetMegabytes: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let lines = 0;
  const batch = 1000;
  for (let round = 0; bytes < targetMegabytes * 1e6; round += 1) {
    for (const article of uniqueArticles(base, batch, `Stream ${round}`)) {
      const line = `${JSON.stringify(article)}\n`;
      bytes += Buffer.byteLength(line);
      lines += 1;
      if (!out.write(line)) await once(out, 'drain');
      if (bytes >= targetMegabytes * 1e6) break;
    }
  }
  out.end();
  await once(out, 'close');
  return lines;
}

function peakRssMegabytes(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Peak memory of `newstone analyze --jsonl` (output discarded) and `newstone ingest` (SQLite) over JSONL files of
 * the given sizes: constant memory shows as the same peak for every size.
 *
 * @example
 * await measureStreamMemory({ base, sizesMegabytes: [10, 40], threads: 2 });
 */
export async function measureStreamMemory(options: {
  readonly base: readonly BenchArticle[];
  readonly sizesMegabytes: readonly number[];
  readonly threads: number;
}): Promise<StreamMemoryRun[]> {
  const work = mkdtempSync(join(tmpdir(), 'newstone-bench-stream-'));
  const runs: StreamMemoryRun[] = [];
  try {
    for (const size of options.sizesMegabytes) {
      const input = join(work, `stream-${size}.jsonl`);
      const articles = await writeJsonl(input, options.base, size);
      const commands: [string, string[], Record<string, string>][] = [
        ['analyze --jsonl', ['analyze', '--jsonl', input, '--workers', String(options.threads)], {}],
        ['ingest (SQLite)', ['ingest', input, '--json', '--quiet', '--workers', String(options.threads)], { NEWSTONE_DATA_DIR: join(work, `data-${size}`) }],
      ];
      for (const [name, args, env] of commands) {
        const started = performance.now();
        // stdout goes to /dev/null, so the CLI streams at full speed; VmHWM is polled until the exit.
        const child = spawnCli(args, { env, discardStdout: true });
        let peak = 0;
        const poll = setInterval(() => {
          peak = Math.max(peak, peakRssMegabytes(child.pid ?? -1) ?? 0);
        }, 100);
        const exit = await collect(child);
        clearInterval(poll);
        if (exit.code !== 0) throw new Error(`${name} failed (exit ${exit.code}): ${exit.stderr.slice(0, 500)}`);
        runs.push({
          command: name,
          inputMegabytes: statSync(input).size / 1e6,
          articles,
          seconds: (performance.now() - started) / 1000,
          peakRssMegabytes: peak,
        });
      }
      rmSync(input);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return runs;
}
