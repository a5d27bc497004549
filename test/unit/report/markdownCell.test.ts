import * as assert from 'node:assert/strict';
import { cell } from '../../../server/src/core/report/markdown';

describe('a Markdown table cell', () => {
  it('keeps a code span readable: `<` stays `<` inside backticks, where HTML is not interpreted', () => {
    assert.equal(
      cell('Remove it (`flaglint remove old-search --value <value to keep>`), or extend it.'),
      'Remove it (`flaglint remove old-search --value <value to keep>`), or extend it.',
    );
  });

  it('escapes `<` outside code spans, pipes and line breaks everywhere', () => {
    assert.equal(cell('a <img src=x> | b\nc `x|y`'), 'a &lt;img src=x> \\| b c `x\\|y`');
  });
});
