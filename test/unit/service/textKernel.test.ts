import * as assert from 'node:assert/strict';
import { ts } from 'ts-morph';
import {
  TextPositions,
  applyOffsetEdits,
  applyTextEdits,
  editDistance,
  scriptKindFor,
} from '../../../server/src/core/text';

describe('core/text: the one text kernel', () => {
  it('converts offsets and positions both ways, also across CRLF line ends', () => {
    const text = "flags:\r\n  new-checkout:\r\n    owner: '@payments'\n";
    const pos = new TextPositions('/r/flags.yaml', text);
    const at = text.indexOf('owner');
    assert.deepEqual(pos.position(at), { line: 2, character: 4 });
    assert.equal(pos.offset({ line: 2, character: 4 }), at);
    assert.equal(pos.lineText(1), '  new-checkout:');
    assert.equal(pos.offset({ line: 99, character: 0 }), text.length, 'a position past the end is the end');
  });

  it('applies edits in the order given at one place, and refuses overlapping ones', () => {
    const text = 'if (on) {\n  render();\n}\n';
    const edits = [
      { file: 'f.ts', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, newText: 'a();' },
      { file: 'f.ts', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, newText: ' b();' },
      { file: 'f.ts', range: { start: { line: 0, character: 4 }, end: { line: 0, character: 6 } }, newText: 'true' },
    ];
    assert.equal(applyTextEdits(text, edits), 'if (true) {\n  a(); b();render();\n}\n');
    assert.throws(
      () =>
        applyOffsetEdits('abcdef', [
          { start: 1, end: 4, text: 'x' },
          { start: 2, end: 5, text: 'y' },
        ]),
      /overlapping edits at offset 2/,
    );
  });

  it('knows a file’s script kind whatever the case of its extension', () => {
    assert.equal(scriptKindFor('/a/Banner.TSX'), ts.ScriptKind.TSX);
    assert.equal(scriptKindFor('/a/flags.mjs'), ts.ScriptKind.JS);
    assert.equal(scriptKindFor('/a/settings.json'), ts.ScriptKind.JSON);
    assert.equal(scriptKindFor('/a/server.mts'), ts.ScriptKind.TS);
  });

  it('measures the edit distance of near-miss keys', () => {
    assert.equal(editDistance('new-chekout', 'new-checkout'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('search-v2', 'search-v2'), 0);
  });
});
