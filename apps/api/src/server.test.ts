import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server.js';

describe('startServer', () => {
  let dataDir: string;
  let dashboard: string;
  let server: RunningServer;
  const lines: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'newstone-server-'));
    dashboard = mkdtempSync(join(tmpdir(), 'newstone-dashboard-'));
    mkdirSync(join(dashboard, 'assets'));
    writeFileSync(join(dashboard, 'index.html'), '<!doctype html><title>Newstone</title><div id="app"></div>');
    writeFileSync(join(dashboard, 'assets', 'app.js'), 'console.log("app")');
    server = await startServer({
      env: { NEWSTONE_DATA_DIR: dataDir },
      port: 0,
      dashboardDir: dashboard,
      handleSignals: false,
      log: (line) => lines.push(line),
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dashboard, { recursive: true, force: true });
  });

  it('binds 127.0.0.1, prints the URL and loads the sample corpus into the empty store', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines.some((line) => line.includes(`running at ${server.url}`))).toBe(true);
    expect(lines.some((line) => line.startsWith('Loaded the sample corpus: 25 articles'))).toBe(true);
    const speakers = (await (await fetch(`${server.url}/api/speakers?limit=1000`)).json()) as { items: unknown[] };
    expect(speakers.items.length).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['/', 200, 'text/html', '<div id="app">'],
    ['/speakers/sp_123', 200, 'text/html', '<div id="app">'],
    ['/assets/app.js', 200, 'text/javascript', 'console.log'],
    ['/api/no-such-route', 404, 'application/problem+json', '"status":404'],
    ['/docs', 200, 'text/html', 'swagger-ui'],
  ])('GET %s answers %i %s', async (path, status, type, body) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(type);
    expect(await response.text()).toContain(body);
  });

  it('does not load the sample again into a store that has articles', async () => {
    const again: string[] = [];
    const second = await startServer({ env: { NEWSTONE_DATA_DIR: dataDir }, port: 0, dashboardDir: null, handleSignals: false, log: (line) => again.push(line) });
    try {
      expect(again.some((line) => line.startsWith('Loaded the sample corpus'))).toBe(false);
      expect(again.some((line) => line.startsWith('The dashboard is not built'))).toBe(true);
      expect((await fetch(`${second.url}/`)).status).toBe(503);
    } finally {
      await second.close();
    }
  });

  it.each([
    ['a port that is not a number', { PORT: 'eighty' }, 'PORT: expected an integer from 0 to 65535'],
    ['a PostgreSQL URL of another scheme', { DATABASE_URL: 'mysql://db/x' }, 'needs `databaseUrl` starting with postgres://'],
  ])('refuses %s with a clear message', async (_name, env, message) => {
    await expect(startServer({ env: { NEWSTONE_DATA_DIR: dataDir, ...env }, handleSignals: false, log: () => undefined })).rejects.toThrow(message);
  });
});
