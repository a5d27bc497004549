import { describeField } from '../history/format';
import type { Finding } from '../model';
import { RULES } from '../rules';
import type { ChangeReport } from './introduced';
import { cell } from './markdown';
import { displayPath } from './paths';
import { plural } from './summary';

const code = (text: string): string => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

/** "`a`, `b` and 3 more": short enough for a sentence in a PR comment. */
function keys(list: readonly string[], max = 5): string {
  const shown = list.slice(0, max).map(code);
  if (list.length > max) return `${shown.join(', ')} and ${list.length - max} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** The change in one sentence: "This change adds 3 evaluations of 2 flags (`a`, `b`), removes flag `x` from the registry, …". */
export function describeChangeSentence(change: ChangeReport): string {
  const parts: string[] = [];
  const added = Object.entries(change.evaluations.added);
  const removed = Object.entries(change.evaluations.removed);
  const sum = (list: [string, number][]): number => list.reduce((n, [, c]) => n + c, 0);
  if (added.length > 0)
    parts.push(
      `adds ${plural(sum(added), 'evaluation')} of ${plural(added.length, 'flag')} (${keys(added.map(([k]) => k))})`,
    );
  if (removed.length > 0)
    parts.push(
      `removes ${plural(sum(removed), 'evaluation')} of ${plural(removed.length, 'flag')} (${keys(removed.map(([k]) => k))})`,
    );
  if (change.registry.added.length > 0) parts.push(`registers ${keys(change.registry.added)}`);
  if (change.registry.removed.length > 0) {
    const still = change.registry.removedStillEvaluated;
    parts.push(
      `removes ${change.registry.removed.length === 1 ? 'flag ' : 'flags '}${keys(change.registry.removed)} from the registry${still.length > 0 ? ` (${keys(still)} still evaluated)` : ''}`,
    );
  }
  if (change.registry.changed.length > 0) {
    const first = change.registry.changed
      .slice(0, 3)
      .map((c) => `${code(c.key)} (${c.fields.map(describeField).join(', ')})`);
    parts.push(
      `changes ${first.join(', ')}${change.registry.changed.length > 3 ? ` and ${change.registry.changed.length - 3} more` : ''}`,
    );
  }
  if (parts.length === 0) return 'This change does not touch any flag.';
  const last = parts.pop()!;
  return `This change ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}.`;
}

function problemsLine(introduced: readonly Finding[], resolved: number): string {
  const errors = introduced.filter((f) => f.severity === 'error').length;
  const warnings = introduced.filter((f) => f.severity === 'warning').length;
  const other = introduced.length - errors - warnings;
  const fixed = resolved > 0 ? ` It resolves ${plural(resolved, 'existing problem')}.` : '';
  if (introduced.length === 0) return `✅ It introduces no flag problems.${fixed}`;
  return `It introduces **${plural(errors, 'error')}, ${plural(warnings, 'warning')}**${other > 0 ? ` and ${other} more (info, hints)` : ''}.${fixed}`;
}

const ICON: Record<Finding['severity'], string> = { error: '❌', warning: '⚠️', info: 'ℹ️', hint: '💡' };
const MAX_ROWS = 100;

/** The PR comment / job summary for `flaglint check --base`. */
export function formatChangeMarkdown(change: ChangeReport, root: string): string {
  const out = [
    `## Flaglint: changes against ${code(change.base.rev)} (${change.base.commit.slice(0, 7)})`,
    '',
    describeChangeSentence(change),
    '',
    problemsLine(change.introduced, change.resolved),
    '',
  ];
  if (change.introduced.length > 0) {
    const order = new Map(RULES.map((r, i) => [r.id, i]));
    const rows = [...change.introduced].sort((a, b) => (order.get(a.ruleId) ?? 0) - (order.get(b.ruleId) ?? 0));
    out.push('| | Rule | Location | Flag | Message |', '|---|---|---|---|---|');
    for (const f of rows.slice(0, MAX_ROWS)) {
      out.push(
        `| ${ICON[f.severity]} | ${code(f.ruleId)} | ${code(`${displayPath(f.location.file, root)}:${f.location.range.start.line + 1}`)} | ${f.flagKey === undefined ? '' : code(f.flagKey)} | ${cell(f.message)} |`,
      );
    }
    if (rows.length > MAX_ROWS) out.push('', `… and ${rows.length - MAX_ROWS} more.`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** The same, for a terminal: the sentence and the problem line above the usual text report. */
export function formatChangeHeader(change: ChangeReport): string {
  return `${describeChangeSentence(change).replace(/`/g, "'")}\n${problemsLine(change.introduced, change.resolved).replace(/\*\*/g, '').replace(/^✅ /, '')}\n`;
}
