/** The service's `flagAt` for a document URI (features that answer a position in a document use it). */
import type { Position } from '../core/model';
import { flagAt as flagAtFile, type FlagAt, type Workspace } from '../core/service';
import { uriToFile } from './convert';

export { dependencyMentions, registryKeyOf } from '../core/service';
export type { FlagAt } from '../core/service';

export function flagAt(workspace: Workspace, uri: string, position: Position): FlagAt | undefined {
  const file = uriToFile(uri);
  return file ? flagAtFile(workspace, file, position) : undefined;
}
