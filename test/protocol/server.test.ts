/**
 * The real language server over JSON-RPC, on a copy of a small storefront workspace
 * (test/fixtures/protocol/app) whose flags.yaml has comments and planted problems.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWorkspaceFoldersNotification,
  ExecuteCommandRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Location,
  type MarkupContent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { GraphRequest, ServerCommands, StatusRequest, TreeRequest } from '../../protocol/src';
import { LspSession, applyEdits, copyFixture, editsFor, uriOf } from './lspSession';
import { must } from '../helpers/must';

const CHECKOUT = 'src/checkout/checkoutService.ts';
const SEARCH = 'src/search/searchService.ts';
const BANNER = 'src/promo/banner.ts';
const KEYS = 'src/flags/keys.ts';
const REGISTRY = 'flags.yaml';

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function find(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code);
  assert.ok(
    found,
    `expected a ${code} diagnostic, got: ${diagnostics.map((d) => `${d.code} ${messageOf(d)}`).join('; ') || 'none'}`,
  );
  return found;
}

describe('language server over JSON-RPC (storefront workspace)', function () {
  let session: LspSession;
  let root: string;

  before(async function () {
    root = copyFixture('app');
    session = await LspSession.start(root);
    await session.ready();
  });

  after(async function () {
    await session?.stop();
  });

  it('announces the features of a trusted workspace and registers its file watchers', function () {
    const caps = session.initializeResult.capabilities;
    assert.ok(caps.hoverProvider && caps.definitionProvider && caps.referencesProvider && caps.workspaceSymbolProvider);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.codeActionProvider, 'code actions in a trusted workspace');
    assert.ok(caps.executeCommandProvider?.commands.includes(ServerCommands.addToRegistry));
    assert.ok(session.registrations.includes('workspace/didChangeWatchedFiles'));
  });

  it('reports the first scan as work-done progress', function () {
    const kinds = session.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  it('publishes code findings with rule codes and the key’s range', async function () {
    const search = await session.waitFor(
      'search diagnostics',
      () => session.diagnosticsOf(SEARCH).length > 0 && session.diagnosticsOf(SEARCH),
    );
    const archived = find(search, 'archived-flag-in-use');
    assert.equal(archived.source, 'flaglint');
    const start = session.positionOf(SEARCH, 'LEGACY_SEARCH, context');
    assert.deepEqual(archived.range.start, start);
    assert.deepEqual(archived.range.end, { line: start.line, character: start.character + 'LEGACY_SEARCH'.length });

    const banner = session.diagnosticsOf(BANNER);
    const unregistered = find(banner, 'unregistered-flag');
    assert.match(messageOf(unregistered), /spring-promo/);
    const promo = session.positionOf(BANNER, "'spring-promo'");
    assert.equal(unregistered.range.start.line, promo.line);
    assert.ok(
      unregistered.range.start.character >= promo.character &&
        unregistered.range.end.character <= promo.character + "'spring-promo'".length,
    );
    assert.ok(codes(banner).includes('stale-flag'), `holiday-banner expired on 2026-03-01: ${codes(banner)}`);
  });

  it('publishes registry findings in flags.yaml itself', function () {
    const registry = session.diagnosticsOf(REGISTRY);
    const missingOwner = find(registry, 'missing-owner');
    assert.equal(missingOwner.range.start.line, session.positionOf(REGISTRY, 'search-v2:').line);
    const unused = find(registry, 'unused-flag');
    assert.equal(unused.range.start.line, session.positionOf(REGISTRY, 'winter-sale:').line);
    assert.ok(!codes(registry).includes('unregistered-flag'));
  });

  it('shows a code lens above each reference: key · type · owner · status · expiry · references', async function () {
    const lenses = await session.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: uriOf(session.abs(CHECKOUT)) },
    });
    const titles = (lenses ?? []).map((l) => l.command?.title);
    assert.ok(
      titles.includes('new-checkout · release · @payments · active · expires in 47 days · 3 references'),
      titles.join('\n'),
    );
    assert.ok(
      titles.includes('payments-api-v2 · ops · @payments · active · permanent · 1 reference'),
      titles.join('\n'),
    );
    const lens = (lenses ?? []).find((l) => l.command?.title.startsWith('new-checkout'));
    assert.equal(lens?.command?.command, 'flaglint.showReferences');
    assert.equal((lens?.command?.arguments?.[0] as { locations: unknown[] }).locations.length, 3);
  });

  it('offers to add an unregistered flag from its lens', async function () {
    const lenses = await session.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: uriOf(session.abs(BANNER)) },
    });
    const titles = (lenses ?? []).map((l) => l.command?.title);
    assert.ok(titles.includes('spring-promo · not in registry · 1 reference'), titles.join('\n'));
    const add = (lenses ?? []).find((l) => l.command?.title === 'Add to registry');
    assert.deepEqual(add?.command?.arguments?.[0], { uri: uriOf(session.abs(BANNER)), key: 'spring-promo' });
  });

  it('shows reference counts above registry entries', async function () {
    const lenses = await session.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: uriOf(session.abs(REGISTRY)) },
    });
    const byLine = new Map((lenses ?? []).map((l) => [l.range.start.line, l.command?.title]));
    assert.equal(byLine.get(session.positionOf(REGISTRY, 'new-checkout:').line), '3 references · acme-storefront');
    assert.equal(byLine.get(session.positionOf(REGISTRY, 'winter-sale:').line), 'no references in code');
  });

  it('hovers a reference with the registry entry in full', async function () {
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf(session.abs(CHECKOUT)) },
      position: session.positionOf(CHECKOUT, "'new-checkout'", 3),
    });
    const text = (hover?.contents as MarkupContent).value;
    assert.equal((hover?.contents as MarkupContent).kind, 'markdown');
    for (const expected of [
      '**new-checkout** · release flag · active',
      'One-page checkout replacing the three-step basket, address, payment flow.',
      '| Owner | @payments |',
      'boolean, default `false`',
      '| Created | 2026-09-01 (44 days ago) |',
      '| Expires | 2026-12-01 (in 47 days) |',
      'Turn the flag off; orders placed meanwhile stay valid.',
      '| Depends on | `payments-api-v2` |',
      '| Used in | `acme-storefront` |',
      '[epic](https://tracker.example.com/SHOP-1204)',
      '3 references',
    ]) {
      assert.ok(text.includes(expected), `hover lacks ${JSON.stringify(expected)}:\n${text}`);
    }
  });

  it('hovers a flag with problems and lists them', async function () {
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf(session.abs(SEARCH)) },
      position: session.positionOf(SEARCH, 'LEGACY_SEARCH, context', 2),
    });
    const text = (hover?.contents as MarkupContent).value;
    assert.match(text, /\*\*legacy-search\*\* · release flag · archived/);
    assert.match(text, /\*\*Problems\*\*/);
    assert.match(text, /archived-flag-in-use/);
  });

  it('goes from a reference to its registry entry', async function () {
    const definition = (await session.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf(session.abs(CHECKOUT)) },
      position: session.positionOf(CHECKOUT, "'new-checkout'", 1),
    })) as Location[];
    assert.equal(definition.length, 1);
    assert.equal(must(definition[0]).uri, uriOf(session.abs(REGISTRY)));
    assert.equal(must(definition[0]).range.start.line, session.positionOf(REGISTRY, 'new-checkout:').line);
  });

  it('goes from a constant-held key to its registry entry', async function () {
    const definition = (await session.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf(session.abs(CHECKOUT)) },
      position: session.positionOf(CHECKOUT, 'FLAGS.PAYMENTS_V2', 8),
    })) as Location[];
    assert.equal(definition[0]?.range.start.line, session.positionOf(REGISTRY, 'payments-api-v2:').line);
  });

  it('finds every reference from a registry entry, with the entry and the dependsOn mentions', async function () {
    const refs = (await session.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf(session.abs(REGISTRY)) },
      position: session.positionOf(REGISTRY, 'payments-api-v2:', 2),
      context: { includeDeclaration: true },
    })) as Location[];
    const where = refs.map((r) => `${path.relative(root, new URL(r.uri).pathname)}:${r.range.start.line}`).sort();
    assert.deepEqual(
      where,
      [
        `${CHECKOUT}:${session.positionOf(CHECKOUT, 'FLAGS.PAYMENTS_V2').line}`,
        `${REGISTRY}:${session.positionOf(REGISTRY, 'dependsOn: [payments-api-v2]').line}`,
        `${REGISTRY}:${session.positionOf(REGISTRY, 'payments-api-v2:').line}`,
      ].sort(),
    );
  });

  it('finds every reference from a code reference', async function () {
    const refs = (await session.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf(session.abs(CHECKOUT)) },
      position: session.positionOf(CHECKOUT, "'new-checkout'", 2),
      context: { includeDeclaration: false },
    })) as Location[];
    const files = refs.map((r) => path.relative(root, new URL(r.uri).pathname)).sort();
    assert.deepEqual(files, [CHECKOUT, CHECKOUT, 'src/layout/header.ts']);
  });

  it('renames a key across the registry, literals and the constant’s declaration (not its uses)', async function () {
    const uri = uriOf(session.abs(SEARCH));
    const position = session.positionOf(SEARCH, 'LEGACY_SEARCH, context', 3);
    const prepared = await session.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri },
      position,
    });
    assert.deepEqual((prepared as { placeholder: string }).placeholder, 'legacy-search');
    const edit = await session.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position,
      newName: 'keyword-search',
    });
    assert.ok(edit?.documentChanges, 'a versioned workspace edit');
    const keys = applyEdits(session.text(KEYS), editsFor(edit, session.abs(KEYS)));
    assert.match(keys, /export const LEGACY_SEARCH = 'keyword-search';/);
    assert.deepEqual(editsFor(edit, session.abs(SEARCH)), [], 'uses of the constant stay as they are');
    const registry = applyEdits(session.text(REGISTRY), editsFor(edit, session.abs(REGISTRY)));
    assert.match(registry, /^ {2}keyword-search:$/m);
    assert.doesNotMatch(registry, /legacy-search/);
    assert.match(registry, /# --- Search ---/, 'comments survive');
  });

  it('renames a literal key and the dependsOn lists that name it', async function () {
    const uri = uriOf(session.abs(REGISTRY));
    const position = session.positionOf(REGISTRY, 'payments-api-v2:', 1);
    const edit = await session.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position,
      newName: 'payments-gateway-v2',
    });
    assert.ok(edit);
    const registry = applyEdits(session.text(REGISTRY), editsFor(edit, session.abs(REGISTRY)));
    assert.match(registry, /dependsOn: \[payments-gateway-v2\]/);
    assert.match(registry, /^ {2}payments-gateway-v2:$/m);
    const keys = applyEdits(session.text(KEYS), editsFor(edit, session.abs(KEYS)));
    assert.match(keys, /PAYMENTS_V2: 'payments-gateway-v2',/);
  });

  it('refuses a rename to a key that already exists', async function () {
    const uri = uriOf(session.abs(CHECKOUT));
    const position = session.positionOf(CHECKOUT, "'new-checkout'", 2);
    await assert.rejects(
      session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'winter-sale' }),
      /already exists in .*flags\.yaml:\d+/,
    );
  });

  it('completes known keys inside a flag call’s key string', async function () {
    const file = 'src/checkout/upsell.ts';
    const text = [
      "import { ldClient, contextFor } from '../lib/launchdarkly';",
      '',
      'export async function upsell(userId: string): Promise<boolean> {',
      "  return ldClient.variation('', contextFor(userId, 'DE'), false);",
      '}',
      '',
    ].join('\n');
    await session.open(path.join(root, file), text);
    const items = (await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uriOf(session.abs(file)) },
      position: session.positionOf(file, "variation('", "variation('".length),
    })) as CompletionItem[];
    const labels = items.map((i) => i.label);
    for (const key of ['new-checkout', 'payments-api-v2', 'search-v2', 'winter-sale'])
      assert.ok(labels.includes(key), `${key} in ${labels}`);
    const item = items.find((i) => i.label === 'new-checkout');
    assert.match(String(item?.detail), /@payments · release · active/);
    // Archived flags come last: new code should not start using them.
    const legacy = items.find((i) => i.label === 'legacy-search');
    assert.ok(String(legacy?.sortText) > String(item?.sortText));
    await session.close(file);
  });

  it('completes known keys in a registry entry’s dependsOn list', async function () {
    const text = session
      .text(REGISTRY)
      .replace('    dependsOn: [payments-api-v2]', '    dependsOn: [payments-api-v2, ]');
    await session.open(REGISTRY, text);
    const position = session.positionOf(
      REGISTRY,
      'dependsOn: [payments-api-v2, ',
      'dependsOn: [payments-api-v2, '.length,
    );
    const items = (await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uriOf(session.abs(REGISTRY)) },
      position,
    })) as CompletionItem[];
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('search-v2'));
    assert.ok(!labels.includes('new-checkout'), 'a flag does not depend on itself');
    await session.close(REGISTRY);
  });

  it('lists flags as workspace symbols located at their registry entries', async function () {
    const symbols = (await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'nchk' })) as {
      name: string;
      location: Location;
    }[];
    const checkout = symbols.find((s) => s.name === 'new-checkout');
    assert.ok(checkout, symbols.map((s) => s.name).join(', '));
    assert.equal(checkout.location.uri, uriOf(session.abs(REGISTRY)));
    const all = (await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as {
      name: string;
    }[];
    assert.ok(
      all.some((s) => s.name === 'spring-promo'),
      'unregistered flags too',
    );
  });

  it('offers a quick fix that adds an unregistered flag to the registry, keeping its comments', async function () {
    const diagnostic = find(session.diagnosticsOf(BANNER), 'unregistered-flag');
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf(session.abs(BANNER)) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const add = actions.find((a) => a.title === "Add 'spring-promo' to flags.yaml");
    assert.ok(add?.edit, actions.map((a) => a.title).join('; '));
    assert.equal(add.kind, 'quickfix');
    assert.equal(add.isPreferred, true);
    const change = add.edit.documentChanges?.[0] as { textDocument: { uri: string; version: number | null } };
    assert.equal(change.textDocument.uri, uriOf(session.abs(REGISTRY)));
    assert.equal(change.textDocument.version, null, 'the registry is not open: version null');
    const before = session.text(REGISTRY);
    const after = applyEdits(before, editsFor(add.edit, session.abs(REGISTRY)));
    for (const comment of before.split('\n').filter((l) => l.trim().startsWith('#') || l.includes('  # '))) {
      assert.ok(after.includes(comment), `comment lost: ${comment}`);
    }
    const parsed = parseYaml(after) as { flags: Record<string, Record<string, unknown>> };
    const entry = parsed.flags['spring-promo'];
    assert.ok(entry, after);
    assert.equal(entry.owner, 'TODO-owner', 'without CODEOWNERS the owner is a placeholder, not a guessed team');
    assert.match(String(entry.rollback), /^TODO: /, 'the rollback plan is a placeholder to fill in');
    assert.deepEqual(
      add.command?.arguments,
      [{ registryUri: uriOf(session.abs(REGISTRY)), key: 'spring-promo' }],
      'the editor reveals the new entry',
    );
    assert.equal(entry.type, 'release', 'the type the registry uses most');
    assert.equal(entry.valueType, 'boolean');
    assert.equal(entry.defaultValue, false);
    assert.equal(
      String(entry.created instanceof Date ? entry.created.toISOString().slice(0, 10) : entry.created),
      '2026-10-15',
    );
    assert.equal(Object.keys(parsed.flags).length, 7, 'every other entry kept');
  });

  it('takes the new entry’s owner from CODEOWNERS for the file that evaluates the flag', async function () {
    const codeowners = path.join(root, '.github', 'CODEOWNERS');
    fs.mkdirSync(path.dirname(codeowners), { recursive: true });
    // The last matching rule wins, as on GitHub.
    fs.writeFileSync(codeowners, '* @payments\n/src/promo/ @growth\n/src/search/ @search\n');
    try {
      const diagnostic = find(session.diagnosticsOf(BANNER), 'unregistered-flag');
      const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: uriOf(session.abs(BANNER)) },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      const add = actions.find((a) => a.title === "Add 'spring-promo' to flags.yaml");
      assert.ok(add?.edit, actions.map((a) => a.title).join('; '));
      const parsed = parseYaml(applyEdits(session.text(REGISTRY), editsFor(add.edit, session.abs(REGISTRY)))) as {
        flags: Record<string, { owner?: string }>;
      };
      assert.equal(must(parsed.flags['spring-promo']).owner, '@growth');
    } finally {
      fs.rmSync(path.join(root, '.github'), { recursive: true, force: true });
    }
  });

  it('offers expiry and removal fixes for a stale flag', async function () {
    const diagnostic = find(session.diagnosticsOf(BANNER), 'stale-flag');
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf(session.abs(BANNER)) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes("Extend expiry of 'holiday-banner' by 30 days (to 2026-11-14)"), titles.join('; '));
    assert.ok(titles.includes("Extend expiry of 'holiday-banner' by 90 days (to 2027-01-13)"), titles.join('; '));
    const remove = actions.find((a) => a.title === "Remove flag 'holiday-banner' from the code…");
    assert.equal(remove?.command?.command, 'flaglint.removeFlag');
    const extend = actions.find((a) => a.title.includes('by 30 days'));
    const registry = applyEdits(session.text(REGISTRY), editsFor(extend!.edit!, session.abs(REGISTRY)));
    assert.match(registry, /expires: 2026-11-14 {2}# the campaign ended; the banner should go/);
  });

  it('offers every known owner for an entry without one, CODEOWNERS’ owner of its code first', async function () {
    const diagnostic = find(session.diagnosticsOf(REGISTRY), 'missing-owner');
    const ownerActions = async () =>
      (await session.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: uriOf(session.abs(REGISTRY)) },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
    const codeowners = path.join(root, 'CODEOWNERS');
    fs.writeFileSync(codeowners, '# search-v2 is evaluated under src/search\n* @growth\n/src/search/ @search\n');
    try {
      const titles = (await ownerActions()).map((a) => a.title).filter((t) => t.startsWith('Set owner'));
      // `*` matches src/search too, but the last matching rule wins.
      assert.equal(titles[0], "Set owner of 'search-v2' to @search", titles.join('; '));
      assert.equal(titles.length, 3, 'the registry’s owners: list limits the choice to its three owners');
    } finally {
      fs.rmSync(codeowners, { force: true });
    }
    const actions = await ownerActions();
    const titles = actions.map((a) => a.title);
    assert.deepEqual(
      titles.filter((t) => t.startsWith('Set owner')),
      [
        "Set owner of 'search-v2' to @payments",
        "Set owner of 'search-v2' to @search",
        "Set owner of 'search-v2' to @growth",
      ],
    );
    const set = actions.find((a) => a.title.endsWith('@search'));
    const registry = parseYaml(applyEdits(session.text(REGISTRY), editsFor(set!.edit!, session.abs(REGISTRY)))) as {
      flags: Record<string, { owner?: string }>;
    };
    assert.equal(must(registry.flags['search-v2']).owner, '@search');
  });

  it('answers the Flag Explorer’s tree request', async function () {
    const tree = await session.connection.sendRequest(TreeRequest, {});
    assert.equal(tree.scanning, false);
    assert.equal(tree.folders.length, 1);
    const [folder] = tree.folders;
    assert.deepEqual(must(folder).registries, [uriOf(session.abs(REGISTRY))]);
    const byKey = new Map(must(folder).flags.map((f) => [f.key, f]));
    assert.deepEqual([...byKey.keys()].sort(), [
      'holiday-banner',
      'legacy-search',
      'new-checkout',
      'payments-api-v2',
      'search-v2',
      'spring-promo',
      'winter-sale',
    ]);
    const checkout = byKey.get('new-checkout')!;
    assert.equal(checkout.referenceCount, 3);
    assert.equal(checkout.owner, '@payments');
    assert.equal(must(checkout.references[0]).location.uri.endsWith('.ts'), true);
    assert.match(
      checkout.references.map((r) => r.preview).join('\n'),
      /ldClient\.variation\('new-checkout', context, false\)/,
    );
    assert.equal(byKey.get('spring-promo')!.status, 'unregistered');
    assert.deepEqual(
      byKey.get('legacy-search')!.problems.map((p) => p.ruleId),
      ['archived-flag-in-use'],
    );
    assert.ok(byKey.get('winter-sale')!.problems.some((p) => p.ruleId === 'unused-flag'));
  });

  it('gives each tree flag its dependencies both ways, and the packages that evaluate it', async function () {
    const tree = await session.connection.sendRequest(TreeRequest, {});
    const byKey = new Map(must(tree.folders[0]).flags.map((f) => [f.key, f]));
    assert.deepEqual(byKey.get('new-checkout')!.dependsOn, ['payments-api-v2']);
    assert.deepEqual(byKey.get('payments-api-v2')!.dependedOnBy, ['new-checkout']);
    assert.equal(byKey.get('search-v2')!.dependsOn, undefined);
    assert.deepEqual(byKey.get('new-checkout')!.packages, ['acme-storefront']);
  });

  it('answers the dependency map request with the core graph, or a flag’s neighbourhood', async function () {
    const all = await session.connection.sendRequest(GraphRequest, {});
    assert.ok(all, 'no graph');
    assert.equal(all.folderName, path.basename(root));
    assert.deepEqual(all.graph.edges, [{ from: 'new-checkout', to: 'payments-api-v2', kind: 'ok', inCycle: false }]);
    assert.equal(all.graph.nodes.length, 7);
    const around = await session.connection.sendRequest(GraphRequest, { flag: 'payments-api-v2' });
    assert.deepEqual(around!.graph.nodes.map((n) => n.key).sort(), ['new-checkout', 'payments-api-v2']);
  });

  it('answers the status request', async function () {
    const status = await session.connection.sendRequest(StatusRequest);
    assert.equal(status.flags, 7);
    assert.equal(status.registries, 1);
    assert.equal(status.scanning, false);
    assert.equal(status.trusted, true);
    assert.ok(status.problems >= 5, `problems: ${status.problems}`);
  });

  it('updates a document’s findings as it is edited', async function () {
    await session.open(BANNER);
    const edited = session.text(BANNER).replace("getBooleanValue('spring-promo'", "getBooleanValue('new-checkout'");
    await session.change(BANNER, edited);
    await session.waitFor(
      'spring-promo to be gone from banner.ts',
      () => !session.diagnosticsOf(BANNER).some((d) => d.code === 'unregistered-flag'),
    );
    assert.ok(codes(session.diagnosticsOf(BANNER)).includes('stale-flag'), 'other findings stay');
    const lenses = await session.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: uriOf(session.abs(BANNER)) },
    });
    assert.ok(
      (lenses ?? []).some(
        (l) => l.command?.title === 'new-checkout · release · @payments · active · expires in 47 days · 4 references',
      ),
    );

    await session.change(BANNER, edited.replace("getBooleanValue('new-checkout'", "getBooleanValue('autumn-promo'"));
    const again = await session.waitFor('autumn-promo to be reported', () =>
      session
        .diagnosticsOf(BANNER)
        .find((d) => d.code === 'unregistered-flag' && messageOf(d).includes('autumn-promo')),
    );
    assert.equal(again.severity !== undefined, true);
    await session.close(BANNER);
    await session.waitFor('banner.ts to revert to the disk on close', () =>
      session.diagnosticsOf(BANNER).some((d) => messageOf(d).includes('spring-promo')),
    );
  });

  it('updates the registry’s findings when an edit removes a flag’s last use', async function () {
    const unusedSearch = () =>
      session.diagnosticsOf(REGISTRY).some((d) => d.code === 'unused-flag' && messageOf(d).includes('search-v2'));
    assert.ok(!unusedSearch());
    await session.open(SEARCH);
    await session.change(
      SEARCH,
      session.text(SEARCH).replace('await ldClient.variation(FLAGS.SEARCH_V2, context, false)', 'true'),
    );
    await session.waitFor('search-v2 to become unused in flags.yaml', unusedSearch);
    await session.close(SEARCH);
    await session.waitFor('search-v2 to be used again', () => !unusedSearch());
  });

  it('re-checks everything when the registry buffer changes, and keeps the last good registry while it is broken', async function () {
    const original = session.text(REGISTRY);
    await session.open(REGISTRY);
    const withPromo = original.replace(
      '  # --- Growth',
      [
        '  spring-promo:',
        '    description: Spring promotion banner.',
        '    owner: "@growth"',
        '    type: release',
        '    status: active',
        '    created: 2026-10-01',
        '    expires: 2026-12-01',
        '    rollback: Turn the flag off.',
        '',
        '  # --- Growth',
      ].join('\n'),
    );
    await session.change(REGISTRY, withPromo);
    await session.waitFor(
      'spring-promo to become registered',
      () => !session.diagnosticsOf(BANNER).some((d) => d.code === 'unregistered-flag'),
    );

    // A half-typed line: the YAML no longer parses.
    await session.change(
      REGISTRY,
      withPromo.replace(
        '    owner: "@growth"\n    type: release\n    status: active\n    created: 2026-10-01',
        '    owner: "@growth\n    type: release\n    status: active\n    created: 2026-10-01',
      ),
    );
    const syntax = await session.waitFor('a syntax error in flags.yaml', () =>
      session.diagnosticsOf(REGISTRY).find((d) => d.code === 'invalid-registry'),
    );
    assert.equal(syntax.severity, DiagnosticSeverity.Error);
    assert.ok(
      !session.diagnosticsOf(BANNER).some((d) => d.code === 'unregistered-flag'),
      'code findings keep the last good registry',
    );
    assert.ok(!session.diagnosticsOf(SEARCH).some((d) => d.code === 'unregistered-flag'));

    await session.change(REGISTRY, original);
    await session.waitFor('spring-promo to be unregistered again', () =>
      session.diagnosticsOf(BANNER).some((d) => d.code === 'unregistered-flag'),
    );
    assert.ok(!session.diagnosticsOf(REGISTRY).some((d) => d.code === 'invalid-registry'));
    await session.close(REGISTRY);
  });

  it('leaves alone a flags.json that is not a registry', async function () {
    const fs = await import('node:fs');
    const translations = path.join(root, 'src/i18n/flags.json');
    fs.mkdirSync(path.dirname(translations), { recursive: true });
    fs.writeFileSync(translations, '{ "de": "Flaggen", "fr": "Drapeaux" }\n');
    const scans = session.logs.filter((l) => l.startsWith('Scanned')).length;
    await session.open(translations);
    await session.change(translations, '{ "de": "Flaggen", "fr": "Drapeaux", "it": "Bandiere" }\n');
    // Edits are handled in order: once banner.ts's edit shows, the flags.json edit has been handled.
    await session.open(BANNER);
    await session.change(BANNER, session.text(BANNER).replace("'spring-promo', false", "'summer-promo', false"));
    await session.waitFor('summer-promo to be reported', () =>
      session.diagnosticsOf(BANNER).some((d) => messageOf(d).includes('summer-promo')),
    );
    assert.equal(session.logs.filter((l) => l.startsWith('Scanned')).length, scans, 'no rescan');
    assert.deepEqual(session.diagnosticsOf(translations), []);
    const status = await session.connection.sendRequest(StatusRequest);
    assert.equal(status.registries, 1);
    await session.close(BANNER);
    await session.close(translations);
    await session.waitFor('banner.ts to revert', () =>
      session.diagnosticsOf(BANNER).some((d) => messageOf(d).includes('spring-promo')),
    );
  });

  it('applies the add-to-registry command through workspace/applyEdit', async function () {
    const count = session.appliedEdits.length;
    const applied = await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.addToRegistry,
      arguments: [{ uri: uriOf(session.abs(BANNER)), key: 'spring-promo' }],
    });
    assert.equal(applied, true);
    const request = must(session.appliedEdits[count]);
    assert.equal(request.label, "Add 'spring-promo' to flags.yaml");
    const after = applyEdits(session.text(REGISTRY), editsFor(request.edit, session.abs(REGISTRY)));
    assert.ok((parseYaml(after) as { flags: Record<string, unknown> }).flags['spring-promo']);
  });
});

