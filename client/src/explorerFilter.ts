/**
 * The Flag Explorer's filter: free words match a flag's key, owner, status, type and its problems'
 * rule ids and messages; `owner:`, `status:`, `type:`, `problem:` and `key:` narrow to one field;
 * every term must match (case-insensitive). Kept free of VS Code so it is testable on its own.
 */
import type { TreeFlag } from '../../protocol/src/requests';

export interface ExplorerFilter {
  text: string;
  problemsOnly: boolean;
}

export const NO_FILTER: ExplorerFilter = { text: '', problemsOnly: false };

const FIELDS = ['key', 'owner', 'status', 'type', 'problem'] as const;
type Field = (typeof FIELDS)[number];

interface Term {
  field?: Field;
  value: string;
}

export function parseFilter(text: string): Term[] {
  const terms: Term[] = [];
  for (const word of text.trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    const colon = word.indexOf(':');
    const field = colon > 0 ? word.slice(0, colon) : undefined;
    if (field && (FIELDS as readonly string[]).includes(field)) {
      const value = word.slice(colon + 1);
      if (value) terms.push({ field: field as Field, value });
    } else {
      terms.push({ value: word });
    }
  }
  return terms;
}

function fieldTexts(flag: TreeFlag, field: Field): string[] {
  switch (field) {
    case 'key':
      return [flag.key];
    case 'owner':
      return [flag.owner ?? 'no owner'];
    case 'status':
      return [flag.status];
    case 'type':
      return [flag.type ?? 'no type'];
    case 'problem':
      return flag.problems.flatMap((p) => [p.ruleId, p.message, p.severity]);
  }
}

export function matchesFilter(flag: TreeFlag, filter: ExplorerFilter): boolean {
  if (filter.problemsOnly && flag.problems.length === 0) return false;
  return parseFilter(filter.text).every((term) => {
    const fields = term.field ? [term.field] : FIELDS;
    return fields.some((field) => fieldTexts(flag, field).some((text) => text.toLowerCase().includes(term.value)));
  });
}

export function isFiltering(filter: ExplorerFilter): boolean {
  return filter.problemsOnly || parseFilter(filter.text).length > 0;
}

/** "problems only · 'pay'": what the view's description says about the filter. */
export function describeFilter(filter: ExplorerFilter): string | undefined {
  const parts = [
    filter.problemsOnly ? 'problems only' : undefined,
    filter.text.trim() ? `“${filter.text.trim()}”` : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}
