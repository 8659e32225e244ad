import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({
  plugins: [solid()],
  build: { outDir: 'dist', target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
