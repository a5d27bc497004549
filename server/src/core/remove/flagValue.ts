import type { FlagEntry, ValueType } from '../model';
import { RemoveError } from './removeError';

/** The value a removed flag is frozen at; `json` flags may hold any JSON value. */
export type FlagValue = boolean | string | number | null | FlagJson[] | { [key: string]: FlagJson };
type FlagJson = boolean | string | number | null | FlagJson[] | { [key: string]: FlagJson };

/**
 * Checks that `value` fits the flag's registered value type (or, for an unregistered flag, the type
 * the code's evaluations imply). A mismatch is the user's mistake, so it is a RemoveError that names
 * the registry entry.
 */
export function checkFlagValue(
  key: string,
  value: unknown,
  valueType: ValueType | undefined,
  entry?: FlagEntry,
): FlagValue {
  const where = entry ? ` (registered as ${valueType} at ${describeLocation(entry)})` : '';
  const fail = (expected: string): never => {
    throw new RemoveError(
      'bad-value',
      `Flag '${key}' is a ${valueType} flag${where}; the value to keep must be ${expected}, got ${JSON.stringify(value)}.`,
    );
  };
  switch (valueType) {
    case 'boolean':
      if (typeof value !== 'boolean') fail('true or false');
      return value as boolean;
    case 'string':
      if (typeof value !== 'string') fail('a string');
      return value as string;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('a finite number');
      return value as number;
    case 'json':
    case undefined:
      if (!isJson(value)) fail('a JSON value');
      return value as FlagValue;
  }
}

/**
 * Reads a value given as text on the command line, following the flag's value type: `true`/`false`
 * for booleans, any text for strings, a number, or JSON. Without a known type, JSON is tried first
 * (so `true` and `3` mean what they look like) and anything else is a string.
 */
export function parseValueArgument(
  key: string,
  text: string,
  valueType: ValueType | undefined,
  entry?: FlagEntry,
): unknown {
  const where = entry ? ` (registered as ${valueType} at ${describeLocation(entry)})` : '';
  switch (valueType) {
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw new RemoveError(
        'bad-value',
        `Flag '${key}' is a boolean flag${where}; --value must be true or false, got '${text}'.`,
      );
    case 'string':
      return text;
    case 'number': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) {
        throw new RemoveError(
          'bad-value',
          `Flag '${key}' is a number flag${where}; --value must be a number, got '${text}'.`,
        );
      }
      return n;
    }
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch (e) {
        throw new RemoveError(
          'bad-value',
          `Flag '${key}' is a json flag${where}; --value is not valid JSON: ${(e as Error).message}.`,
        );
      }
    case undefined:
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
  }
}

/** Source text of the value as a JavaScript expression, in the file's quote style. */
export function literalText(value: FlagValue, quote: "'" | '"'): string {
  if (typeof value === 'string') return quoteString(value, quote);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literalText(v, quote)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const key = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : quoteString(k, quote));
    return `{ ${entries.map(([k, v]) => `${key(k)}: ${literalText(v, quote)}`).join(', ')} }`;
  }
  return String(value);
}

export function quoteString(value: string, quote: "'" | '"'): string {
  const json = JSON.stringify(value);
  if (quote === '"') return json;
  // JSON escapes are valid JavaScript escapes; only the quote handling differs.
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    return (proto === Object.prototype || proto === null) && Object.values(value).every(isJson);
  }
  return false;
}

function describeLocation(entry: FlagEntry): string {
  const { file, range } = entry.location;
  return `${file}:${range.start.line + 1}:${range.start.character + 1}`;
}
