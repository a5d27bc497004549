/**
 * The registry drafted from the code: one function behind `flaglint init` and the editor's "Create
 * Registry from Code", so both write the same file for the same tree. It always returns a file's
 * text (an empty `flags:` map when the code evaluates no flag), never "nothing to do".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTestFile } from '../detect/testFiles';
import { FlagIndex } from '../engine/flagIndex';
import type { ScanResult } from '../engine/types';
import type { FlagReference, Registry } from '../model';
import { draftFlags, renderRegistry, type DraftFlag } from '../registry';
import type { FileEdit } from '../text';
import { proposeScan, renderScanProposal, withScanSection } from './discovery';
import type { FolderState, Workspace } from './session';
import { isoDay } from './today';

export interface RegistryDraftInput {
  /** Every reference the scan found (after registry matching, so case variants merge). */
  references: readonly FlagReference[];
  /** The scanned folder: CODEOWNERS is looked up there. */
  root: string;
  /** Where the registry goes; default `<root>/flags.yaml`. A `.json` name drafts JSON. */
  file?: string;
  /** The date recorded as each flag's `created`. */
  today: Date;
}

export interface RegistryDraft {
  file: string;
  text: string;
  flags: DraftFlag[];
  /** How many drafted flags CODEOWNERS gave no owner. */
  unowned: number;
}

/**
 * The draft for a session folder (scanned first if need be), as one edit that creates the file; or
 * the registry that already exists there, which a draft must not replace.
 */
export async function draftRegistryFor(
  workspace: Workspace,
  folder: FolderState,
): Promise<{ existing: Registry } | { draft: RegistryDraft; edit: FileEdit }> {
  if (!folder.ready) await workspace.scan(folder);
  const existing = folder.registries().find((r) => fs.existsSync(r.path));
  if (existing) return { existing };
  const result = folder.result();
  const draft = result
    ? await draftRegistryDiscovering({ result, root: folder.root, today: folder.index.now })
    : draftRegistry({ references: [], root: folder.root, today: folder.index.now });
  const start = { line: 0, character: 0 };
  return { draft, edit: { file: draft.file, createFile: true, range: { start, end: start }, newText: draft.text } };
}

export function draftRegistry(input: RegistryDraftInput, scanSection = ''): RegistryDraft {
  const file = path.resolve(input.file ?? path.join(input.root, 'flags.yaml'));
  // A key evaluated only in tests is a mock's made-up key more often than a flag: no entry for it.
  const outsideTests = new Set(
    input.references.filter((r) => !isTestFile(r.location.file, undefined, input.root)).map((r) => r.key),
  );
  const flags = draftFlags(
    input.references.filter((r) => outsideTests.has(r.key)),
    input.root,
  );
  const text = withScanSection(
    renderRegistry(flags, path.dirname(file), isoDay(input.today), /\.json$/i.test(file)),
    scanSection,
  );
  return { file, text, flags, unowned: flags.filter((f) => f.owner === undefined).length };
}

/**
 * The draft with what discovery proposes: the project's own flag API (functions and collections the
 * code reads flags through) as a commented `scan:` section, and entries for the flags it reads, found
 * by scanning again with that section (a JSON registry gets no proposal: it cannot hold the comments).
 */
export async function draftRegistryDiscovering(
  input: Omit<RegistryDraftInput, 'references'> & { result: ScanResult },
): Promise<RegistryDraft> {
  const file = path.resolve(input.file ?? path.join(input.root, 'flags.yaml'));
  const scanSection = /\.json$/i.test(file) ? '' : renderScanProposal(proposeScan(input.root, input.result));
  const result = scanSection ? await scanWithRegistryText(input.root, file, scanSection, input.today) : input.result;
  return draftRegistry({ references: result.references, root: input.root, file, today: input.today }, scanSection);
}

/** A scan of `root` as if `file` (not written yet) held `text`; no cache, so nothing is written. */
async function scanWithRegistryText(root: string, file: string, text: string, now: Date): Promise<ScanResult> {
  const index = new FlagIndex({ root, registryPath: file, cacheDir: false, now });
  await index.scan();
  // A scan (re)loads registries from disk, so the text replaces the missing file afterwards (and rescans).
  await index.updateRegistry(file, text);
  return index.result();
}
