/**
 * A scan result as the engine produces it for a small shop monorepo (web + api packages), built
 * by hand so that the formatters can be tested without the scanner. Findings come from the real rules.
 */
import * as path from 'node:path';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { runRules } from '../../../server/src/core/rules';
import { at, context, dynamicRef, entry, NOW, ref, registeredRef, registry, ROOT } from '../rules/builders';

export { NOW, ROOT };

export function packageOf(file: string): { name: string; dir: string } | undefined {
  const rel = path.relative(ROOT, file).split(path.sep);
  if (rel[0] === 'apps' && rel[1]) return { name: `@shop/${rel[1]}`, dir: path.join(ROOT, 'apps', rel[1]) };
  return undefined;
}

export function sampleScan(): ScanResult {
  const reg = registry(
    [
      entry('new-checkout', {
        description: 'One-page checkout, with "express" pay',
        owner: '@payments',
        type: 'release',
        valueType: 'boolean',
        defaultValue: false,
        status: 'active',
        created: '2026-09-01',
        expires: '2026-12-01',
        rollback: 'Turn the flag off; orders placed meanwhile stay valid.',
        scope: ['@shop/web'],
        dependsOn: ['payments-api-v2'],
      }),
      entry('payments-api-v2', {
        owner: '@payments',
        type: 'ops',
        status: 'rolled-out',
        created: '2026-01-10',
        rollback: 'https://wiki.example.com/runbooks/payments',
      }),
      entry('search-ranking', {
        owner: '@search, @growth',
        type: 'experiment',
        valueType: 'string',
        status: 'active',
        created: '2026-06-01',
        expires: '2026-09-30',
      }),
      entry('legacy-banner', { owner: '@web', type: 'release', status: 'archived', created: '2025-01-01' }),
    ],
    { owners: ['@payments', '@web', '@search, @growth'] },
  );
  const references = [
    registeredRef('new-checkout', 'apps/web/src/checkout/Checkout.tsx', 11, {
      defaultValue: false,
      valueType: 'boolean',
    }),
    registeredRef('new-checkout', 'apps/api/src/routes/orders.ts', 40, { defaultValue: true, valueType: 'boolean' }),
    registeredRef('payments-api-v2', 'apps/api/src/payments/client.ts', 7),
    registeredRef('search-ranking', 'apps/web/src/search/Results.tsx', 23, {
      valueType: 'string',
      callee: 'getStringValue',
    }),
    registeredRef('legacy-banner', 'apps/web/src/layout/Header.tsx', 5),
    ref('dark-mode', 'apps/web/src/theme/useTheme.ts', 3),
    ref('dark-mode', 'apps/web/src/dir with space/Settings.tsx', 18),
  ];
  const dynamic = [dynamicRef('apps/api/src/flags.ts', 12, 'name')];
  const findings = runRules(context(reg, references, { dynamic, packageOf }));
  return {
    root: ROOT,
    registries: [reg],
    references,
    dynamic,
    findings,
    notes: [
      {
        file: path.join(ROOT, 'apps/web/src/broken.ts'),
        kind: 'syntax-error',
        message: "')' expected.",
        location: at(path.join(ROOT, 'apps/web/src/broken.ts'), 4, 12),
      },
    ],
    stats: { files: 42, parsed: 42, cached: 0, ms: 310 },
  };
}
