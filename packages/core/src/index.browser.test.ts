import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

describe('@newstone/core in a browser', () => {
  it('bundles for the browser with esbuild and pulls in no Node built-in', async () => {
    const imported: string[] = [];
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [
        {
          name: 'record-node-builtins',
          setup(pluginBuild) {
            pluginBuild.onResolve({ filter: /.*/ }, (args) => {
              if (nodeBuiltins.has(args.path)) imported.push(`${args.path} (from ${args.importer})`);
              return undefined;
            });
          },
        },
      ],
    });
    expect(result.errors).toEqual([]);
    expect(imported).toEqual([]);
    expect(result.outputFiles[0]!.text.length).toBeGreaterThan(0);
  });

  it('runs the bundle without Node: analyses a quote in a plain JavaScript scope', async () => {
    const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', globalName: 'newstone', write: false, logLevel: 'silent' });
    // No require, process or Buffer in scope: only what the bundle brings.
    const run = new Function('require', 'process', 'Buffer', `${result.outputFiles[0]!.text}; return newstone.analyzeArticle('“We will win,” Lavrov said.').quotes[0].speaker.name;`);
    expect(run(undefined, undefined, undefined)).toBe('Lavrov');
  });
});
