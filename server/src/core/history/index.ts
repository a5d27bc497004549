/**
 * The audit trail from git: when each registry entry was added and changed, by whom, in which
 * commit; when the code first mentioned a flag; and a missing `created` inferred from it. Runs the
 * `git` binary only (see git.ts for how it is kept from running workspace code).
 */
export { registryHistory } from './registryHistory';
export { firstMentionInCode } from './codeHistory';
export { attachTimelines, borrowTimelines, timelineOf } from './timeline';
export type { TimelineReport } from './timeline';
export type { EntryChange, FieldChange, FlagHistory, RegistryHistory } from './types';
export { GitError, openRepository, runGit, gitText } from './git';
export { auditLine, describeChange, describeField, formatHistoryText, historyJson } from './format';
export { materialiseRevision } from './baseTree';
export type { BaseTree } from './baseTree';
export { diffSnapshots, snapshotOf } from './snapshot';
