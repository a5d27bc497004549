import type { Finding, RuleId } from '../model';
import type { ScanResult } from '../engine/types';
import { RULES } from '../rules';
import { escapeControl } from './escapeControl';
import type { InventoryRow } from './inventory';
import { displayPath } from './paths';
import { plural, summarise } from './summary';

/** Rows shown per rule before "… and N more", to stay well inside a PR comment's size limit. */
const MAX_ROWS_PER_RULE = 50;

/** Makes text safe inside a Markdown table cell: no pipes, no line breaks, no accidental HTML, no control characters. */
export function cell(value: unknown): string {
  const text = value === undefined || value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);
  const safe = text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  // `<` would start HTML outside code spans; inside one, `&lt;` would show literally (a message's `--value <v>`).
  return escapeControl(
    safe
      .split(/(`[^`]*`)/)
      .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;')))
      .join(''),
  );
}

/** Inline code that survives backticks in the text, and pipes and control characters inside a table cell. */
function code(raw: string): string {
  const text = escapeControl(raw).replace(/\|/g, '\\|');
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

const ICON: Record<Finding['severity'], string> = { error: '❌', warning: '⚠️', info: 'ℹ️', hint: '💡' };

/** A pull-request comment: summary, findings grouped by rule, and the flag inventory (collapsed). */
export function formatMarkdown(result: ScanResult, inventory: readonly InventoryRow[]): string {
  const s = summarise(result);
  const out: string[] = ['## Flaglint', ''];
  const problems = s.errors + s.warnings + s.infos + s.hints;
  out.push(
    problems === 0
      ? `✅ No problems: ${plural(s.flags, 'flag')}, ${plural(s.references, 'reference')} in ${plural(s.files, 'file')}.`
      : `**${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}** in ${plural(s.files, 'file')} scanned (${plural(s.flags, 'flag')}, ${s.unregistered} unregistered, ${plural(s.dynamic, 'dynamic key')}).`,
    '',
  );
  const byRule = new Map<RuleId, Finding[]>();
  for (const f of result.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  if (byRule.size > 0) {
    out.push(
      ...table(
        ['Rule', 'Errors', 'Warnings', 'Other'],
        RULES.filter((r) => byRule.has(r.id)).map((r) => {
          const list = byRule.get(r.id)!;
          const count = (sev: Finding['severity'][]) => String(list.filter((f) => sev.includes(f.severity)).length);
          return [code(r.id), count(['error']), count(['warning']), count(['info', 'hint'])];
        }),
      ),
      '',
    );
  }
  for (const rule of RULES) {
    const list = byRule.get(rule.id);
    if (!list) continue;
    out.push(`### ${code(rule.id)} (${list.length})`, '', `${cell(rule.summary)}`, '');
    const rows = list
      .slice(0, MAX_ROWS_PER_RULE)
      .map((f) => [
        ICON[f.severity],
        code(`${displayPath(f.location.file, result.root)}:${f.location.range.start.line + 1}`),
        f.flagKey === undefined ? '' : code(f.flagKey),
        cell(f.message),
      ]);
    out.push(...table(['', 'Location', 'Flag', 'Message'], rows));
    if (list.length > MAX_ROWS_PER_RULE) out.push('', `… and ${list.length - MAX_ROWS_PER_RULE} more.`);
    out.push('');
  }
  out.push(...inventoryMarkdown(inventory, true));
  return `${out.join('\n')}\n`;
}

/** The inventory as a Markdown table (inside a collapsed <details> block for PR comments). */
export function inventoryMarkdown(inventory: readonly InventoryRow[], collapsed = false): string[] {
  const rows = inventory.map((r) => [
    code(r.key),
    r.registered ? cell(r.owner ?? '—') : '_unregistered_',
    cell(r.type ?? ''),
    cell(r.status ?? ''),
    r.ageDays === undefined ? '' : `${r.ageDays} d`,
    r.expires === undefined
      ? ''
      : `${cell(r.expires)}${r.daysToExpiry !== undefined && r.daysToExpiry < 0 ? ' (expired)' : ''}`,
    String(r.references),
    cell(r.packages),
    r.rollback ? 'yes' : '',
    r.problems.error + r.problems.warning === 0 ? '' : `${r.problems.error} ❌ ${r.problems.warning} ⚠️`,
  ]);
  const lines = table(
    ['Flag', 'Owner', 'Type', 'Status', 'Age', 'Expires', 'Refs', 'Packages', 'Rollback', 'Problems'],
    rows,
  );
  if (!collapsed) return lines;
  return [`<details><summary>Flag inventory (${inventory.length})</summary>`, '', ...lines, '', '</details>'];
}
