import { dynamicKeyAdvice } from './dynamicKeyAdvice';
import type { Rule } from './rule';

export const dynamicKey: Rule = {
  id: 'dynamic-key',
  defaultSeverity: 'warning',
  summary: 'A flag is evaluated with a key that cannot be resolved statically.',
  description:
    'A key computed at run time (a variable, a function result, a template with substitutions) cannot be checked against the registry, ' +
    'counted in the inventory or removed automatically. The message says what would let Flaglint follow it: a string literal or a constant ' +
    '(an `as const` object or enum works too), or, for a key passed through your own helper, a factory or a table, the `scan.functions` ' +
    '(`keyArg`, `keyPath`), `scan.collections` or `scan.include` setting that names it.',
  check(ctx) {
    // A template literal already shows its own backticks.
    const quote = (e: string) => (e.includes('`') ? e : `\`${e}\``);
    return ctx.dynamic.map((d) => ({
      message: `Flag key ${quote(d.expression)} passed to ${d.callee} cannot be resolved statically (${d.reason}). ${dynamicKeyAdvice(d)}`,
      location: d.location,
    }));
  },
};