describe('language server settings', function () {
  let session: LspSession;

  afterEach(async function () {
    await session?.stop();
  });

  it('applies severity overrides from flaglint.severity and turns rules off', async function () {
    session = await LspSession.start(copyFixture('app'), {
      settings: { severity: { 'stale-flag': 'error', 'unused-flag': 'off' } },
    });
    await session.ready();
    const stale = await session.waitFor('stale-flag', () =>
      session.diagnosticsOf(BANNER).find((d) => d.code === 'stale-flag'),
    );
    assert.equal(stale.severity, DiagnosticSeverity.Error);
    assert.ok(!session.diagnosticsOf(REGISTRY).some((d) => d.code === 'unused-flag'));
  });

  it('follows a settings change without a restart', async function () {
    session = await LspSession.start(copyFixture('app'));
    await session.ready();
    const before = await session.waitFor('stale-flag', () =>
      session.diagnosticsOf(BANNER).find((d) => d.code === 'stale-flag'),
    );
    assert.equal(before.severity, DiagnosticSeverity.Warning);
    assert.ok(session.registrations.includes('workspace/didChangeConfiguration'));
    session.settings = { severity: { 'missing-owner': 'error' }, exclude: ['src/promo/**'] };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await session.waitFor('banner.ts to be excluded', () => session.diagnosticsOf(BANNER).length === 0);
    const owner = await session.waitFor('missing-owner as an error', () =>
      session
        .diagnosticsOf(REGISTRY)
        .find((d) => d.code === 'missing-owner' && d.severity === DiagnosticSeverity.Error),
    );
    assert.match(messageOf(owner), /search-v2/);
  });

  it('hides code lenses when flaglint.codeLens.enable is false', async function () {
    session = await LspSession.start(copyFixture('app'), { settings: { codeLens: { enable: false } } });
    await session.ready();
    const lenses = await session.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: uriOf(session.abs(CHECKOUT)) },
    });
    assert.deepEqual(lenses, []);
  });

  it('honours flaglint.exclude', async function () {
    session = await LspSession.start(copyFixture('app'), { settings: { exclude: ['src/promo/**'] } });
    await session.ready();
    const tree = await session.connection.sendRequest(TreeRequest, {});
    const keys = must(tree.folders[0]).flags.map((f) => f.key);
    assert.ok(!keys.includes('spring-promo'), keys.join(', '));
    assert.ok(keys.includes('new-checkout'));
  });
});

