// better-sqlite3 falls back to compiling from source when it cannot download a prebuilt binary, and node-gyp
// would then try to download Node's headers too. Point it at the headers that ship with the running Node so an
// offline machine can still build. pnpm ignores `nodedir` in .npmrc, but build scripts inherit this process's
// environment, so setting it here reaches them.
const fs = require('node:fs');
const path = require('node:path');

const nodePrefix = path.resolve(path.dirname(process.execPath), '..');
if (!process.env.npm_config_nodedir && fs.existsSync(path.join(nodePrefix, 'include', 'node', 'node.h'))) {
  process.env.npm_config_nodedir = nodePrefix;
}

module.exports = { hooks: {} };
