import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  borrowTimelines,
  createPackageLookup,
  GitError,
  materialiseRevision,
  type ScanResult,
} from '../../core/service';
import {
  buildInventory,
  buildJsonReport,
  compareScans,
  formatChangeHeader,
  formatChangeMarkdown,
  formatSarif,
  formatText,
  type ChangeReport,
} from '../../core/report';
import { UsageError } from '../errors';
import { useColor } from '../output';
import { scanWorkspace } from '../scan';

export interface BaseCheck {
  head: ScanResult;
  now: Date;
  change: ChangeReport;
}

/**
 * `flaglint check --base REV`: scans the revision (its files written to a temp folder from git's
 * object store, outside the workspace) and the working tree, and keeps what the change introduces.
 */
export async function checkAgainstBase(
  root: string,
  registry: string | undefined,
  rev: string,
  options: { cache: boolean; history: boolean; now?: Date },
): Promise<BaseCheck> {
  const { result: head, now } = await scanWorkspace({
    root,
    registry,
    cache: options.cache,
    now: options.now,
    history: options.history,
  });
  let tree;
  try {
    tree = await materialiseRevision(root, rev);
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(`--base ${rev}: ${e.message}.`);
    throw e;
  }
  try {
    const top = fs.realpathSync(tree.repoTop);
    const inBase = (p: string): string => path.join(tree.dir, path.relative(top, fs.realpathSync(p)));
    const baseRoot = inBase(root);
    // The scanned folder may not exist yet at the base: then the base has nothing in it.
    fs.mkdirSync(baseRoot, { recursive: true });
    // A registry outside the repository is not versioned with the change: both sides use it as it is.
    const outside = registry !== undefined && path.relative(top, fs.realpathSync(registry)).startsWith('..');
    const baseRegistry = registry === undefined ? undefined : outside ? registry : inBase(registry);
    const { result: base } = await scanWorkspace({
      root: baseRoot,
      ...(baseRegistry !== undefined && fs.existsSync(baseRegistry) ? { registry: baseRegistry } : {}),
      cache: false,
      now,
      beforeFindings: (registries) => Promise.resolve(borrowTimelines(registries, baseRoot, head.registries, root)),
    });
    return { head, now, change: compareScans(base, head, { rev, commit: tree.commit }) };
  } finally {
    tree.dispose();
  }
}

/** The working tree's scan with only the introduced findings, for the formats that print findings. */
function introducedOnly(check: BaseCheck): ScanResult {
  return { ...check.head, findings: check.change.introduced };
}

export function renderBaseCheck(
  check: BaseCheck,
  format: 'text' | 'json' | 'sarif' | 'markdown',
  color: { color?: boolean; output?: string },
): string {
  switch (format) {
    case 'markdown':
      return formatChangeMarkdown(check.change, check.head.root);
    case 'sarif':
      return formatSarif(introducedOnly(check));
    case 'json': {
      const inventory = buildInventory(check.head, { packageOf: createPackageLookup(), now: check.now });
      const { introduced: _introduced, ...change } = check.change;
      return `${JSON.stringify({ ...buildJsonReport(introducedOnly(check), inventory), change }, null, 2)}\n`;
    }
    case 'text':
      return `${formatChangeHeader(check.change)}\n${formatText(introducedOnly(check), { baseDir: process.cwd(), color: useColor(color) })}`;
  }
}
