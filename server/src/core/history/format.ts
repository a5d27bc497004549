import type { FlagTimeline, GitStamp } from '../model';
import type { EntryChange, FieldChange, FlagHistory } from './types';

const day = (stamp: GitStamp): string => stamp.date.slice(0, 10);
const short = (stamp: GitStamp): string => stamp.commit.slice(0, 7);

function value(v: unknown): string {
  if (v === undefined) return '(none)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** "status: active → rolled-out", "expires: (none) → 2026-12-01". */
export function describeField(change: FieldChange): string {
  return `${change.field}: ${value(change.from)} → ${value(change.to)}`;
}

export function describeChange(change: EntryChange): string {
  if (change.kind === 'removed') return 'entry removed';
  if (change.kind === 'added') {
    const fields = change.fields.map((f) => `${f.field} ${value(f.to)}`);
    return fields.length > 0 ? `added (${fields.join(', ')})` : 'added';
  }
  return change.fields.map(describeField).join('; ');
}

/** The one line a hover or tooltip shows: "added 2026-03-02 by Ana Lima · last changed 2026-05-10 by Bo". */
export function auditLine(timeline: FlagTimeline): string | undefined {
  const parts: string[] = [];
  if (timeline.added) parts.push(`added ${day(timeline.added)} by ${timeline.added.author}`);
  else if (timeline.truncated) parts.push('added before the oldest commit of this shallow clone');
  const last = timeline.lastChanged;
  if (last && last.commit !== timeline.added?.commit) parts.push(`last changed ${day(last)} by ${last.author}`);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** `flaglint history KEY` as text. */
export function formatHistoryText(history: FlagHistory, registryLabel: string, shallow: boolean): string {
  const lines = [`${history.key} (${registryLabel})`];
  const stamp = (s: GitStamp): string => `${day(s)} by ${s.author} in ${short(s)} "${s.subject}"`;
  if (history.added) lines.push(`  added         ${stamp(history.added)}`);
  else if (history.truncated)
    lines.push(
      '  added         before the oldest commit this shallow clone holds (history cut; fetch more with `git fetch --deepen` or `--unshallow`)',
    );
  else lines.push('  added         not committed yet');
  if (history.lastChanged && history.lastChanged.commit !== history.added?.commit)
    lines.push(`  last changed  ${stamp(history.lastChanged)}`);
  if (history.firstInCode) lines.push(`  first in code ${stamp(history.firstInCode)}`);
  lines.push('  changes:');
  history.changes.forEach((change, i) => {
    const when = change.stamp ? `${day(change.stamp)}  ${short(change.stamp)}  ${change.stamp.author}` : 'uncommitted';
    const what =
      i === 0 && history.truncated
        ? `already there in the oldest commit held ${describeChange(change).replace(/^added /, '')}`
        : describeChange(change);
    lines.push(`    ${when}  ${what}`);
  });
  if (shallow && !history.truncated) lines.push('  (shallow clone: older history may be cut)');
  return `${lines.join('\n')}\n`;
}

/** `flaglint history KEY --format json`: the history as data, dates as git gave them. */
export function historyJson(history: FlagHistory, registry: string, shallow: boolean): object {
  return { version: 1, registry, shallow, ...history };
}
