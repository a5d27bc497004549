import { resultObjectTable, type ResultProperty } from '../sdks';

export type { ResultProperty } from '../sdks';

/**
 * SDK calls that return an object describing the evaluation rather than the value itself
 * (`useFeature('x').on`, `useGate('x').value`, `getBooleanDetails(...).value`). Removing the flag
 * freezes the object's value-bearing properties, not the call. Each SDK module declares its own
 * (`resultObjects` in core/sdks).
 */
const RULES = resultObjectTable();

export function resultObjectProperties(
  callee: string,
  source: string,
): Readonly<Record<string, ResultProperty>> | undefined {
  for (const rule of RULES) {
    if (!rule.callees.has(callee)) continue;
    if (rule.source !== undefined && !source.toLowerCase().includes(rule.source)) continue;
    return rule.properties;
  }
  return undefined;
}

export function resultPropertyValue(kind: ResultProperty, value: unknown): unknown {
  if (kind === 'truthy') return Boolean(value);
  if (kind === 'falsy') return !value;
  return value;
}
