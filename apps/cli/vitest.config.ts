import { defineConfig } from 'vitest/config';

// Some tests load a command module, which loads the whole pipeline: give a busy 2-core machine room.
export default defineConfig({ test: { environment: 'node', include: ['src/**/*.test.ts'], testTimeout: 30_000 } });
