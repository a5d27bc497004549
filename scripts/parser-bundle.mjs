#!/usr/bin/env node
// Writes dist/parser.js: the part of the TypeScript compiler that `flaglint check` runs (scanner,
// parser, the node factory and utilities, the services' node objects), without the type checker,
// emitter, transformers, language service or ts-morph. Issue #12: the cold check loaded all 13.5 MB
// of dist/compiler.js to parse a few hundred files; only flag removal type-checks, and it loads the
// full compiler (cli/compilerLoader.ts `needTypeChecker`).
//
// How: @ts-morph/common's typescript.js (the very compiler the engine runs, so trees are the same)
// is one esbuild bundle whose top-level statements are declarations. The `ts.X` names the sources
// outside core/remove read are exported; a declaration is kept when a kept statement names it
// (a reference graph over the top-level statements, resolved by name: conservative, a local name
// that shadows a top-level one only keeps more). Statements that only add to a declaration
// (`X.prop = …`, a namespace's `((X2) => {…})(X || (X = {}))`, `__export(X, …)`) go with it; the
// language service's `registerRefactor`/`registerCodeFix` calls (tables only it reads) are dropped;
// every other statement runs, as it did (e.g. `setObjectAllocator(getServicesObjectAllocator())`,
// which gives nodes their getStart/getText methods).
// test/unit/engine/parserBundle.test.ts analyses the detection fixtures with both and compares.
//
// Usage: node scripts/parser-bundle.mjs <outfile>
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Statement calls of the language service's registries: nothing the parser reads. */
const DROPPED_CALLS = new Set(['registerRefactor', 'registerCodeFix']);

/** The `ts.X` names read by the sources that a check can load: everything but the removal refactor. */
export function namesReadBySources(srcDir = path.join(root, 'server', 'src')) {
  const names = new Set();
  const visit = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (path.relative(srcDir, p) !== path.join('core', 'remove')) visit(p);
      } else if (e.name.endsWith('.ts')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/\bts\.([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
      }
    }
  };
  visit(srcDir);
  return names;
}

/** The parser-only compiler's source, exporting `{ ts }` with `wanted` (those of them TypeScript exports). */
export function parserBundleSource(wanted = namesReadBySources()) {
  // The compiler's own parser (the typescript devDependency) reads the compiler's JavaScript.
  const ts = require('typescript');
  const source = fs.readFileSync(require.resolve('@ts-morph/common/dist/typescript.js'), 'utf8');
  const open = '((module) => {\n';
  const start = source.indexOf(open) + open.length;
  const end = source.lastIndexOf('})({ get exports()');
  if (start < open.length || end < start)
    throw new Error('parser-bundle: typescript.js no longer has the expected wrapper');
  let body = source.slice(start, end);
  // The export table (getters of every name) keeps everything: replaced by the wanted names alone.
  const table0 = body.indexOf('__export(typescript_exports, {');
  const table1 = body.indexOf('\n});\n', table0) + 5;
  if (table0 < 0 || table1 < 5) throw new Error('parser-bundle: typescript.js has no export table');
  const exported = new Map(
    [...body.slice(table0, table1).matchAll(/^ {2}(\w+): \(\) => (\w+),?$/gm)].map((m) => [m[1], m[2]]),
  );
  body = body.slice(0, table0) + body.slice(table1);
  body = body.replace('module.exports = __toCommonJS(typescript_exports);', '');
  const annotation = body.lastIndexOf('0 && (module.exports = {');
  if (annotation >= 0) body = body.slice(0, annotation);
  const kept = [...wanted].filter((n) => exported.has(n)).sort();
  body += `\nmodule.exports = { ts: { ${kept.map((n) => `${n}: ${exported.get(n)}`).join(', ')} } };\n`;

  const sf = ts.createSourceFile('typescript.js', body, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const items = sf.statements.map((st) => {
    const declares = declaredNames(ts, st);
    return {
      st,
      declares,
      attached: declares.length ? undefined : attachedTo(ts, st),
      refs: referencedNames(ts, st),
      live: false,
    };
  });
  const byName = new Map();
  const add = (name, item) => (byName.get(name) ?? byName.set(name, []).get(name)).push(item);
  for (const item of items) {
    for (const n of item.declares) add(n, item);
    if (item.attached) add(item.attached, item);
  }
  const queue = [];
  const mark = (item) => {
    if (!item.live) {
      item.live = true;
      queue.push(item);
    }
  };
  for (const item of items) if (item.declares.length === 0 && item.attached === undefined) mark(item);
  const live = new Set();
  while (queue.length > 0) {
    for (const name of queue.pop().refs) {
      if (live.has(name) || !byName.has(name)) continue;
      live.add(name);
      byName.get(name).forEach(mark);
    }
  }
  const licence = source.slice(0, source.indexOf('*/') + 2);
  const out = [licence, '"use strict";'];
  for (const item of items) if (item.live) out.push(body.slice(item.st.getStart(sf), item.st.end));
  return out.join('\n') + '\n';
}

function declaredNames(ts, st) {
  if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) return [st.name.text];
  if (!ts.isVariableStatement(st)) return [];
  const names = [];
  const bind = (n) => {
    if (ts.isIdentifier(n)) names.push(n.text);
    else for (const el of n.elements) if (!ts.isOmittedExpression(el)) bind(el.name);
  };
  for (const d of st.declarationList.declarations) bind(d.name);
  return names;
}

/** The declaration a statement only adds to, so that it is kept with it; '\0' for dropped calls. */
function attachedTo(ts, st) {
  if (!ts.isExpressionStatement(st)) return undefined;
  const e = st.expression;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    let target = e.left;
    if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) return undefined;
    while (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) target = target.expression;
    return ts.isIdentifier(target) && target.text !== 'module' ? target.text : undefined;
  }
  if (!ts.isCallExpression(e)) return undefined;
  const callee = e.expression;
  if (ts.isIdentifier(callee) && DROPPED_CALLS.has(callee.text)) return '\0';
  const first = e.arguments[0];
  if (ts.isIdentifier(callee) && callee.text === '__export' && first && ts.isIdentifier(first)) return first.text;
  const fn = ts.isParenthesizedExpression(callee) ? callee.expression : callee;
  if (
    (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
    first &&
    ts.isBinaryExpression(first) &&
    first.operatorToken.kind === ts.SyntaxKind.BarBarToken &&
    ts.isIdentifier(first.left)
  )
    return first.left.text;
  return undefined;
}

/** Every identifier a statement reads, but property names (`a.name`, `{ name: v }`, methods). */
function referencedNames(ts, st) {
  const names = new Set();
  const walk = (node) => {
    if (ts.isIdentifier(node)) {
      const p = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        ((ts.isPropertyAssignment(p) ||
          ts.isMethodDeclaration(p) ||
          ts.isPropertyDeclaration(p) ||
          ts.isGetAccessorDeclaration(p) ||
          ts.isSetAccessorDeclaration(p)) &&
          p.name === node);
      if (!isPropertyName) names.add(node.text);
      return;
    }
    ts.forEachChild(node, walk);
  };
  walk(st);
  return names;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outfile = process.argv[2];
  if (!outfile) throw new Error('usage: node scripts/parser-bundle.mjs <outfile>');
  fs.writeFileSync(outfile, parserBundleSource());
}
