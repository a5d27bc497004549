/**
 * The bridge to the core's flag-removal refactor (server/src/core/remove). Kept in one place so the
 * command feature does not depend on that module's shape.
 */
import type { TextEdit } from '../core/model';
import type { FolderState } from './workspace';

export interface Removal {
  edits: TextEdit[];
  /** What the refactor could not do or verify. */
  messages: string[];
}

export async function removeFlag(_folder: FolderState, key: string, _value: unknown, _buffers: ReadonlyMap<string, string>): Promise<Removal> {
  throw new Error(`Removing '${key}' needs the flag-removal refactor, which this build does not include yet`);
}
