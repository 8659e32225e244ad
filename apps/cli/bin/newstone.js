#!/usr/bin/env node
// Stable entry for the `newstone` bin: the compiled CLI lives in dist/ and exists only after a build.
await import('../dist/main.js');
