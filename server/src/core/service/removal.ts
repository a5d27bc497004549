/**
 * The bridge to the core's flag-removal refactor (core/remove): runs it on a folder's
 * index with the open buffers, and turns its warnings, hints and verification into messages for the user.
 */
import * as path from 'node:path';
import type { FileEdit } from '../text';
import { removalModule } from './removalModule';
import { ServiceError } from './errors';
import type { FolderState } from './session';

export interface Removal {
  edits: FileEdit[];
  /** What the refactor could not do, and any error the rewritten code has that the original had not. */
  messages: string[];
  /** Whether the rewritten code parses and type-checks no worse than before. */
  verified: boolean;
  references: number;
}

/** Plans the removal of a flag from a session folder's code and registry, reading open buffers first. */
export async function planRemoval(
  folder: FolderState,
  key: string,
  value: unknown,
  buffers: ReadonlyMap<string, string>,
): Promise<Removal> {
  if (!folder.ready)
    throw new ServiceError('not-ready', 'Flaglint is still scanning; remove the flag when the scan has finished');
  try {
    const result = await removalModule().removeFlag({
      index: folder.index,
      key,
      value,
      readFile: (file) => buffers.get(file),
    });
    const messages = [...result.warnings, ...result.hints];
    for (const error of result.verification.newErrors) {
      messages.push(
        `${path.relative(folder.root, error.file)}:${error.line + 1}:${error.character + 1}: the rewritten code has a new error: ${error.message}`,
      );
    }
    return { edits: result.edits, messages, verified: result.verification.ok, references: result.references };
  } catch (error) {
    // An unknown key or a value of the wrong type is the user's to fix: say so, as is.
    if (error instanceof removalModule().RemoveError) throw new ServiceError('invalid-params', error.message);
    throw error;
  }
}
