import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Loaded by mocha before every test file (.mocharc.json `require`): the tests' caches and the
 * per-machine cache secret go to a scratch folder, not to the user's own cache, and CLI and server
 * processes the tests start inherit it.
 */
if (!process.env.FLAGLINT_CACHE_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-test-cache-'));
  process.env.FLAGLINT_CACHE_DIR = dir;
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
