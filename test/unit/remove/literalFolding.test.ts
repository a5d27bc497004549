import * as assert from 'node:assert/strict';
import { foldLeftLiterals } from '../../../server/src/core/remove/literalFolding';

/** The rewrite's output is folded; literals the author wrote in the original stay as they were. */
describe('remove: folding the literals a flag leaves', () => {
  const file = '/w/src/Toolbar.tsx';

  it('keeps the author’s own `={undefined}`, and one after a spread, which overrides the spread', () => {
    const original = [
      'export function Toolbar({ extra, onSave }: Props) {',
      "  const actions = useMemo(() => [...(beta ? ['share'] : []), 'save'], [beta, onSave]);",
      '  return (',
      '    <>',
      '      <Bar tooltip={undefined} pinned={beta} actions={actions} />',
      '      <Menu {...extra} pinned={beta} onSave={onSave} />',
      '    </>',
      '  );',
      '}',
      '',
    ].join('\n');
    const rewritten = original
      .replace("[...(beta ? ['share'] : []), 'save'], [beta, onSave]", "[...([]), 'save'], [false, onSave]")
      .replaceAll('pinned={beta}', 'pinned={undefined}');
    const folded = foldLeftLiterals(file, original, rewritten);
    assert.match(folded, /useMemo\(\(\) => \['save'\], \[onSave\]\)/);
    assert.match(folded, /<Bar tooltip=\{undefined\} actions=\{actions\} \/>/);
    assert.match(folded, /<Menu \{\.\.\.extra\} pinned=\{undefined\} onSave=\{onSave\} \/>/);
  });

  it('drops `={undefined}`, shortens `={true}` and `x: x`, but leaves an effect that still has a comment', () => {
    const original = [
      'export function Card({ segments }: Props) {',
      '  useEffect(() => {',
      '    // TODO(perf): prefetch once the new-card flag is gone',
      '    if (newCard) return;',
      '  }, [newCard]);',
      '  return <Chart data={{ segments: newCard ? segments : undefined }} label={newCard ? undefined : "old"} dense={newCard} />;',
      '}',
      '',
    ].join('\n');
    const rewritten = original
      .replace('    if (newCard) return;\n', '')
      .replace('[newCard]', '[true]')
      .replace('newCard ? segments : undefined', 'segments')
      .replace('label={newCard ? undefined : "old"}', 'label={undefined}')
      .replace('dense={newCard}', 'dense={true}');
    const folded = foldLeftLiterals(file, original, rewritten);
    assert.match(folded, /<Chart data=\{\{ segments \}\} dense \/>/);
    assert.match(folded, /useEffect\(\(\) => \{\n {4}\/\/ TODO\(perf\)[^\n]*\n {2}\}, \[\]\);/);
  });

  it('inlines a spread object literal unless a sibling names the same property (the order decides)', () => {
    const original = 'const a = { ...(wide ? { cols: 3 } : {}), ...(wide ? { gap: 8 } : {}), cols: 2 };\n';
    const rewritten = 'const a = { ...({ cols: 3 }), ...({ gap: 8 }), cols: 2 };\n';
    assert.equal(
      foldLeftLiterals('/w/a.ts', original, rewritten),
      'const a = { ...({ cols: 3 }), gap: 8, cols: 2 };\n',
    );
  });

  it('changes nothing when the rewrite changed nothing', () => {
    const text = 'const a = { x: x, ...({}) };\n';
    assert.equal(foldLeftLiterals('/w/a.ts', text, text), text);
  });
});
