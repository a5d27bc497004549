import type { ErrorObject, ValidateFunction } from 'ajv';
import type { DocContext, Path } from './docContext';
import { didYouMean } from './suggest';
// Ajv's standalone code of the strict schema (strictSchema.ts), generated at build time so that
// start-up compiles no schema (see validatorSource.ts).
import * as generated from './validators.generated';

/** The generated module is not type-checked (`@ts-nocheck`): these are the types Ajv gives its functions. */
const validators = generated as unknown as { registry: ValidateFunction; flagFile: ValidateFunction };

function parsePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export interface Labeller {
  /** A human name for a path: `flag "new-checkout" field type`, `policy.maxAgeDays`. */
  label(path: Path): string;
  /** The flag a path is about, if any. */
  flagKey(path: Path): string | undefined;
}

export const registryLabeller: Labeller = {
  label(path) {
    if (path.length === 0) return 'the registry';
    if (path[0] === 'flags' && path.length >= 2) {
      const rest = path.slice(2);
      return rest.length ? `"${dotted(rest)}" of flag "${path[1]}"` : `flag "${path[1]}"`;
    }
    return `"${dotted(path)}"`;
  },
  flagKey(path) {
    return path[0] === 'flags' && path.length >= 2 ? String(path[1]) : undefined;
  },
};

export function flagFileLabeller(key: string): Labeller {
  return {
    label: (path) => (path.length ? `"${dotted(path)}" of flag "${key}"` : `flag "${key}"`),
    flagKey: () => key,
  };
}

export function dotted(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number' || /^\d+$/.test(String(seg))) out += `[${seg}]`;
    else out += out ? `.${seg}` : String(seg);
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return `${typeof value === 'number' ? 'the number' : typeof value === 'boolean' ? 'the boolean' : typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function typeNames(types: unknown): string {
  const list = (Array.isArray(types) ? types : [types])
    .filter((t) => t !== 'null')
    .map((t) => TYPE_NAMES[String(t)] ?? String(t));
  return list.length > 1
    ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`
    : (list[0] ?? 'something else');
}

/** Validates plain data read from `ctx` and reports each problem once, at the right range. */
export function validateData(ctx: DocContext, kind: 'registry' | 'flagFile', data: unknown, labeller: Labeller): void {
  const validate = validators[kind];
  if (validate(data)) return;
  const errors = selectErrors(validate.errors ?? []);
  for (const e of errors) {
    const path = parsePointer(e.instancePath);
    const label = labeller.label(path);
    const flagKey = labeller.flagKey(path);
    switch (e.keyword) {
      case 'additionalProperties': {
        const field = String((e.params as { additionalProperty: string }).additionalProperty);
        const known = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
        const where = path.length ? ` in ${label}` : '';
        const message = `Unknown field "${field}"${where}${didYouMean(field, known)}; Flaglint ignores it.`;
        ctx.report(
          'invalid-registry',
          'warning',
          message,
          ctx.locate([...path, field], 'key'),
          labeller.flagKey([...path, field]),
        );
        break;
      }
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        ctx.report(
          'invalid-registry',
          'error',
          `${cap(label)} needs a "${missing}" field.`,
          ctx.locate(path, 'key'),
          flagKey,
        );
        break;
      }
      default:
        ctx.report('invalid-registry', 'error', messageFor(e, label), ctx.locate(path), flagKey);
    }
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function messageFor(e: ErrorObject, label: string): string {
  const data = e.data;
  switch (e.keyword) {
    case 'type':
      return `${cap(label)} must be ${typeNames((e.params as { type: unknown }).type)}, not ${describe(data)}.`;
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const hint = typeof data === 'string' ? didYouMean(data, allowed) : '';
      return `${cap(label)} must be one of ${allowed.join(', ')}, not ${JSON.stringify(data)}${hint}.`;
    }
    case 'pattern':
      return `${cap(label)} must be a date written YYYY-MM-DD (like 2026-12-01), not ${JSON.stringify(data)}.`;
    case 'minimum':
      return `${cap(label)} must be at least ${(e.params as { limit: number }).limit}, not ${String(data)}.`;
    case 'minLength':
      return `${cap(label)} must not be empty.`;
    case 'uniqueItems': {
      const { i, j } = e.params as { i: number; j: number };
      const items = data as unknown[];
      return `${cap(label)} lists ${JSON.stringify(items[j])} twice (items ${j + 1} and ${i + 1}).`;
    }
    case 'anyOf': {
      const s = e.parentSchema as { anyOf?: Array<{ enum?: unknown[]; items?: { enum?: unknown[] } }> };
      const options = (s.anyOf ?? []).map(
        (o) => o.enum?.map(String).join(', ') ?? `a list of ${o.items?.enum?.join(', ') ?? 'values'}`,
      );
      return `${cap(label)} must be ${options.join(', or ')}; not ${describe(data)}.`;
    }
    default:
      return `${cap(label)} ${e.message ?? 'is invalid'}.`;
  }
}

/**
 * Ajv reports every failed branch of an `anyOf` and several keywords per value; a user wants one
 * message per problem: the most specific one.
 */
function selectErrors(errors: ErrorObject[]): ErrorObject[] {
  const typeErrorAt = new Set(
    errors.filter((e) => e.keyword === 'type' && !e.schemaPath.includes('/anyOf/')).map((e) => e.instancePath),
  );
  const anyOfAt = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: ErrorObject[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword !== 'type' && e.keyword !== 'additionalProperties' && typeErrorAt.has(e.instancePath)) continue;
    if (e.schemaPath.includes('/anyOf/')) {
      // Keep a branch's error only when it is about something deeper than the anyOf's own value.
      const owner = [...anyOfAt].find((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`));
      if (owner !== undefined && e.instancePath === owner) continue;
    }
    if (e.keyword === 'anyOf') {
      const deeper = errors.some(
        (d) => d.schemaPath.includes('/anyOf/') && d.instancePath.startsWith(`${e.instancePath}/`),
      );
      if (deeper) continue;
    }
    const id = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(e);
  }
  return out;
}
