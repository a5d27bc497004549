import type { GitStamp } from '../model';

/** One field of a registry entry that a commit changed. */
export interface FieldChange {
  field: string;
  /** Absent when the field was added. */
  from?: unknown;
  /** Absent when the field was removed. */
  to?: unknown;
}

/** What one commit (or the uncommitted working tree) did to a flag's registry entry. */
export interface EntryChange {
  kind: 'added' | 'changed' | 'removed';
  /** Absent for changes not committed yet. */
  stamp?: GitStamp;
  fields: FieldChange[];
}

/** The audit trail of one flag. */
export interface FlagHistory {
  key: string;
  added?: GitStamp;
  lastChanged?: GitStamp;
  statusSince?: GitStamp;
  /** Oldest first; the entry's first commit is `added` unless the history is cut. */
  changes: EntryChange[];
  /** A shallow clone holds the entry in its oldest commit: when it was really added is not known. */
  truncated: boolean;
  /** The oldest commit whose source changes mention the key (a text search, `git log -S`). */
  firstInCode?: GitStamp;
}

/** The history of one registry file, or why there is none. */
export type RegistryHistory =
  | {
      available: true;
      /** The registry file, relative to the repository top. */
      file: string;
      shallow: boolean;
      /** Commits that touched the file. */
      commits: number;
      flags: Map<string, FlagHistory>;
      /** Owner handles once in `owners:` and removed since (normalised handle → spelling, removing commit). */
      ownersRemoved: Map<string, { owner: string; removed: GitStamp }>;
    }
  | { available: false; reason: string };