describe('language server in an untrusted workspace', function () {
  let session: LspSession;

  before(async function () {
    session = await LspSession.start(copyFixture('app'), { trusted: false });
    await session.ready();
  });

  after(async function () {
    await session?.stop();
  });

  it('keeps diagnostics, lenses and hovers but offers no edits', async function () {
    const caps = session.initializeResult.capabilities;
    assert.equal(caps.codeActionProvider, undefined);
    assert.equal(caps.renameProvider, undefined);
    assert.deepEqual(caps.executeCommandProvider?.commands, [ServerCommands.rescan]);
    await session.waitFor('diagnostics', () => session.diagnosticsOf(BANNER).length > 0);
    const lenses = await session.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: uriOf(session.abs(BANNER)) },
    });
    assert.ok((lenses ?? []).length > 0);
    assert.ok(!(lenses ?? []).some((l) => l.command?.title === 'Add to registry'));
    await assert.rejects(
      session.connection.sendRequest(ExecuteCommandRequest.type, {
        command: ServerCommands.addToRegistry,
        arguments: [{ uri: uriOf(session.abs(BANNER)), key: 'spring-promo' }],
      }),
      /not available in an untrusted workspace/,
    );
    assert.equal(session.appliedEdits.length, 0);
  });

  it('refuses code actions, rename and edit commands asked for directly', async function () {
    const uri = uriOf(session.abs(BANNER));
    const range = { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } };
    const actions = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics: session.diagnosticsOf(BANNER) },
    });
    assert.equal(actions, null);
    const position = session.positionOf(BANNER, 'spring-promo');
    assert.equal(
      await session.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position }),
      null,
    );
    await assert.rejects(
      session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'x' }),
      /edits are off in an untrusted workspace/,
    );
    for (const command of [ServerCommands.removeFlag, ServerCommands.createRegistry]) {
      await assert.rejects(
        session.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [{}] }),
        /edits are off in an untrusted workspace/,
      );
    }
    assert.equal(session.appliedEdits.length, 0);
  });
});

