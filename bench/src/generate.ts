import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A deterministic synthetic monorepo: packages of ordinary TypeScript/TSX (services, components,
 * utilities), about one file in twenty evaluating flags through the forms real code uses (SDK calls
 * with literals, an `as const` key object, an enum, wrappers, LaunchDarkly React `useFlags()`), a
 * shared flags package, a registry, and one 2,000-line file for the edit-latency measurement.
 */
export interface GeneratedRepo {
  root: string;
  files: number;
  bytes: number;
  /** The 2,000-line file the incremental benchmark edits. */
  largeFile: string;
  flagKeys: string[];
}

class Rng {
  constructor(private seed: number) {}
  next(): number {
    // mulberry32: small, fast, and the same sequence on every machine.
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!; // int(n) < n; the generator's lists are constants, never empty
  }
}

const NOUNS = [
  'order',
  'invoice',
  'customer',
  'cart',
  'product',
  'shipment',
  'payment',
  'account',
  'session',
  'report',
  'coupon',
  'review',
  'inventory',
  'warehouse',
  'ticket',
];
const VERBS = ['load', 'save', 'compute', 'validate', 'render', 'format', 'sync', 'merge', 'resolve', 'publish'];

const camel = (s: string): string => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const constName = (s: string): string => s.toUpperCase().replace(/-/g, '_');
const pascal = (s: string): string => camel(s).replace(/^./, (c) => c.toUpperCase());

