/** Conversions between the engine's model (absolute paths, plain ranges) and LSP types. */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type Location as LspLocation,
  type Range as LspRange,
} from 'vscode-languageserver/node';
import type { Finding, Location, Range, Severity, SeveritySetting } from '../core/model';

export function fileToUri(file: string): string {
  return URI.file(file).toString();
}

/** The absolute, normalised path of a file: URI (undefined for other schemes: untitled, git, …). */
export function uriToFile(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return undefined;
  return path.normalize(parsed.fsPath);
}

export function toLspRange(range: Range): LspRange {
  return { start: { ...range.start }, end: { ...range.end } };
}

export function toLspLocation(location: Location): LspLocation {
  return { uri: fileToUri(location.file), range: toLspRange(location.range) };
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a Flaglint diagnostic carries for code actions. */
export interface DiagnosticData {
  flagKey?: string;
}

export const DIAGNOSTIC_SOURCE = 'flaglint';

/** A finding as a diagnostic at the severity the session gives it; undefined when its rule is turned off. */
export function toDiagnostic(finding: Finding, level: SeveritySetting): Diagnostic | undefined {
  if (level === 'off') return undefined;
  const diagnostic: Diagnostic = {
    range: toLspRange(finding.location.range),
    severity: SEVERITIES[level],
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { flagKey: finding.flagKey } satisfies DiagnosticData,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      message: r.message,
      location: toLspLocation(r.location),
    }));
  }
  return diagnostic;
}