describe('language server with other editors’ capabilities', function () {
  let session: LspSession | undefined;

  afterEach(async function () {
    await session?.stop();
    session = undefined;
  });

  it('scans a minimal client’s rootUri (no capabilities, no workspace folders)', async function () {
    session = await LspSession.start(copyFixture('app'), { capabilities: {}, rootOnly: true });
    assert.equal(session.initializeResult.capabilities.workspace, undefined);
    await session.open(BANNER);
    await session.waitFor('diagnostics', () => session!.diagnosticsOf(BANNER).length > 0);
  });

  it('works with Neovim-like capabilities (folders, but no watcher registration or configuration)', async function () {
    const capabilities = {
      workspace: { workspaceFolders: true, applyEdit: true },
      textDocument: { rename: { prepareSupport: true } },
    };
    session = await LspSession.start(copyFixture('app'), { capabilities });
    await session.open(BANNER);
    await session.waitFor('diagnostics', () => session!.diagnosticsOf(BANNER).length > 0);
    const lenses = await session.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: uriOf(session.abs(BANNER)) },
    });
    assert.ok((lenses ?? []).length > 0);
  });
});

describe('creating a registry from the code', function () {
  let session: LspSession;

  after(async function () {
    await session?.stop();
  });

  it('builds flags.yaml from the flags found and the workspace picks it up', async function () {
    const root = copyFixture('no-registry');
    session = await LspSession.start(root, { applyEditsToDisk: true });
    const status = await session.ready();
    assert.equal(status.registries, 0);
    const result = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.createRegistry,
      arguments: [{}],
    })) as { uri: string; flags: number };
    assert.equal(result.uri, uriOf(path.join(root, 'flags.yaml')));
    assert.equal(result.flags, 2);
    const registry = parseYaml(session.text('flags.yaml')) as {
      flags: Record<string, { status?: string; created?: unknown }>;
    };
    assert.deepEqual(Object.keys(registry.flags).sort(), ['markdown-notes', 'pinned-notes-first']);
    await session.fileChanged('flags.yaml', 1);
    await session.waitFor(
      'the new registry to be found',
      () => session.status && !session.status.scanning && session.status.registries === 1,
    );
    await session.waitFor(
      'unregistered-flag to be gone',
      () => !session.diagnosticsOf('src/notes.ts').some((d) => d.code === 'unregistered-flag'),
    );
  });
});

