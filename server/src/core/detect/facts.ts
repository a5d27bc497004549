import type { Range, ReferenceKind, ReferenceShape, ScanNote, ValueType } from '../model';

/**
 * What one file says, as plain data: computed from the file's text alone (plus the detector
 * configuration), so it can be cached by content and recomputed for one file on an edit.
 * Names from other files stay symbolic here; `resolve/` joins them up across files.
 */
export interface FileFacts {
  file: string;
  /** Local name → what it imports. `name` is '*' for a namespace (or CommonJS require), 'default' for a default import. */
  imports: Record<string, ImportBinding>;
  /** Exported name → the local it exports, or a re-export. */
  exports: Record<string, ExportBinding>;
  /** `export * from '…'` specifiers. */
  starExports: string[];
  /** Module-scope declarations that may hold flag keys (constants, enums, objects). */
  values: Record<string, ValueFact>;
  /** Candidate evaluations found in this file. */
  calls: CallFact[];
  /** String values of table rows, by property, for the properties dynamic evaluations read (detect/dataTables.ts). */
  tables?: Record<string, { value: string; range: Range }[]>;
  /** Rows of the tables this file exports, by the properties that name a flag, for importers that evaluate them (detect/dataTables.ts). */
  exportedRows?: Record<string, { value: string; range: Range }[]>;
  /** Syntax errors found while parsing (the rest of the file is still analysed). */
  notes: ScanNote[];
}

export interface ImportBinding {
  from: string;
  name: string;
}

export type ExportBinding = { local: string } | { from: string; name: string };

export type ValueFact =
  | { kind: 'string'; value: string; range: Range }
  | { kind: 'object'; members: Record<string, ValueFact>; range: Range }
  | { kind: 'enum'; members: Record<string, ValueFact>; range: Range }
  | { kind: 'ref'; name: string; path: string[]; range: Range };

/** A key expression, as far as one file can tell. */
export type KeyExpr =
  /** `def`: where a local constant holding the key was declared. 'property': written as a name (`flags.newCheckout`). */
  | { k: 'str'; value: string; form: 'literal' | 'template' | 'const' | 'object' | 'property'; def?: Range }
  /** A module-scope name (local declaration or import) and a member path into it. */
  | { k: 'ref'; name: string; path: string[] }
  /** A parameter of the enclosing named function: that function is a wrapper if this reaches a flag call. */
  | { k: 'param'; fn: string; index: number; prop?: string }
  /** A template literal (or a `+` concatenation) whose parts may all resolve; `text` is its source, shortened. */
  | { k: 'tpl'; head: string; spans: { expr: KeyExpr; literal: string }[]; text?: string }
  /** `dataProp`: the key is one property of a row read at run time (`route.flag`): the rows of this file's tables may name it. */
  | { k: 'dyn'; text: string; reason: string; dataProp?: string };

export interface ArgFact {
  key: KeyExpr;
  range: Range;
  /** The argument's value when it is a literal (a wrapper's fallback argument). */
  literal?: { value: unknown };
  /** For an object literal argument (or JSX props): its key-like properties. */
  props?: Record<string, { key: KeyExpr; range: Range }>;
}

export interface CallFact {
  kind: ReferenceKind;
  /** Preset id, 'custom', 'pattern' — or 'candidate' for a call that is a reference only if its target is a wrapper. */
  source: string;
  callee: string;
  key: KeyExpr;
  keyRange: Range;
  evalRange: Range;
  valueType?: ValueType;
  /** Set when the code passes a literal fallback (JSON value). */
  defaultValue?: unknown;
  hasDefault?: boolean;
  /** The fallback is a parameter of a named function (`flagValue(flag, fallback)` forwarding it). */
  defaultParam?: { fn: string; index: number };
  /** The named function this call sits in (for wrapper inference). */
  enclosingFn?: string;
  /** Candidate calls: what is called (a module-scope name and member path), or a method name. */
  /** `returned`: the call is of the function that `name` returns (`const evaluate = useEvaluator(); evaluate(k)`). */
  target?: { name: string; path: string[]; returned?: boolean };
  method?: string;
  /** Method candidates: the receiver when it is a module-scope name (`flagService` of `flagService.isOn(…)`). */
  receiver?: string;
  /** Method candidates: the words of the whole receiver (`this.flagResolver` → this, flag, resolver). */
  receiverWords?: string[];
  args?: ArgFact[];
  /** A function-style SDK hook imported from a package: if the package is not in the workspace, this is the SDK call. */
  sdkFallback?: { source: string; valueType?: ValueType };
  shape?: ReferenceShape;
}

/**
 * A record's own entry: facts are plain objects (they round-trip through the JSON cache), and a
 * name such as `constructor` or `valueOf` must not find Object.prototype's member.
 */
export function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
