// Writes docs/rules.md from the rules' own metadata (the SARIF helpUri of each rule points there).
// Run after a build: node scripts/generate-rules-doc.mjs. A unit test keeps the file in step.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { renderRulesDoc } = require(path.join(root, 'out/server/src/core/report/rulesDoc.js'));
fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
fs.writeFileSync(path.join(root, 'docs/rules.md'), renderRulesDoc());
console.log('wrote docs/rules.md');
