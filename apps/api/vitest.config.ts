import { defineConfig } from 'vitest/config';

// testTimeout and hookTimeout guard against a hang, they are no speed target: no test here takes a second on an idle
// 2-core machine, and a loaded one may be many times slower (speed is measured by the benchmarks, not by tests).
export default defineConfig({ test: { environment: 'node', include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } });
