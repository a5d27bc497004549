import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { FlagReference, FlagType, ValueType } from '../model';
import { caseInsensitiveKey, keyWords } from './keys';
import { CodeownersLookup } from './codeownersLookup';
import { readsVariantKey } from '../sdks';

/**
 * One flag as a drafted registry proposes it, with where the code evaluates it. The one draft behind
 * both `flaglint init` and the editor's "Create Registry from Code" (see docs/architecture.md).
 */
export interface DraftFlag {
  key: string;
  owner?: string;
  type: FlagType;
  valueType?: ValueType;
  defaultValue?: unknown;
  references: FlagReference[];
}

/** Words that give a flag's kind away; anything else is taken for a release flag (the common case). */
const TYPE_HINTS: [FlagType, RegExp][] = [
  ['kill-switch', /^(kill|killswitch|circuit|breaker|emergency|panic|disable)$/],
  ['experiment', /^(experiment|exp|ab|test|variant|variants|trial|cohort)$/],
  [
    'permission',
    /^(permission|permissions|perm|entitlement|entitled|allow|allowed|can|plan|tier|premium|enterprise|pro|access|admin)$/,
  ],
  [
    'ops',
    /^(ops|rate|ratelimit|throttle|maintenance|cache|timeout|log|logging|verbose|debug|batch|limit|limits|concurrency|retry|retries)$/,
  ],
];

export function guessType(key: string): FlagType {
  const words = keyWords(key);
  for (const [type, hint] of TYPE_HINTS) if (words.some((w) => hint.test(w))) return type;
  return 'release';
}

/** The one value every reference agrees on, if they all state one. */
function agreed<T>(values: (T | undefined)[]): T | undefined {
  const stated = values.filter((v): v is T => v !== undefined);
  if (stated.length === 0) return undefined;
  return stated.every((v) => isDeepStrictEqual(v, stated[0])) ? stated[0] : undefined;
}

/** The owner CODEOWNERS gives most of the flag's referencing files. */
function likelyOwner(refs: FlagReference[], codeowners: CodeownersLookup): string | undefined {
  const votes = new Map<string, number>();
  for (const file of new Set(refs.map((r) => r.location.file))) {
    const owner = codeowners.ownersOf(file)[0];
    if (owner) votes.set(owner, (votes.get(owner) ?? 0) + 1);
  }
  return [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/**
 * The key to register for spellings that are case variants of one another (`order-tracking-map` in
 * a server call, `orderTrackingMap` from LaunchDarkly's React `useFlags()`): the spelling passed to
 * an SDK call as a key, since that is how the flag service knows it; failing that (only camelCased
 * property reads), the kebab-case form flag services use. Registry matching accepts case variants.
 */
function canonicalKey(refs: readonly FlagReference[]): string {
  const asKey = refs.filter((r) => r.kind !== 'property' && r.kind !== 'destructure').map((r) => r.key);
  const [firstKey] = asKey.sort();
  if (firstKey !== undefined) return firstKey;
  const [spelling = '', ...others] = new Set(refs.map((r) => r.key));
  return others.length === 0 && !/[A-Z]/.test(spelling) ? spelling : keyWords(spelling).join('-');
}

/** Drafts an entry for every key the code evaluates (case variants merged), sorted by key. */
export function draftFlags(references: readonly FlagReference[], root: string): DraftFlag[] {
  const groups = new Map<string, FlagReference[]>();
  for (const ref of references) {
    const id = ref.registryKey ?? caseInsensitiveKey(ref.key);
    groups.set(id, [...(groups.get(id) ?? []), ref]);
  }
  const byKey = new Map<string, FlagReference[]>();
  for (const [id, refs] of groups) byKey.set(refs[0]?.registryKey === id ? id : canonicalKey(refs), refs);
  const codeowners = CodeownersLookup.read(root);
  return [...byKey.keys()].sort().map((key) => {
    const refs = byKey
      .get(key)!
      .sort((a, b) =>
        a.location.file < b.location.file
          ? -1
          : a.location.file > b.location.file
            ? 1
            : a.location.range.start.line - b.location.range.start.line,
      );
    const draft: DraftFlag = { key, type: guessType(key), references: refs };
    const owner = likelyOwner(refs, codeowners);
    // A variant-key read (PostHog's useFeatureFlagVariantKey) may be of a multivariate flag: its
    // boolean reads (useFeatureFlagEnabled) then tell whether any variant is on, not the value's type.
    const valueType = refs.some(readsVariantKey) ? undefined : agreed(refs.map((r) => r.valueType));
    const defaultValue = agreed(refs.map((r) => r.defaultValue));
    if (owner) draft.owner = owner;
    if (valueType) draft.valueType = valueType;
    if (defaultValue !== undefined) draft.defaultValue = defaultValue;
    return draft;
  });
}

/** "apps/web/src/Checkout.tsx:12, apps/api/src/orders.ts:40 and 3 more". */
export function whereUsed(refs: readonly FlagReference[], root: string, max = 2): string {
  const shown = refs
    .slice(0, max)
    .map((r) => `${path.relative(root, r.location.file).split(path.sep).join('/')}:${r.location.range.start.line + 1}`);
  return refs.length > max ? `${shown.join(', ')} and ${refs.length - max} more` : shown.join(', ');
}
