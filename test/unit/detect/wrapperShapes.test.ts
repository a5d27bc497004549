import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { NOW } from '../../helpers/workspace';

/** Wrapper shapes met in real server code (an Express middleware factory, a flag service class). */
describe('detection: wrappers that return closures, and method wrappers known by name', () => {
  let root: string;
  let result: ScanResult;
  const write = (rel: string, lines: string[]): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), lines.join('\n') + '\n');
  };
  const refs = (rel: string): string[] =>
    result.references
      .filter((r) => r.location.file === path.join(root, rel))
      .map((r) => `${r.location.range.start.line + 1}:${r.key}:${r.kind}`);

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-wrappers-'));
    write('src/lib/flagResolver.ts', [
      "import { initialize } from 'unleash-client';",
      '',
      "const unleash = initialize({ url: 'http://unleash.internal/api', appName: 'admin' });",
      '',
      'export class FlagResolver {',
      '  isEnabled(name: string): boolean {',
      '    return unleash.isEnabled(name);',
      '  }',
      '}',
      '',
      'export const flagResolver = new FlagResolver();',
    ]);
    write('src/middleware/requireFlag.ts', [
      "import type { NextFunction, Request, Response } from 'express';",
      "import { flagResolver } from '../lib/flagResolver';",
      '',
      '/** Routes behind a flag answer 404 until it is on. */',
      'export function requireEnabledFlag(flagName: string) {',
      '  return (_req: Request, res: Response, next: NextFunction): void => {',
      '    if (flagResolver.isEnabled(flagName)) next();',
      '    else res.status(404).end();',
      '  };',
      '}',
      '',
      'export const lazyFlag = (flagName: string) => () => flagResolver.isEnabled(flagName);',
    ]);
    write('src/routes/admin.ts', [
      "import { Router } from 'express';",
      "import { requireEnabledFlag, lazyFlag } from '../middleware/requireFlag';",
      '',
      'export const admin = Router();',
      "admin.get('/signals', requireEnabledFlag('signal-endpoints'), (_req, res) => res.json([]));",
      "export const showBanner = lazyFlag('maintenance-banner');",
    ]);
    write('src/cache/dnsCache.ts', [
      '/** Not a flag client: its isEnabled is about hosts. */',
      'class DnsCache {',
      '  private readonly hosts = new Set<string>();',
      '  isEnabled(host: string): boolean {',
      '    return this.hosts.has(host);',
      '  }',
      '}',
      '',
      "export const apiReachable = new DnsCache().isEnabled('api.internal');",
      'export const variants = { getVariant: (name: string) => ({ name }) };',
      "export const v = variants.getVariant('cache-key');",
    ]);
    write('src/services/projects.ts', [
      "import { FlagResolver } from '../lib/flagResolver';",
      '',
      'export class ProjectService {',
      '  constructor(private readonly flagResolver: FlagResolver) {}',
      '',
      '  canArchive(): boolean {',
      "    return this.flagResolver.isEnabled('archive-projects');",
      '  }',
      '}',
    ]);
    // A barrel whose first `export *` is a keys module (no wrapper there): the search must go on.
    write('src/flags/keys.ts', ["export const FLAGS = { BULK_IMPORT: 'bulk-import' } as const;"]);
    write('src/flags/wrappers.ts', [
      "import { flagResolver } from '../lib/flagResolver';",
      '',
      'export function isFeatureOn(flag: string): boolean {',
      '  return flagResolver.isEnabled(flag);',
      '}',
    ]);
    write('src/flags/index.ts', ["export * from './keys';", "export * from './wrappers';"]);
    write('src/routes/imports.ts', [
      "import { FLAGS, isFeatureOn } from '../flags';",
      '',
      'export const bulkImport = isFeatureOn(FLAGS.BULK_IMPORT);',
    ]);
    result = await new FlagIndex({ root, cacheDir: false, now: NOW }).scan();
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('counts the call sites of a function whose returned closure evaluates its parameter', () => {
    assert.deepEqual(refs('src/routes/admin.ts'), [
      '5:signal-endpoints:wrapper-call',
      '6:maintenance-banner:wrapper-call',
    ]);
    assert.deepEqual(refs('src/middleware/requireFlag.ts'), [], 'the closures themselves are the wrappers’ insides');
    assert.ok(!result.dynamic.some((d) => d.location.file.endsWith('requireFlag.ts')));
  });

  it('finds a wrapper behind the second `export *` of a barrel', () => {
    assert.deepEqual(refs('src/routes/imports.ts'), ['3:bulk-import:wrapper-call']);
  });

  it('counts a wrapper method on a receiver that names flags, and not a same-named method elsewhere', () => {
    assert.deepEqual(refs('src/services/projects.ts'), ['7:archive-projects:call']);
    assert.deepEqual(refs('src/cache/dnsCache.ts'), []);
  });
});