export function generateRepo(root: string, fileCount: number, seed = 42): GeneratedRepo {
  const rng = new Rng(seed);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  let bytes = 0;
  let files = 0;
  const write = (rel: string, text: string): void => {
    const full = path.join(root, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    bytes += Buffer.byteLength(text);
    files++;
  };

  const keyCount = Math.max(40, Math.round(fileCount / 50));
  const flagKeys = Array.from({ length: keyCount }, (_, i) => `${rng.pick(NOUNS)}-${rng.pick(VERBS)}-${i}`);
  const enumKeys = flagKeys.slice(0, 10);
  const packages = Math.max(4, Math.round(fileCount / 400));

  write('package.json', JSON.stringify({ name: 'bench-monorepo', private: true, workspaces: ['packages/*'] }, null, 2));
  write('.gitignore', 'node_modules/\ndist/\n');
  write(
    'tsconfig.json',
    JSON.stringify(
      { compilerOptions: { strict: true, baseUrl: '.', paths: { '@bench/flags': ['packages/flags/src/index.ts'] } } },
      null,
      2,
    ),
  );
  write(
    'packages/flags/package.json',
    JSON.stringify({ name: '@bench/flags', main: 'dist/index.js', types: 'dist/index.d.ts' }, null, 2),
  );
  write(
    'packages/flags/src/keys.ts',
    `export const FLAGS = {\n${flagKeys.map((k) => `  ${constName(k)}: '${k}',`).join('\n')}\n} as const;\n\nexport type FlagKey = (typeof FLAGS)[keyof typeof FLAGS];\n`,
  );
  write(
    'packages/flags/src/kinds.ts',
    `export enum Experiment {\n${enumKeys.map((k) => `  ${pascal(k)} = '${k}',`).join('\n')}\n}\n`,
  );
  write(
    'packages/flags/src/client.ts',
    `import * as LaunchDarkly from '@launchdarkly/node-server-sdk';\n\nexport const ldClient = LaunchDarkly.init(process.env.LD_SDK_KEY ?? '');\n`,
  );
  write(
    'packages/flags/src/wrappers.ts',
    `import { ldClient } from './client';\nimport type { FlagKey } from './keys';\n\nconst anonymous = { kind: 'user', key: 'anonymous' } as const;\n\nexport async function isFeatureOn(key: FlagKey, context = anonymous): Promise<boolean> {\n  return ldClient.variation(key, context, false);\n}\n\nexport const featureVariant = (key: FlagKey, fallback: string): Promise<string> => ldClient.variation(key, anonymous, fallback);\n`,
  );
  write(
    'packages/flags/src/index.ts',
    `export * from './keys';\nexport * from './kinds';\nexport * from './wrappers';\nexport { ldClient } from './client';\n`,
  );

  const registry = ['# Synthetic registry for the benchmark', 'owners: ["@team-a", "@team-b"]', 'flags:'];
  flagKeys.forEach((k, i) => {
    if (i % 17 === 16) return; // some keys stay unregistered
    registry.push(
      `  ${k}:`,
      `    owner: "${i % 2 ? '@team-a' : '@team-b'}"`,
      `    type: ${i % 3 ? 'release' : 'experiment'}`,
      '    status: active',
      '    created: 2026-09-01',
      '    expires: 2027-03-01',
      '    rollback: Turn the flag off.',
    );
  });
  write('flags.yaml', registry.join('\n') + '\n');

  const perPackage = Math.ceil(fileCount / packages);
  let made = files;
  let largeFile = '';
  for (let p = 0; p < packages && made < fileCount; p++) {
    const pkg = `packages/pkg-${String(p).padStart(3, '0')}`;
    write(
      `${pkg}/package.json`,
      JSON.stringify({ name: `@bench/pkg-${p}`, dependencies: { '@bench/flags': '*' } }, null, 2),
    );
    made++;
    if (p === 0) {
      largeFile = path.join(root, pkg, 'src/big/LargeDashboard.tsx');
      write(`${pkg}/src/big/LargeDashboard.tsx`, largeTsx(rng, flagKeys));
      made++;
    }
    for (let i = 0; i < perPackage && made < fileCount; i++) {
      const noun = rng.pick(NOUNS);
      const dir = `${pkg}/src/${noun}`;
      const tsx = rng.next() < 0.3;
      const name = `${noun}${pascal(rng.pick(VERBS))}${i}`;
      const withFlag = rng.next() < 0.05;
      write(
        `${dir}/${name}.${tsx ? 'tsx' : 'ts'}`,
        tsx ? componentFile(rng, name, withFlag, flagKeys) : serviceFile(rng, name, withFlag, flagKeys),
      );
      made++;
    }
  }
  return { root, files, bytes, largeFile, flagKeys };
}

function flagUse(rng: Rng, keys: string[], indent: string): string {
  const key = rng.pick(keys);
  switch (rng.int(6)) {
    case 0:
      return `${indent}const enabled = await ldClient.variation('${key}', context, false);`;
    case 1:
      return `${indent}const enabled = await isFeatureOn(FLAGS.${constName(key)});`;
    case 2:
      return `${indent}const enabled = await openFeature.getBooleanValue('${key}', false);`;
    case 3:
      return `${indent}const enabled = unleash.isEnabled(FLAGS.${constName(key)});`;
    case 4:
      return `${indent}const enabled = await featureVariant(FLAGS.${constName(key)}, 'control') === 'treatment';`;
    default:
      return `${indent}const enabled = await ldClient.variation(\`${key}\`, context, false);`;
  }
}

function serviceFile(rng: Rng, name: string, withFlag: boolean, keys: string[]): string {
  const lines: string[] = [];
  lines.push(`import { logger } from '../../lib/logger';`);
  if (withFlag)
    lines.push(
      `import { FLAGS, isFeatureOn, featureVariant, ldClient } from '@bench/flags';`,
      `import { openFeature, unleash } from '../../lib/sdks';`,
    );
  lines.push(
    '',
    `export interface ${pascal(name)}Options {`,
    '  id: string;',
    '  limit?: number;',
    '  dryRun?: boolean;',
    '}',
    '',
  );
  const fns = 2 + rng.int(5);
  for (let f = 0; f < fns; f++) {
    lines.push(
      `export async function ${name}Step${f}(options: ${pascal(name)}Options, context: { key: string }): Promise<number> {`,
    );
    lines.push(`  const started = Date.now();`, `  let total = 0;`);
    if (withFlag && f === 0) lines.push(flagUse(rng, keys, '  '), `  if (!enabled) return 0;`);
    const body = 1 + rng.int(5);
    for (let b = 0; b < body; b++) {
      lines.push(
        `  for (let i = 0; i < (options.limit ?? ${10 + b}); i++) {`,
        `    total += i * ${b + 1} + options.id.length;`,
        `    if (total % ${7 + b} === 0) logger.debug('step ${f}.${b} of ${name}', { total, user: context.key });`,
        '  }',
      );
    }
    lines.push(`  logger.info('${name} finished in ' + (Date.now() - started) + 'ms');`, '  return total;', '}', '');
  }
  return lines.join('\n');
}

function componentFile(rng: Rng, name: string, withFlag: boolean, keys: string[]): string {
  const comp = pascal(name);
  const lines: string[] = [`import React, { useMemo, useState } from 'react';`];
  if (withFlag) lines.push(`import { useFlags } from 'launchdarkly-react-client-sdk';`);
  lines.push(
    '',
    `interface ${comp}Props {`,
    '  title: string;',
    '  items: Array<{ id: string; label: string; price: number }>;',
    '}',
    '',
  );
  lines.push(`export function ${comp}({ title, items }: ${comp}Props) {`, '  const [open, setOpen] = useState(false);');
  if (withFlag) lines.push('  const flags = useFlags();', `  const highlighted = flags.${camel(rng.pick(keys))};`);
  lines.push('  const total = useMemo(() => items.reduce((sum, item) => sum + item.price, 0), [items]);');
  lines.push(
    '  return (',
    `    <section className="${name}">`,
    '      <h2 onClick={() => setOpen(!open)}>{title}</h2>',
  );
  const rows = 3 + rng.int(10);
  for (let r = 0; r < rows; r++)
    lines.push(
      `      {open && items.length > ${r} && <p key="${r}">{items[${r}].label}: {items[${r}].price.toFixed(2)}</p>}`,
    );
  if (withFlag) lines.push('      {highlighted && <strong>Total: {total}</strong>}');
  lines.push('    </section>', '  );', '}', '');
  return lines.join('\n');
}

function largeTsx(rng: Rng, keys: string[]): string {
  const lines: string[] = [
    `import React from 'react';`,
    `import { useFlags } from 'launchdarkly-react-client-sdk';`,
    `import { FLAGS, isFeatureOn } from '@bench/flags';`,
    '',
  ];
  let n = 0;
  while (lines.length < 1990) {
    lines.push(`export function Widget${n}({ value }: { value: number }) {`, '  const flags = useFlags();');
    if (n % 10 === 0)
      lines.push(
        `  const on = flags.${camel(rng.pick(keys))};`,
        `  void isFeatureOn(FLAGS.${constName(rng.pick(keys))});`,
      );
    else lines.push('  const on = value > 10;');
    for (let i = 0; i < 12; i++) lines.push(`  const v${i} = value * ${i + 1} + ${rng.int(100)};`);
    lines.push(`  return <div className="widget-${n}">{on ? v0 + v1 : v2 - v3}</div>;`, '}', '');
    n++;
  }
  return lines.slice(0, 2000).join('\n') + '\n';
}
