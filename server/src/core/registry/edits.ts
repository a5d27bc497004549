import type { Registry, TextEdit } from '../model';
import type { FileEdit, FlagFields } from './types';

export function addFlagEdits(_registry: Registry, _text: string | undefined, _key: string, _fields: FlagFields = {}): FileEdit[] {
  return [];
}
export function addFlagsEdits(_registry: Registry, _text: string | undefined, _flags: Array<{ key: string; fields?: FlagFields }>): FileEdit[] {
  return [];
}
export function setFlagFieldEdits(_registry: Registry, _text: string | undefined, _key: string, _field: string, _value: unknown): FileEdit[] {
  return [];
}
export function removeFlagEdits(_registry: Registry, _text: string | undefined, _key: string): FileEdit[] {
  return [];
}
export function applyTextEdits(text: string, _edits: readonly TextEdit[]): string {
  return text;
}
