#!/usr/bin/env node
// Browser tests run in Debian's Chromium, never in a browser a test tool downloads. Install it when missing
// (as root, through apt) and fail loudly when that is impossible: browser tests must not be skipped silently.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((path) => existsSync(path));
if (found) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error('Chromium is missing and this user cannot install it. Run: sudo apt-get install -y chromium (or set CHROMIUM_PATH).');
  process.exit(1);
}
console.log('Installing Debian chromium for the browser tests…');
const run = (args) => execFileSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
run(['update', '-qq']);
run(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
if (!existsSync('/usr/bin/chromium')) {
  console.error('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}
