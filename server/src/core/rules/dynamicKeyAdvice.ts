import type { DynamicReference } from '../model';

/**
 * What would let Flaglint follow a key it could not resolve, by why it could not: "use a string
 * literal" is wrong advice for a key that already is an enum member passed through a helper or a
 * factory. The registry settings named here are described in the README ("Describing your own flag API").
 */
export function dynamicKeyAdvice(d: Pick<DynamicReference, 'expression' | 'reason' | 'callee'>): string {
  const fromParameter = /^it comes from a parameter of (.+)$/.exec(d.reason) ?? /parameter '([^']+)'/.exec(d.reason);
  if (fromParameter) {
    const fn = /^it comes from a parameter of (.+)$/.test(d.reason) ? fromParameter[1] : undefined;
    return fn
      ? `If ${fn} is your own flag helper, name it in the registry's \`scan.functions\` (with \`keyArg\`) so the keys its callers pass are followed instead.`
      : "If this function is your own flag helper, name it in the registry's `scan.functions` (with `keyArg`) so the keys its callers pass are followed instead.";
  }
  if (/comes from the package '([^']+)'/.test(d.reason)) {
    return 'The constant is defined in a package outside the scanned files: include the folder that defines it in `scan.include` (or scan from the repository root).';
  }
  if (/which is not a source file in the workspace|could not be read/.test(d.reason)) {
    return 'The file that defines the constant is not among the scanned files: check `scan.include`/`scan.exclude`.';
  }
  if (/the key is an object/.test(d.reason)) {
    return `The key sits inside an object: tell Flaglint where, with \`keyPath\` in the \`scan.functions\` entry for ${d.callee} (e.g. \`{ name: "${d.callee}", keyArg: 0, keyPath: "key" }\`).`;
  }
  if (/read from an object at run time/.test(d.reason) || /\.\w+$/.test(d.expression)) {
    return 'If the key comes from a table or config object of flag names, name the collection in `scan.collections` or keep the table in the same file as the evaluation (its rows are followed); otherwise use a string literal or a constant.';
  }
  return 'Use a string literal or a constant (an `as const` object or enum works too) so the flag can be tracked.';
}
