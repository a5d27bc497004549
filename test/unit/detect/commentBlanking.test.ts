import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDetectorConfig } from '../../../server/src/core/detect/detectorConfig';
import { analyzeFile } from '../../../server/src/core/detect/analyzeFile';
import { blankComments } from '../../../server/src/core/detect/commentBlanking';
import { Prefilter } from '../../../server/src/core/detect/prefilter';
import { receiverBefore } from '../../../server/src/core/detect/receiverText';
import { defaultScan } from '../../../server/src/core/registry/defaults';

/**
 * Prefilter hits in prose (a comment's `this feature (see …)`, a JSDoc's `flags.`) send a file to the
 * parser for nothing: the prefilter reads code with comments blanked (detect/commentBlanking.ts). A
 * lexer without the parser's context must never take code for a comment, or a flag call is missed.
 */
describe('comment blanking for the prefilter', () => {
  it('blanks line and block comments, keeping every offset and line break', () => {
    const text = [
      '// Gated behind the billing feature (see BILL-12).',
      '/**',
      ' * @member {number|null|undefined} flags.',
      ' */',
      'export const limit = 3; // flags. See LFE-9778.',
    ].join('\n');
    const code = blankComments(text);
    assert.equal(code.length, text.length);
    assert.deepEqual(
      code.split('\n').map((l) => l.trimEnd()),
      ['//', '/*', '           {number|null|undefined}', ' */', 'export const limit = 3; //'],
    );
  });

  it('leaves strings, templates, regular expressions and JSX text that only look like comments', () => {
    const kept = [
      "const docs = 'https://example.com/flags'; isEnabled('beta');",
      'const api = "//cdn.example.com"; isEnabled("beta");',
      'const url = `https://${host}/x // ${isEnabled("beta")}`;',
      'const re = /https?:\\/\\//; isEnabled("beta");',
      'if (/\\/\\//.test(path)) isEnabled("beta");',
      'return <a href="https://docs">https://docs</a>{flags.beta && <New />};',
      'const ratio = total / count; // share',
      'const glob = "src/**/*.ts"; isEnabled("beta"); const g2 = "*/";',
    ];
    for (const text of kept) {
      const code = blankComments(text);
      const hit = text.includes('isEnabled') ? 'isEnabled("beta")' : 'flags.beta';
      const at = text.replace(/'/g, '"').indexOf(hit);
      assert.equal(code.slice(at, at + hit.length), text.slice(at, at + hit.length), text);
    }
    // A comment that a template's `${…}` holds is still a comment.
    assert.equal(blankComments('`${a /* isEnabled("x") */}`'), '`${a /*                */}`');
    // In JSX text `/*` is text: what braces hold, and all from a `<` on, may be code.
    assert.equal(
      blankComments('<p>/* {flags.beta && "new"} */ <b>x</b></p>'),
      '<p>/*  {flags.beta && "new"} */ <b>x</b></p>'.replace('/*  {', '/* {'),
    );
    assert.equal(blankComments('/* open'), '/* open', 'an unterminated comment is left');
  });

  it('reads the receiver of a method backwards, or says it cannot', () => {
    const at = (text: string): string | null | undefined => receiverBefore(text, text.lastIndexOf('getValue'));
    assert.equal(at('row.original.getValue("email")'), 'row.original');
    assert.equal(at('this.flags?.getValue("a")'), 'this.flags');
    assert.equal(at('getClient(user)\n  .getValue("a")'), 'getClient(user)');
    assert.equal(at('(snapshot as Snapshot).getValue("a")'), '(snapshot as Snapshot)');
    assert.equal(at('x = new ConfigCatClient().getValue("a")'), 'new ConfigCatClient()');
    assert.equal(at('client!.getValue("a")'), 'client!');
    assert.equal(at('getValue("a")'), null);
    assert.equal(at('lookup("a").getValue("b")'), undefined);
    assert.equal(at('make<Client>().getValue("b")'), undefined);
  });

  const config = createDetectorConfig([{ ...defaultScan(), collections: ['flags'] }]);
  const prefilter = new Prefilter(config);
  const found = (text: string): string[] =>
    analyzeFile('/app/src/view.tsx', text, config)
      .calls.filter((c) => c.source !== 'candidate')
      .map((c) => `${c.source}:${c.callee}`);

  it('never leaves out a file in which the analysis finds a flag call', () => {
    // Valid TSX of every shape that puts `//` or `/*` where no comment is, around flag calls.
    const call = fc.constantFrom(
      "isEnabled('beta')",
      'flags.beta',
      "configCatClient.getValue('beta', false)",
      "row.getValue('email')",
    );
    const prose = fc.constantFrom(
      'isEnabled(',
      'flags. See LFE-1',
      'the billing feature (beta)',
      '{@link Feature}',
      '{number} flags.',
      'Array<string>',
      '',
    );
    const text = fc.constantFrom('https://docs', "Don't", 'and/or', '/* flags. */', 'src/**/*.ts', '// feature (x)');
    const child = fc.oneof(
      text,
      call.map((c) => `{${c}}`),
      call.map((c) => `/* {${c}} */`),
      call.map((c) => `// note {${c}}`),
      call.map((c) => `<a href="https://x">{${c}}</a>`),
    );
    const statement = fc.oneof(
      call.map((c) => `const a = ${c};`),
      prose.map((p) => `// ${p}`),
      prose.map((p) => `/* ${p} */`),
      prose.map((p) => `/**\n * ${p}\n */`),
      fc.tuple(prose, call).map(([p, c]) => `const u = 'https://x/ // ${p.replace(/'/g, '')}'; const b = ${c};`),
      fc.tuple(prose, call).map(([p, c]) => `const t = \`https://x // ${p.replace(/[`$]/g, '')} \${${c}}\`;`),
      call.map((c) => `const r = /https?:\\/\\//.test(s) && ${c};`),
      fc.tuple(call, prose).map(([c, p]) => `const q = total / count; // ${p} ${c}`),
      fc
        .array(child, { minLength: 1, maxLength: 4 })
        .map((cs) => `const el = (\n  <p>\n    ${cs.join('\n    ')}\n  </p>\n);`),
    );
    let selected = 0;
    let skipped = 0;
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 5 }), (statements) => {
        const source = statements.join('\n') + '\n';
        const facts = analyzeFile('/app/src/view.tsx', source, config);
        assert.deepEqual(facts.notes, [], `generated text parses:\n${source}`);
        if (prefilter.selects(source)) selected++;
        else {
          skipped++;
          assert.deepEqual(found(source), [], source);
        }
      }),
      { numRuns: 4000 },
    );
    assert.ok(
      selected > 100 && skipped > 100,
      `both kinds of text were generated (${selected} selected, ${skipped} not)`,
    );
  });

  it('leaves out files whose only hits are prose or generic calls on receivers that name no SDK', () => {
    const skipped = [
      '// Survey cooldown is a feature (across surveys).\nexport const cooldown = 7;',
      '/**\n * Reads the flags. Call this only when needed.\n */\nexport function load() {}',
      "import { useTable } from '@tanstack/react-table';\n// feature flags live elsewhere\nconst email = row.getValue('email');",
    ];
    for (const text of skipped) {
      assert.equal(prefilter.selects(text), false, text);
      assert.deepEqual(found(text), [], text);
    }
    const kept = [
      "import { client } from './lib/flagsmith';\nconst v = client.getValue('beta');",
      "const v = this.flagsmith.getValue('beta');",
    ];
    for (const text of kept) {
      assert.equal(prefilter.selects(text), true, text);
      assert.notDeepEqual(found(text), [], text);
    }
  });
});