describe('removing a flag through the server', function () {
  let session: LspSession;

  before(async function () {
    session = await LspSession.start(copyFixture('app'));
    await session.ready();
  });

  after(async function () {
    await session?.stop();
  });

  it('rewrites the code and the registry as one previewed workspace edit', async function () {
    const result = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.removeFlag,
      arguments: [{ key: 'holiday-banner', value: false, uri: uriOf(session.abs(BANNER)) }],
    })) as { applied: boolean; files: number };
    assert.equal(result.applied, true);
    assert.equal(result.files, 2);
    const request = must(session.appliedEdits[session.appliedEdits.length - 1]);
    assert.equal(request.label, "Remove flag 'holiday-banner'");
    const annotation = Object.values(request.edit.changeAnnotations ?? {})[0];
    assert.equal(annotation?.needsConfirmation, true, 'the editor previews the refactor');

    const banner = applyEdits(session.text(BANNER), editsFor(request.edit, session.abs(BANNER)));
    assert.doesNotMatch(banner, /holiday/);
    assert.match(banner, /getBooleanValue\('spring-promo'/, 'the other flag stays');
    const registry = applyEdits(session.text(REGISTRY), editsFor(request.edit, session.abs(REGISTRY)));
    assert.doesNotMatch(registry, /holiday-banner:/);
    assert.match(registry, /# --- Growth -+/);
    assert.ok((parseYaml(registry) as { flags: Record<string, unknown> }).flags['winter-sale']);
  });

  it('returns the edit without applying it when the client applies it itself', async function () {
    const count = session.appliedEdits.length;
    const result = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.removeFlag,
      arguments: [{ key: 'new-checkout', value: true, uri: uriOf(session.abs(CHECKOUT)), mode: 'return' }],
    })) as { applied: boolean; files: number; references: number; verified: boolean; edit: WorkspaceEdit };
    assert.equal(session.appliedEdits.length, count, 'nothing sent to workspace/applyEdit');
    assert.equal(result.applied, false);
    assert.equal(result.references, 3);
    assert.equal(result.verified, true);
    const checkout = applyEdits(session.text(CHECKOUT), editsFor(result.edit, session.abs(CHECKOUT)));
    assert.doesNotMatch(checkout, /new-checkout/);
    assert.match(checkout, /return \['review-and-pay'\];/);
    assert.doesNotMatch(checkout, /'basket', 'address', 'payment'/, 'the dead branch goes');
    const header = applyEdits(
      session.text('src/layout/header.ts'),
      editsFor(result.edit, session.abs('src/layout/header.ts')),
    );
    assert.match(header, /links\.push\('express-checkout'\)/);
  });

  it('says what is wrong with a value of the wrong type', async function () {
    await assert.rejects(
      session.connection.sendRequest(ExecuteCommandRequest.type, {
        command: ServerCommands.removeFlag,
        arguments: [{ key: 'holiday-banner', value: 'off', uri: uriOf(session.abs(BANNER)) }],
      }),
      /boolean flag .*flags\.yaml.*true or false, got "off"/,
    );
  });
});

