import { isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Scalar, YAMLMap } from 'yaml';
import type { TextPositions } from '../text';

export type QuoteChar = '"' | "'";

/** How a registry file is written, so that inserted text looks like the rest of it. */
export interface YamlStyle {
  eol: string;
  /** One level of indentation. */
  unit: string;
  /** Quote every string value (the file does), or only where YAML needs it. */
  quoteAll: boolean;
  quote: QuoteChar;
  quoteKeys: boolean;
  /** Lists written `[a, b]` (true) or as `- a` lines. */
  flowLists: boolean;
}

export function detectEol(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** Looks at the flag entries (or, failing that, the whole document) to find the file's habits. */
export function detectStyle(text: string, pos: TextPositions, scope: unknown): YamlStyle {
  const style: YamlStyle = {
    eol: detectEol(text),
    unit: '  ',
    quoteAll: false,
    quote: '"',
    quoteKeys: false,
    flowLists: true,
  };
  let plain = 0;
  let double = 0;
  let single = 0;
  let flowSeqs = 0;
  let blockSeqs = 0;
  let quotedKeys = 0;
  let plainKeys = 0;
  let unit: number | undefined;
  visit(scope as YAMLMap, {
    Pair(_, pair) {
      const k = pair.key;
      if (isScalar(k)) {
        if (k.type === 'QUOTE_DOUBLE' || k.type === 'QUOTE_SINGLE') quotedKeys++;
        else plainKeys++;
      }
      const v = pair.value;
      // Indentation: a block mapping's first key column minus its parent key's column.
      if (unit === undefined && isMap(v) && !v.flow && isScalar(k) && k.range && v.range && v.items.length) {
        const parentCol = pos.position(k.range[0]).character;
        const first = v.items[0];
        if (isPair(first) && isScalar(first.key) && first.key.range) {
          const childCol = pos.position(first.key.range[0]).character;
          if (childCol > parentCol) unit = childCol - parentCol;
        }
      }
      if (isSeq(v)) {
        if (v.flow) flowSeqs++;
        else blockSeqs++;
      }
    },
    Scalar(_, node: Scalar) {
      if (typeof node.value !== 'string') return;
      if (node.type === 'QUOTE_DOUBLE') double++;
      else if (node.type === 'QUOTE_SINGLE') single++;
      else if (node.type === 'PLAIN') plain++;
    },
  });
  if (unit !== undefined && unit > 0 && unit <= 8) style.unit = ' '.repeat(unit);
  // Keys are scalars too; only count values' quoting against the plain values.
  const quotedValues = double + single - quotedKeys;
  style.quoteAll = quotedValues > 0 && quotedValues > plain - plainKeys;
  style.quote = single > double ? "'" : '"';
  style.quoteKeys = quotedKeys > plainKeys;
  style.flowLists = blockSeqs === 0 || flowSeqs >= blockSeqs;
  return style;
}

// Plain scalars YAML 1.1 parsers (PyYAML, older tools) would read as booleans.
const YAML11_BOOLEANS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** Whether a string must be quoted to read back as the same string. */
export function needsQuotes(s: string): boolean {
  // Words, handles, paths and URLs with no YAML meaning: the common case, decided without parsing.
  if (
    /^[A-Za-z_][\w./@+-]*$/.test(s) &&
    !YAML11_BOOLEANS.test(s) &&
    !/^(?:true|false|null|Null|NULL|True|TRUE|False|FALSE)$/.test(s)
  )
    return false;
  if (s === '' || s.trim() !== s || /[\n\r\t\u0000-\u001f\u007f]/.test(s)) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/^-[^\s-]/.test(s)) return true;
  if (/:\s|\s#|:$/.test(s) || YAML11_BOOLEANS.test(s)) return true;
  const doc = parseDocument(`k: ${s}`, { schema: 'core' });
  if (doc.errors.length) return true;
  const back = doc.get('k');
  return back !== s;
}

export function quoteString(s: string, quote: QuoteChar): string {
  if (quote === "'" && !/[\n\r\t\u0000-\u001f\u007f]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  return JSON.stringify(s);
}

export function renderScalar(value: unknown, style: YamlStyle): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  const s = String(value);
  return style.quoteAll || needsQuotes(s) ? quoteString(s, style.quote) : s;
}

export function renderKey(key: string, style: YamlStyle): string {
  return style.quoteKeys || needsQuotes(key) ? quoteString(key, style.quote) : key;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalarValue(v: unknown): boolean {
  return v === null || v === undefined || typeof v !== 'object';
}

/** A value that fits on its key's line: `true`, `"@payments"`, `[a, b]`, `{}`; undefined if it needs a block. */
export function renderInline(value: unknown, style: YamlStyle): string | undefined {
  if (isScalarValue(value)) return renderScalar(value, style);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (!value.every(isScalarValue)) return JSON.stringify(value);
    return style.flowLists ? `[${value.map((v) => renderScalar(v, style)).join(', ')}]` : undefined;
  }
  if (isPlainObject(value)) {
    if (Object.keys(value).length === 0) return '{}';
    // Nested data (a JSON default value) reads best as it would in JSON.
    if (!Object.values(value).every(isScalarValue)) return JSON.stringify(value);
    return undefined;
  }
  return renderScalar(String(value), style);
}

/** The lines under a key for a value that needs a block (each ending with the line break). */
export function renderBlock(value: unknown, indent: string, style: YamlStyle): string {
  let out = '';
  if (Array.isArray(value)) {
    for (const item of value) out += `${indent}- ${renderInline(item, style) ?? JSON.stringify(item)}${style.eol}`;
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out += renderField(k, v, indent, style);
    }
  }
  return out;
}

/** `name: value` at `indent`, or `name:` and a block below it. */
export function renderField(name: string, value: unknown, indent: string, style: YamlStyle): string {
  const inline = renderInline(value, style);
  if (inline !== undefined) return `${indent}${renderKey(name, style)}: ${inline}${style.eol}`;
  return `${indent}${renderKey(name, style)}:${style.eol}${renderBlock(value, indent + style.unit, style)}`;
}
