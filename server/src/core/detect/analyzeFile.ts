import { ts } from 'ts-morph';
import type { ScanNote } from '../model';
import type { DetectorConfig } from './detectorConfig';
import type { FileFacts } from './facts';
import { collectModuleFacts } from './moduleFacts';
import { CallCollector } from './callCollector';
import { collectDataTables, collectExportedRows } from './dataTables';
import { noteMethodProbes } from './methodProbes';
import { parseSource } from './syntax';

/**
 * Analyses one file from its text: module facts plus every candidate flag evaluation, with keys
 * left symbolic where they come from elsewhere. Never throws on bad source: the TypeScript parser
 * recovers from syntax errors, and the first one is kept as a note.
 */
export function analyzeFile(file: string, text: string, config: DetectorConfig): FileFacts {
  return analyzeParsed(file, () => parseSource(file, text), config);
}

/**
 * Parses (with `parse`) and analyses one file; if either throws — the TypeScript parser's own
 * recursion overflows the stack on ~1,000 nested parentheses — the file gets no facts and a note
 * naming it, and the scan goes on with the other files instead of the whole run failing.
 */
export function analyzeParsed(file: string, parse: () => ts.SourceFile, config: DetectorConfig): FileFacts {
  try {
    return analyzeSource(parse(), config);
  } catch (err) {
    const overflow = err instanceof RangeError && /call stack/i.test(err.message);
    const why = overflow
      ? 'its code is nested too deeply to parse (the parser ran out of stack)'
      : `the analysis failed (${(err as Error).message})`;
    return {
      file,
      imports: {},
      exports: {},
      starExports: [],
      values: {},
      calls: [],
      notes: [{ file, kind: 'not-analysed', message: `${file} was skipped: ${why}; flags in it are not found` }],
    };
  }
}

/** The same from a parsed file (an editor's incrementally re-parsed tree). */
export function analyzeSource(sf: ts.SourceFile, config: DetectorConfig): FileFacts {
  const file = sf.fileName;
  const notes: ScanNote[] = [];
  const parseDiagnostics = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const d = parseDiagnostics[0];
  if (d) {
    const start = sf.getLineAndCharacterOfPosition(d.start);
    notes.push({
      file,
      kind: 'syntax-error',
      message: `${ts.flattenDiagnosticMessageText(d.messageText, ' ')} (${parseDiagnostics.length} syntax error${parseDiagnostics.length > 1 ? 's' : ''}; flags in the rest of the file are still found)`,
      location: { file, range: { start, end: start } },
    });
  }
  const module = collectModuleFacts(sf);
  const collector = new CallCollector(sf, config, module.imports);
  const calls = collector.collect();
  const tables = collectDataTables(sf, calls);
  const exportedRows = collectExportedRows(sf);
  const facts = {
    file,
    ...module,
    calls,
    notes,
    ...(tables ? { tables } : {}),
    ...(exportedRows ? { exportedRows } : {}),
  };
  noteMethodProbes(facts, collector.probedMethods);
  return facts;
}
