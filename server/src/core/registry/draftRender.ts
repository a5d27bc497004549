import { Document, isMap, isScalar, type Scalar } from 'yaml';
import type { DraftFlag } from './draft';
import { whereUsed } from './draft';

const HEADER = [
  ' Flaglint registry: one entry per feature flag the code evaluates.',
  ' Drafted by Flaglint from the flags found in the code. Review every entry:',
  '   owner     the team or person who answers for the flag (left empty where CODEOWNERS had no answer)',
  '   type      release | experiment | ops | permission | kill-switch (guessed from the key)',
  '   created   set to today; put the real date if you know it, so staleness is judged right',
  '   expires   add YYYY-MM-DD for release and experiment flags, or `permanent: true`',
  '   rollback  how to turn the flag off safely (required for release, ops and kill-switch flags)',
  ' Then run `flaglint check`.',
];

/** The drafted registry as commented YAML (or plain JSON for a .json target, which has no comments). */
export function renderRegistry(flags: readonly DraftFlag[], root: string, today: string, json: boolean): string {
  const data = { flags: Object.fromEntries(flags.map((f) => [f.key, fields(f, today)])) };
  if (json) return `${JSON.stringify(data, null, 2)}\n`;
  const doc = new Document(data);
  doc.commentBefore = HEADER.join('\n');
  const flagsNode = doc.get('flags');
  if (isMap(flagsNode)) {
    flagsNode.items.forEach((pair, i) => {
      const draft = flags[i]!; // the document was built from `flags`, one pair per flag in order
      (pair.key as Scalar).commentBefore = ` ${plural(draft.references.length)}: ${whereUsed(draft.references, root)}`;
      if (i > 0) (pair.key as Scalar).spaceBefore = true;
      const owner = isMap(pair.value)
        ? pair.value.items.find((p) => isScalar(p.key) && p.key.value === 'owner')
        : undefined;
      if (owner && isScalar(owner.value) && owner.value.value === '')
        owner.value.comment = ' TODO: the team or person responsible';
    });
  }
  return doc.toString({ lineWidth: 0 });
}

function fields(f: DraftFlag, today: string): Record<string, unknown> {
  const out: Record<string, unknown> = { owner: f.owner ?? '', type: f.type };
  if (f.valueType) out.valueType = f.valueType;
  if (f.defaultValue !== undefined) out.defaultValue = f.defaultValue;
  out.status = 'active';
  out.created = today;
  return out;
}

function plural(n: number): string {
  return n === 1 ? 'evaluated in 1 place' : `evaluated in ${n} places`;
}
