import { isCollection, isScalar } from 'yaml';
import type { Location, RegistryProblem, Severity } from '../model';
import { TextPositions } from '../text';
import { nodeAt, span } from './yamlTree';
import type { YamlDoc } from './yamlTree';

export type Path = readonly (string | number)[];

/**
 * One parsed registry file and the problems found in it. Problems name a path into the data
 * (`['flags', 'new-checkout', 'type']`); this turns the path into the exact range in the file.
 */
export class DocContext {
  readonly positions: TextPositions;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly doc: YamlDoc,
    readonly problems: RegistryProblem[],
  ) {
    this.positions = new TextPositions(file, text);
  }

  /** The range of a node's value, or of a collection's first line (a whole block would be noise). */
  nodeLocation(node: unknown): Location | undefined {
    const s = span(node);
    if (!s) return undefined;
    const start = s[0];
    let end = s[1];
    if (isCollection(node)) {
      const pos = this.positions.position(start);
      end = Math.min(end, this.positions.lineStart(pos.line) + this.positions.lineText(pos.line).length);
    }
    return this.positions.location(start, Math.max(start, end));
  }

  /**
   * Where a path stands: the value for a scalar, the key for a collection (or for a missing value),
   * the nearest existing ancestor's key when the path goes further than the file does.
   */
  locate(path: Path, prefer: 'value' | 'key' = 'value'): Location {
    const found = nodeAt(this.doc, path);
    const scalarValue = found.node !== undefined && (isScalar(found.node) || found.node === null);
    if (prefer === 'value' && found.node && scalarValue && span(found.node)) {
      const loc = this.nodeLocation(found.node);
      // An empty value (`owner:`) has no width; point at its key instead.
      if (
        loc &&
        !(loc.range.start.line === loc.range.end.line && loc.range.start.character === loc.range.end.character)
      ) {
        return loc;
      }
    }
    // A list item has no key of its own: point at the item, not at the list's key.
    const ownKey = typeof path[path.length - 1] !== 'number' && !/^\d+$/.test(String(path[path.length - 1]));
    if (!ownKey && found.node) {
      const loc = this.nodeLocation(found.node);
      if (loc) return loc;
    }
    if (found.keyNode) {
      const loc = this.nodeLocation(found.keyNode);
      if (loc) return loc;
    }
    if (found.node) {
      const loc = this.nodeLocation(found.node);
      if (loc) return loc;
    }
    return this.positions.location(0, 0);
  }

  report(
    ruleId: RegistryProblem['ruleId'],
    severity: Severity,
    message: string,
    location: Location,
    flagKey?: string,
  ): void {
    const problem: RegistryProblem = { ruleId, severity, message, location };
    if (flagKey !== undefined) problem.flagKey = flagKey;
    this.problems.push(problem);
  }
}
