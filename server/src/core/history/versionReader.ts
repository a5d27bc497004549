import { parsePlainYaml } from '../registry/plainParse';
import type { GitStamp } from '../model';
import { stripBom } from '../registry/parseFile';
import { snapshotOfFields, type EntrySnapshot } from './snapshot';

/** What one committed version of a registry file says: its entries and its `owners:` list. */
export interface VersionContent {
  entries: Map<string, EntrySnapshot>;
  owners: string[];
}

/** A version of the registry: at a commit, or (no stamp) as the working tree has it. */
export interface Version extends VersionContent {
  stamp?: GitStamp;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(text: string): unknown {
  return parsePlainYaml(text);
}

function contentOf(doc: Record<string, unknown>): VersionContent {
  const entries = new Map<string, EntrySnapshot>();
  if (isRecord(doc.flags))
    for (const [key, value] of Object.entries(doc.flags))
      entries.set(key, isRecord(value) ? snapshotOfFields(value) : {});
  const owners = Array.isArray(doc.owners) ? doc.owners.filter((o): o is string => typeof o === 'string') : [];
  return { entries, owners };
}

const TOP_KEY = /^[^\s#-][^:]*:/;

/**
 * Reads the committed versions of one registry file. Versions are read with a plain YAML/JSON parse
 * (positions and schema checks are not needed to compare them), and a YAML registry's `flags:` block
 * is cut into one chunk per entry, each parsed once and remembered by its text: consecutive versions
 * share almost every entry, so a registry with hundreds of commits and flags costs little more than
 * parsing the entries that changed. A file the cutting cannot follow (flow style, anchors, tabs) is
 * parsed whole.
 */
export class VersionReader {
  private readonly chunks = new Map<string, [string, EntrySnapshot] | null>();
  private readonly rests = new Map<string, string[] | null>();
  private readonly flagFiles = new Map<string, [string, EntrySnapshot] | null>();

  /**
   * One file of a folder registry: its flag key (the `key:` field, else the file name) and fields;
   * undefined when it does not parse.
   */
  readFlagFile(fileName: string, rawText: string): [string, EntrySnapshot] | undefined {
    const text = stripBom(rawText);
    const memo = `${fileName}\0${text}`;
    let parsed = this.flagFiles.get(memo);
    if (parsed === undefined) {
      parsed = null;
      try {
        const doc = parse(text) ?? {};
        if (isRecord(doc)) {
          const key =
            typeof doc.key === 'string' && doc.key.trim() !== '' ? doc.key.trim() : fileName.replace(/\.ya?ml$/i, '');
          parsed = [key, snapshotOfFields(doc)];
        }
      } catch {
        parsed = null;
      }
      this.flagFiles.set(memo, parsed);
    }
    return parsed ?? undefined;
  }

  /** The `owners:` of a folder registry's settings file. */
  readOwners(rawText: string): string[] | undefined {
    try {
      const doc = parse(stripBom(rawText));
      return doc === null || doc === undefined ? [] : isRecord(doc) ? contentOf(doc).owners : undefined;
    } catch {
      return undefined;
    }
  }

  /** Undefined when the version does not parse (a broken commit is skipped, not read as "every flag removed"). */
  read(file: string, rawText: string): VersionContent | undefined {
    const text = stripBom(rawText);
    if (/\.json$/i.test(file)) {
      try {
        const doc: unknown = JSON.parse(text);
        return isRecord(doc) ? contentOf(doc) : undefined;
      } catch {
        return undefined;
      }
    }
    return this.readChunked(text) ?? this.readWhole(text);
  }

  private readWhole(text: string): VersionContent | undefined {
    try {
      const doc = parse(text);
      if (doc === null || doc === undefined) return { entries: new Map(), owners: [] };
      return isRecord(doc) ? contentOf(doc) : undefined;
    } catch {
      return undefined;
    }
  }

  private readChunked(text: string): VersionContent | undefined {
    if (/(^|[\s[{,])[&*][\w-]/m.test(text) || text.includes('\t') || /^---/m.test(text.slice(1))) return undefined;
    const lines = text.split(/\r?\n/);
    const start = lines.findIndex((l) => /^flags:\s*(#.*)?$/.test(l));
    if (start < 0) return undefined;
    let end = lines.length;
    for (let i = start + 1; i < lines.length; i++)
      if (TOP_KEY.test(lines[i]!)) {
        end = i;
        break;
      }
    const block = lines.slice(start + 1, end);
    const first = block.find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    const indent = first === undefined ? 0 : first.length - first.trimStart().length;
    const entryStart = new RegExp(`^ {${indent}}[^\\s#]`);
    const starts: number[] = [];
    block.forEach((l, i) => {
      if (entryStart.test(l)) starts.push(i);
    });
    const entries = new Map<string, EntrySnapshot>();
    for (let s = 0; s < starts.length; s++) {
      const chunk = block
        .slice(starts[s], starts[s + 1] ?? block.length)
        .map((l) => l.slice(indent))
        .join('\n');
      let parsed = this.chunks.get(chunk);
      if (parsed === undefined) {
        parsed = null;
        try {
          const doc = parse(chunk);
          if (isRecord(doc)) {
            const keys = Object.keys(doc);
            if (keys.length === 1)
              parsed = [
                keys[0]!,
                isRecord(doc[keys[0]!]) ? snapshotOfFields(doc[keys[0]!] as Record<string, unknown>) : {},
              ];
          }
        } catch {
          parsed = null;
        }
        this.chunks.set(chunk, parsed);
      }
      if (parsed === null) return undefined;
      entries.set(parsed[0], parsed[1]);
    }
    const rest = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
    let owners = this.rests.get(rest);
    if (owners === undefined) {
      try {
        const doc = parse(rest);
        owners = doc === null || doc === undefined ? [] : isRecord(doc) ? contentOf(doc).owners : null;
      } catch {
        owners = null;
      }
      this.rests.set(rest, owners);
    }
    return owners === null ? undefined : { entries, owners };
  }
}
