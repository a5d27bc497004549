import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Location, Severity } from '../model';
import type { ScanResult } from '../engine/types';
import { RULES } from '../rules';
import { ruleHelpUri, toolInfo } from './toolInfo';

const SRCROOT = '%SRCROOT%';
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const FINGERPRINT = 'flaglintFindingHash/v1';

function level(severity: Severity): Sarif.ReportingConfiguration.level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** "unregistered-flag" → "UnregisteredFlag" (SARIF's human-readable rule name). */
function ruleName(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
}

/**
 * A file as a URI relative to the scan root (uriBaseId %SRCROOT%), so results do not depend on
 * where the repository was checked out. Files on another drive fall back to an absolute file URI.
 */
function artifactLocation(file: string, root: string): Sarif.ArtifactLocation {
  const rel = path.relative(root, file);
  if (path.isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** SARIF regions are 1-based; the end column is the column after the last character, as in LSP (+1). */
function physicalLocation(location: Location, root: string): Sarif.PhysicalLocation {
  const { start, end } = location.range;
  const endBeforeStart = end.line < start.line || (end.line === start.line && end.character < start.character);
  const last = endBeforeStart ? start : end;
  return {
    artifactLocation: artifactLocation(location.file, root),
    region: {
      startLine: start.line + 1,
      startColumn: start.character + 1,
      endLine: last.line + 1,
      endColumn: last.character + 1,
    },
  };
}

function descriptors(): Sarif.ReportingDescriptor[] {
  const info = toolInfo();
  return RULES.map((rule) => {
    const d: Sarif.ReportingDescriptor = {
      id: rule.id,
      name: ruleName(rule.id),
      shortDescription: { text: rule.summary },
      fullDescription: { text: rule.description },
      help: { text: rule.description },
      defaultConfiguration: { level: level(rule.defaultSeverity) },
      properties: { tags: ['feature-flags'] },
    };
    const helpUri = rule.helpUri ?? ruleHelpUri(info, rule.id);
    if (helpUri) d.helpUri = helpUri;
    return d;
  });
}

/**
 * A fingerprint that survives unrelated edits: it hashes the rule, the file and the flag (not the
 * line), plus the finding's rank among identical ones in that file, so code scanning keeps an alert's
 * identity when lines move above it.
 */
function fingerprints(result: ScanResult): string[] {
  const seen = new Map<string, number>();
  return result.findings.map((f) => {
    const identity = [f.ruleId, artifactLocation(f.location.file, result.root).uri, f.flagKey ?? f.message].join('\0');
    const rank = seen.get(identity) ?? 0;
    seen.set(identity, rank + 1);
    return createHash('sha256').update(`${identity}\0${rank}`).digest('hex').slice(0, 32);
  });
}

export function buildSarif(result: ScanResult): Sarif.Log {
  const info = toolInfo();
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const prints = fingerprints(result);
  const driver: Sarif.ToolComponent = {
    name: info.name,
    version: info.version,
    semanticVersion: info.version,
    rules: descriptors(),
  };
  if (info.informationUri) driver.informationUri = info.informationUri;
  const results: Sarif.Result[] = result.findings.map((f, i) => {
    const r: Sarif.Result = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
      level: level(f.severity),
      message: { text: f.message },
      locations: [{ physicalLocation: physicalLocation(f.location, result.root) }],
      partialFingerprints: { [FINGERPRINT]: prints[i]! }, // one print per finding, in order
    };
    if (f.related?.length) {
      r.relatedLocations = f.related.map((rel, id) => ({
        id,
        message: { text: rel.message },
        physicalLocation: physicalLocation(rel.location, result.root),
      }));
    }
    if (f.flagKey !== undefined) r.properties = { flagKey: f.flagKey };
    return r;
  });
  const notifications: Sarif.Notification[] = result.notes.map((note) => ({
    level: 'warning',
    message: { text: note.message },
    locations: [
      {
        physicalLocation: note.location
          ? physicalLocation(note.location, result.root)
          : { artifactLocation: artifactLocation(note.file, result.root) },
      },
    ],
    properties: { kind: note.kind },
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(result.root + path.sep).href } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(result: ScanResult): string {
  return `${JSON.stringify(buildSarif(result), null, 2)}\n`;
}
