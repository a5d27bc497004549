/**
 * The registry drafted from the code: one function behind `flaglint init` and the editor's "Create
 * Registry from Code", so both write the same file for the same tree. It always returns a file's
 * text (an empty `flags:` map when the code evaluates no flag), never "nothing to do".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FlagReference, Registry } from '../model';
import { draftFlags, renderRegistry, type DraftFlag } from '../registry';
import type { FileEdit } from '../text';
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
export async function draftRegistryFor(workspace: Workspace, folder: FolderState): Promise<{ existing: Registry } | { draft: RegistryDraft; edit: FileEdit }> {
  if (!folder.ready) await workspace.scan(folder);
  const existing = folder.registries().find((r) => fs.existsSync(r.path));
  if (existing) return { existing };
  const draft = draftRegistry({ references: folder.result()?.references ?? [], root: folder.root, today: folder.index.now });
  const start = { line: 0, character: 0 };
  return { draft, edit: { file: draft.file, createFile: true, range: { start, end: start }, newText: draft.text } };
}

export function draftRegistry(input: RegistryDraftInput): RegistryDraft {
  const file = path.resolve(input.file ?? path.join(input.root, 'flags.yaml'));
  const flags = draftFlags(input.references, input.root);
  const text = renderRegistry(flags, path.dirname(file), isoDay(input.today), /\.json$/i.test(file));
  return { file, text, flags, unowned: flags.filter((f) => f.owner === undefined).length };
}
