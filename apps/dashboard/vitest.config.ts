import { defineConfig } from 'vitest/config';

// Unit tests of the dashboard's pure helpers run in Node; the browser behaviour is tested end to end in tests/e2e.
export default defineConfig({
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
