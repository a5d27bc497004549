import * as path from 'node:path';
import { tallyProposals, type FileDiscovery, type ScanProposal } from '../detect/discoverySites';
import { walkWorkspace } from '../engine/fileWalker';
import { discoverySitesOf } from '../engine/lazyDiscovery';
import { decodeSource, readListedSourceBytes } from '../engine/sourceText';
import type { ScanResult } from '../engine/types';

export { DISCOVERY_WORDS } from '../detect/discoverySites';

/**
 * What the code suggests for the registry's `scan` section: the project's own flag functions and
 * flag collections (core/detect/discover.ts), leaving out places the scan already counts. A scan run
 * with `discover` brings the sites along (read with its walk and cached with its facts); without
 * them (the editor's tree) the workspace is walked and read here.
 */
export function proposeScan(root: string, result: ScanResult): ScanProposal[] {
  const known = new Set<string>();
  for (const r of [...result.references, ...result.dynamic]) {
    known.add(`${r.evaluation.file}:${r.evaluation.range.start.line + 1}`);
    known.add(`${r.location.file}:${r.location.range.start.line + 1}`);
  }
  return tallyProposals(root, result.discovery ?? readDiscovery(root), known);
}

/** Every listed file's sites, read from disk (the detector stays unloaded unless a file passes the gates). */
function readDiscovery(root: string): FileDiscovery[] {
  const files: FileDiscovery[] = [];
  for (const file of walkWorkspace(root).files) {
    const abs = path.resolve(file);
    const read = readListedSourceBytes(file);
    if ('note' in read) continue;
    const sites = discoverySitesOf(abs, root, read.bytes, () => {
      const source = decodeSource(read);
      return 'text' in source ? source.text : undefined;
    });
    if (sites.length > 0) files.push({ file: abs, sites });
  }
  return files;
}

/** The proposals as a commented `scan:` YAML section, one comment per entry saying why. */
export function renderScanProposal(proposals: readonly ScanProposal[]): string {
  if (proposals.length === 0) return '';
  const lines = [
    '# Proposed by `flaglint init` from how the code reads flags: keep what is your flag API, delete the rest.',
    'scan:',
  ];
  const functions = proposals.filter((p) => p.kind === 'function');
  const collections = proposals.filter((p) => p.kind === 'collection');
  const why = (p: ScanProposal): string =>
    `    # ${p.why}: ${p.sites} place${p.sites === 1 ? '' : 's'}, e.g. ${p.example}`;
  if (functions.length) {
    lines.push('  functions:');
    for (const p of functions)
      lines.push(
        why(p),
        p.keyArg ? `    - { name: ${JSON.stringify(p.name)}, keyArg: ${p.keyArg} }` : `    - ${JSON.stringify(p.name)}`,
      );
  }
  if (collections.length) {
    lines.push('  collections:');
    for (const p of collections) lines.push(why(p), `    - ${JSON.stringify(p.name)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The drafted registry with the proposed scan section after its header comment. */
export function withScanSection(registryText: string, scanSection: string): string {
  if (!scanSection) return registryText;
  const at = registryText.indexOf('\n\nflags:');
  return at < 0
    ? scanSection + registryText
    : `${registryText.slice(0, at + 2)}${scanSection}\n${registryText.slice(at + 2)}`;
}

/** One line for `flaglint check`: what discovery would add, and how to get it. */
export function discoveryHint(proposals: readonly ScanProposal[]): string | undefined {
  if (proposals.length === 0) return undefined;
  const names = proposals
    .slice(0, 3)
    .map((p) => p.name)
    .join(', ');
  const sites = proposals.reduce((n, p) => n + p.sites, 0);
  return `hint: the code seems to read flags through its own API (${names}${proposals.length > 3 ? ', …' : ''}; ${sites} places Flaglint does not count yet). \`flaglint init --dry-run\` proposes the scan section.`;
}