describe('language server in a multi-root workspace', function () {
  let session: LspSession;
  let app: string;
  let notes: string;

  before(async function () {
    app = copyFixture('app');
    notes = copyFixture('no-registry');
    session = await LspSession.start(app, { extraFolders: [notes] });
    await session.ready();
  });

  after(async function () {
    await session?.stop();
  });

  it('keeps one index per folder, each with its own registry', async function () {
    const tree = await session.connection.sendRequest(TreeRequest, {});
    assert.equal(tree.folders.length, 2);
    const byRoot = new Map(tree.folders.map((f) => [f.uri, f]));
    const appTree = byRoot.get(uriOf(app))!;
    const notesTree = byRoot.get(uriOf(notes))!;
    assert.equal(appTree.registries.length, 1);
    assert.deepEqual(notesTree.registries, []);
    assert.deepEqual(
      notesTree.flags.map((f) => [f.key, f.status]),
      [
        ['markdown-notes', 'unregistered'],
        ['pinned-notes-first', 'unregistered'],
      ],
    );
    assert.ok(!appTree.flags.some((f) => f.key === 'markdown-notes'), 'flags do not leak between folders');
    const notesFile = path.join(notes, 'src/notes.ts');
    await session.waitFor('diagnostics in the second folder', () =>
      session.diagnosticsOf(notesFile).some((d) => d.code === 'unregistered-flag'),
    );
  });

  it('picks up a source file written by another tool through the file watcher', async function () {
    const file = path.join(app, 'src/promo/footer.ts');
    const fs = await import('node:fs');
    fs.writeFileSync(
      file,
      [
        "import { OpenFeature } from '@openfeature/server-sdk';",
        '',
        'export async function footerLinks(userId: string): Promise<string[]> {',
        "  const client = OpenFeature.getClient('storefront');",
        "  const careers = await client.getBooleanValue('careers-link', false, { targetingKey: userId });",
        "  return careers ? ['about', 'careers'] : ['about'];",
        '}',
        '',
      ].join('\n'),
    );
    await session.fileChanged(file, 1);
    const diagnostic = await session.waitFor('careers-link to be reported', () =>
      session.diagnosticsOf(file).find((d) => d.code === 'unregistered-flag'),
    );
    assert.match(messageOf(diagnostic), /careers-link/);
    fs.rmSync(file);
    await session.fileChanged(file, 3);
    await session.waitFor(
      'the deleted file’s diagnostics to be cleared',
      () => session.diagnosticsOf(file).length === 0,
    );
  });

  it('drops a folder removed from the workspace, with its diagnostics', async function () {
    const notesFile = path.join(notes, 'src/notes.ts');
    await session.waitFor('diagnostics in the second folder', () => session.diagnosticsOf(notesFile).length > 0);
    await session.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [{ uri: uriOf(notes), name: path.basename(notes) }] },
    });
    await session.waitFor(
      'the removed folder’s diagnostics to be cleared',
      () => session.diagnosticsOf(notesFile).length === 0,
    );
    const tree = await session.connection.sendRequest(TreeRequest, {});
    assert.deepEqual(
      tree.folders.map((f) => f.uri),
      [uriOf(app)],
    );
  });

  it('hovers a registry key and a dependsOn item', async function () {
    const registry = path.join(app, REGISTRY);
    const onKey = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf(registry) },
      position: session.positionOf(registry, 'winter-sale:', 2),
    });
    assert.match(
      (onKey?.contents as MarkupContent).value,
      /\*\*winter-sale\*\* · release flag · active[\s\S]*\| Used in \| _nowhere_ \|/,
    );
    const onDependency = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf(registry) },
      position: session.positionOf(registry, 'dependsOn: [payments-api-v2]', 'dependsOn: ['.length + 3),
    });
    assert.match((onDependency?.contents as MarkupContent).value, /\*\*payments-api-v2\*\* · ops flag · active/);
    const definition = (await session.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf(registry) },
      position: session.positionOf(registry, 'dependsOn: [payments-api-v2]', 'dependsOn: ['.length + 3),
    })) as Location[];
    assert.equal(must(definition[0]).range.start.line, session.positionOf(registry, 'payments-api-v2:').line);
  });
});
