/**
 * The registry drafted from the code: one function behind `flaglint init` and the editor's "Create
 * Registry from Code", so both write the same file for the same tree. It always returns a file's
 * text (an empty `flags:` map when the code evaluates no flag), never "nothing to do".
 */
import * as path from 'node:path';
import type { FlagReference } from '../model';
import { draftFlags, renderRegistry, type DraftFlag } from '../registry';
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

export function draftRegistry(input: RegistryDraftInput): RegistryDraft {
  const file = path.resolve(input.file ?? path.join(input.root, 'flags.yaml'));
  const flags = draftFlags(input.references, input.root);
  const text = renderRegistry(flags, path.dirname(file), isoDay(input.today), /\.json$/i.test(file));
  return { file, text, flags, unowned: flags.filter((f) => f.owner === undefined).length };
}
