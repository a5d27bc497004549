import { calledPattern } from '../detect/detectorConfig';

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
  }

  /** The names, for a cheap test of the bytes before a file is decoded. */
  names(): string[] {
    return this.tests.map((t) => t.name);
  }

  wants(text: string): boolean {
    return this.tests.some((t) => text.includes(t.name) && t.call.test(text) && (!t.props || t.props.test(text)));
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
