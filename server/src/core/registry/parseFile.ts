import * as fs from 'node:fs';
import { visit } from 'yaml';
import type { Location, RegistryProblem } from '../model';
import { nonFileKind } from '../fileKind';
import { decodeRegistryBytes } from './decodeText';
import { DocContext } from './docContext';
import { fileStart } from './yamlPositions';
import { keyText, parseYaml } from './yamlTree';

/** Reading and parsing one registry file, with every problem reported at its position. */

export function unreadable(file: string, e: unknown): RegistryProblem {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'ENOENT' ? 'it does not exist' : err.code === 'EACCES' ? 'permission denied' : err.message;
  return {
    ruleId: 'invalid-registry',
    severity: 'error',
    message: `Cannot read the registry ${file}: ${why}.`,
    location: fileStart(file),
  };
}

/**
 * A registry file's text, or undefined with the reason among `problems`: it is stat-ed before it is
 * opened (a FIFO or device named flags.yaml would block or never end), and decoded as UTF-8 only.
 */
export function readText(file: string, problems: RegistryProblem[]): string | undefined {
  let buf: Buffer;
  try {
    const kind = nonFileKind(fs.statSync(file));
    if (kind) {
      problems.push({
        ruleId: 'invalid-registry',
        severity: 'error',
        message: `The registry file ${file} is ${kind}, not a file; it was not read. Replace it with a YAML file.`,
        location: fileStart(file),
      });
      return undefined;
    }
    buf = fs.readFileSync(file);
  } catch (e) {
    problems.push(unreadable(file, e));
    return undefined;
  }
  const decoded = decodeRegistryBytes(buf);
  if ('text' in decoded) return decoded.text;
  const at = { line: decoded.line, character: decoded.character };
  problems.push({
    ruleId: 'invalid-registry',
    severity: 'error',
    message: `Cannot read the registry ${file}: ${decoded.error}.`,
    location: { file, range: { start: at, end: at } },
  });
  return undefined;
}

// Editors drop the byte-order mark, so positions only agree without it.
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses one file and reports syntax errors, duplicate keys and (for .json) what JSON forbids. */
export function parse(file: string, text: string, problems: RegistryProblem[]): DocContext {
  const doc = parseYaml(text);
  const ctx = new DocContext(file, text, doc, problems);
  for (const e of doc.errors) {
    // The yaml parser turns its own stack overflow into an error; say what the user can fix.
    const message = /call stack/i.test(e.message)
      ? 'the YAML is nested too deeply to read (thousands of [ or { levels)'
      : firstLine(e.message);
    ctx.report('invalid-registry', 'error', `Syntax error: ${message}.`, ctx.positions.location(e.pos[0], e.pos[1]));
  }
  for (const w of doc.warnings) {
    ctx.report('invalid-registry', 'warning', `${firstLine(w.message)}.`, ctx.positions.location(w.pos[0], w.pos[1]));
  }
  if (/\.json$/i.test(file) && doc.errors.length === 0) checkJson(ctx);
  return ctx;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

/** YAML accepts comments, trailing commas and unquoted keys; other tools reading a .json file do not. */
function checkJson(ctx: DocContext): void {
  try {
    JSON.parse(ctx.text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : 0;
    ctx.report(
      'invalid-registry',
      'warning',
      `Not valid JSON (${message.replace(/ in JSON at position \d+.*$/, '')}); other tools reading this file may reject it.`,
      ctx.positions.location(offset, Math.min(offset + 1, ctx.text.length)),
    );
  }
}

/** Duplicate keys outside `flags:` (there they are duplicate flags, reported where flags are read). */
export function reportDuplicateKeys(ctx: DocContext, flagsMap: unknown): void {
  visit(ctx.doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const item of map.items) {
        const k = keyText(item.key);
        if (k === undefined || k === '<<') continue;
        const first = seen.get(k);
        const keyStart = (item.key as { range?: number[] } | null)?.range?.[0] ?? 0;
        if (first === undefined) {
          seen.set(k, keyStart);
          continue;
        }
        if (map === flagsMap) continue;
        const line = ctx.positions.position(first).line + 1;
        ctx.report(
          'invalid-registry',
          'error',
          `Duplicate key "${k}": the one on line ${line} is used and this one is ignored.`,
          ctx.nodeLocation(item.key) ?? fileStart(ctx.file),
        );
      }
    },
  });
}

export function reportDuplicate(ctx: DocContext, key: string, here: Location, first: Location): void {
  const where =
    first.file === here.file ? `line ${first.range.start.line + 1}` : `${first.file}:${first.range.start.line + 1}`;
  ctx.report(
    'duplicate-flag',
    'error',
    `Flag "${key}" is defined twice: the entry at ${where} is used and this one is ignored.`,
    here,
    key,
  );
}
