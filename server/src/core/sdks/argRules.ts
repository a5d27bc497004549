import type { ArgShape, CallSpec, KeyArgRule } from './types';

/** Key and fallback positions shared by several SDK modules, and the builders of their call specs. */

const USER_LIKE =
  /^(user|users|context|ctx|ldcontext|attributes|attrs|attribute|options|opts|traits|identity|statsiguser|dvcuser|evaluationcontext)$/i;

function keyLikeness(arg: ArgShape | undefined): number {
  if (!arg) return -1;
  switch (arg.kind) {
    case 'string':
      return 3;
    case 'name':
      if (arg.name && USER_LIKE.test(arg.name)) return 0;
      return arg.name && /^[A-Z0-9_]+$/.test(arg.name) ? 2 : 1;
    default:
      return 0;
  }
}

/** `checkGate(user, gate)` on the server, `checkGate(gate, opts?)` in the browser. */
export const secondIfKeyLike = (args: readonly ArgShape[]): number =>
  args.length >= 2 && keyLikeness(args[1]) >= keyLikeness(args[0]) && keyLikeness(args[1]) > 0 ? 1 : 0;
/** DevCycle: `variableValue(user, key, default)` on the server, `variableValue(key, default)` in the browser. */
export const secondWhenThreeArgs = (args: readonly ArgShape[]): number => (args.length >= 3 ? 1 : 0);
/**
 * The fallback after a key that a server SDK puts second: LaunchDarkly `variation(key, context, default)`
 * vs browser `variation(key, default)`, DevCycle `variableValue(user, key, default)` vs `(key, default)`.
 */
export const thirdOfThreeElseSecond = (args: readonly ArgShape[]): number => (args.length >= 3 ? 2 : 1);

/** A method call `x.name(key, …)`. */
export const method = (name: string, extra: Partial<CallSpec> = {}): CallSpec => ({
  name,
  style: 'method',
  keyArg: 0,
  ...extra,
});
/** A function or hook call `name(key, …)`. */
export const fn = (name: string, extra: Partial<CallSpec> = {}): CallSpec => ({
  name,
  style: 'function',
  keyArg: 0,
  ...extra,
});

export function choosePosition(rule: KeyArgRule, args: readonly ArgShape[]): number {
  return typeof rule === 'number' ? rule : rule(args);
}
