import type { FlagReference, Registry } from '../model';
import { isTestFile } from '../detect/testFiles';
import { registryGoverning } from './governing';
import { displayPath } from './paths';

/** How a reference names its flag, in the words of the README (one value per reference). */
export type ReferenceForm =
  'literal' | 'constant' | 'enum' | 'property' | 'key-object' | 'data' | 'wrapper' | 'alias' | 'membership';
export const REFERENCE_FORMS: readonly ReferenceForm[] = [
  'literal',
  'constant',
  'enum',
  'property',
  'key-object',
  'data',
  'wrapper',
  'alias',
  'membership',
];

/**
 * One reference as the JSON and CSV reports give it. Paths are relative to the scan root; lines
 * and columns are 1-based, `endColumn` exclusive, and locate the key as written.
 */
export interface ReferenceRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The key as the code names it (after resolving constants). */
  key: string;
  /** The registry entry it matches (an alias or case variant maps to the entry's key); absent when unregistered. */
  registryKey?: string;
  /** The SDK preset, `custom` (scan.functions), `pattern` (scan.properties), `collection` (scan.collections) or `in-house`. */
  source: string;
  /** The function, method, property pattern or component evaluated. */
  callee: string;
  form: ReferenceForm;
  /** Wrappers the key passed through, outermost first. */
  via?: string[];
  inTest: boolean;
}

/**
 * The most telling form: how the evaluation reaches the key (a wrapper, a key object, a membership
 * test, data) says more to a reader than how the key itself is spelt.
 */
export function referenceForm(ref: FlagReference): ReferenceForm {
  if (ref.shape) return ref.shape;
  if (ref.kind === 'wrapper-call') return 'wrapper';
  if (ref.keyForm === 'property') return 'property';
  if (ref.registryKey !== undefined && ref.registryKey !== ref.key) return 'alias';
  switch (ref.keyForm) {
    case 'literal':
    case 'template':
      return 'literal';
    case 'enum':
      return 'enum';
    case 'alias':
      return 'alias';
    default:
      return 'constant';
  }
}

/** Every reference of a scan, in file, line, column order. */
export function referenceRecords(
  references: readonly FlagReference[],
  registries: readonly Registry[],
  root: string,
): ReferenceRecord[] {
  const records = references.map((ref): ReferenceRecord => {
    const { start, end } = ref.location.range;
    return {
      file: displayPath(ref.location.file, root),
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      key: ref.key,
      ...(ref.registryKey !== undefined ? { registryKey: ref.registryKey } : {}),
      source: ref.source,
      callee: ref.callee,
      form: referenceForm(ref),
      ...(ref.via?.length ? { via: ref.via } : {}),
      inTest: isTestFile(ref.location.file, registryGoverning(registries, ref.location.file), root),
    };
  });
  return records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
