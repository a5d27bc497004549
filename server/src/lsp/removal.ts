/**
 * The bridge to the core's flag-removal refactor (server/src/core/remove): runs it on a folder's
 * index with the open buffers, and turns its warnings, hints and verification into messages for the user.
 */
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { FileEdit } from '../core/registry';
import { RemoveError, removeFlag as removeFlagInCode } from '../core/remove';
import type { FolderState } from './workspace';

export interface Removal {
  edits: FileEdit[];
  /** What the refactor could not do, and any error the rewritten code has that the original had not. */
  messages: string[];
  /** Whether the rewritten code parses and type-checks no worse than before. */
  verified: boolean;
  references: number;
}

export async function removeFlag(folder: FolderState, key: string, value: unknown, buffers: ReadonlyMap<string, string>): Promise<Removal> {
  try {
    const result = await removeFlagInCode({ index: folder.index, key, value, readFile: (file) => buffers.get(file) });
    const messages = [...result.warnings, ...result.hints];
    for (const error of result.verification.newErrors) {
      messages.push(`${path.relative(folder.root, error.file)}:${error.line + 1}:${error.character + 1}: the rewritten code has a new error: ${error.message}`);
    }
    return { edits: result.edits, messages, verified: result.verification.ok, references: result.references };
  } catch (error) {
    // An unknown key or a value of the wrong type is the user's to fix: say so, as is.
    if (error instanceof RemoveError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
    throw error;
  }
}
