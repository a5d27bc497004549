import { calledPattern } from '../detect/detectorConfig';
import { trieAlternation } from '../detect/wordTrie';
import { bytesMatch } from './sourceText';

/** A wrapper name learnt during a scan, and the properties its key is read from (WrapperTable.keyPropsOf). */
export interface LearntWrapper {
  name: string;
  /** Set when every wrapper of this name reads its key from a property of an argument. */
  props?: readonly string[];
  /** A method wrapper: called on a receiver, never written as a JSX tag. */
  method: boolean;
}

/**
 * Which files the prefilter skipped that wrapper names found later make worth parsing. A file counts
 * when it calls one (the prefilter's call shape, or `<Name` for a component) and, for a wrapper that
 * reads its key from a property (`withWorkspace(handler, { featureFlag })`), names that property:
 * otherwise the call yields no reference and forwards no key, so parsing it changes nothing. On a
 * real 12k-file corpus most of the files that call such wrappers never pass the property.
 */
export class WrapperCatchUp {
  private readonly tests: { name: string; call: RegExp; props?: RegExp }[];
  private readonly anyName: RegExp;

  constructor(learnt: readonly LearntWrapper[]) {
    this.tests = learnt.map((w) => {
      const name = escapeRegExp(w.name);
      const jsx = !w.method && /^[A-Z]/.test(w.name) ? `|<${name}\\b` : '';
      return {
        name: w.name,
        call: new RegExp(calledPattern(name) + jsx),
        ...(w.props ? { props: new RegExp(`\\b(?:${w.props.map(escapeRegExp).join('|')})\\b`) } : {}),
      };
    });
    // Wrapper names are identifiers; one that is not ASCII is looked for in the decoded text alone.
    const ascii = learnt.every((w) => /^[\x20-\x7e]*$/.test(w.name));
    this.anyName = ascii ? latin1Gate(learnt) : /(?:)/;
  }

  /** Whether the bytes may hold a call of one of the names: a cheap test before a file is decoded. */
  mayBeIn(bytes: Buffer): boolean {
    return bytesMatch(bytes, this.anyName);
  }

  wants(text: string): boolean {
    return this.tests.some((t) => text.includes(t.name) && t.call.test(text) && (!t.props || t.props.test(text)));
  }
}

/**
 * A test over the Latin-1 view of a file's UTF-8 bytes that holds wherever `wants` may: a call of a
 * name (or `<Name` for a component). It starts at the `(` and looks back for a name, which on 75 MB
 * of real code took half the time of looking for the names themselves at every letter (the names
 * begin with the commonest letters). In the Latin-1 view a non-ASCII character is two to four
 * characters of \x80-\xff, never `(`, `)` or a line break: so Unicode spaces are matched by that
 * range and a type argument list may be four times as long.
 */
function latin1Gate(learnt: readonly LearntWrapper[]): RegExp {
  const names = trieAlternation(learnt.map((w) => w.name));
  const gap = '[\\s\\x80-\\xff]*';
  const call = `\\((?<=\\b(?:${names})${gap}(?:<[^()\\n]{0,480}>)?${gap}(?:\\?\\.)?\\()`;
  const tags = learnt.filter((w) => !w.method && /^[A-Z]/.test(w.name)).map((w) => w.name);
  return new RegExp(tags.length > 0 ? `${call}|<(?:${trieAlternation(tags)})\\b` : call);
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
