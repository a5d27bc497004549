// Lint for every part: the TypeScript sources, the plain-JS scripts and the e2e harness.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ----- Boundaries (docs/architecture.md, "Boundaries"). ESLint keeps one `no-restricted-imports`
// setting per file (a later block replaces an earlier one), so each folder's block is built here
// from the rules every file shares plus the folder's own.

/** One import style for Node built-ins: `node:fs`, never `fs`. */
const NODE_BUILTINS = builtinModules
  .filter((name) => !name.startsWith('_'))
  .map((name) => ({ name, message: `Import Node built-ins with the node: prefix ('node:${name}').` }));

/** `yaml` is the registry's business: everything else asks core/registry. */
const YAML_OUTSIDE_REGISTRY = {
  group: ['yaml'],
  message: 'Only server/src/core/registry parses or prints YAML; use its functions.',
};

const EDITOR_PACKAGES = {
  group: ['vscode', 'vscode-*'],
  message: 'The core is protocol-free: no editor or LSP packages (docs/architecture.md).',
};
// Relative paths are matched with regular expressions: gitignore-style groups do not see `../`.
const FRONT_ENDS = {
  regex: '(^|/)(lsp|cli|client|protocol)(/|$)',
  message: 'The core imports no front end: the CLI and the server call the core, not the other way round.',
};
const CORE_BEHIND_SERVICE = {
  regex: '(^|/)core/(?!(service|model|report)$)',
  message:
    'The CLI and the language server reach the core through core/service, core/model and core/report; re-export what is missing in core/service/coreApi.ts.',
};
const SERVER_INTERNALS = {
  regex: '(^|/)server(/|$)',
  message:
    'The extension talks to the server only over LSP: import the protocol project (protocol/src), not server code.',
};
/**
 * The extension depends on the editor, its LSP client and the protocol only (and its own modules),
 * plus dagre, the graph layout library bundled for the dependency map.
 */
const CLIENT_ONLY = {
  regex: '^(?!vscode$|vscode-languageclient(/|$)|@dagrejs/dagre$|node:|\\./|(\\.\\./)+protocol/src(/|$))',
  message:
    'The extension imports only vscode, vscode-languageclient, Node built-ins, the protocol (protocol/src), dagre and its own modules.',
};

/** `no-restricted-imports` for a folder: the shared rules plus its own patterns. */
function restricted(...groups) {
  return ['error', { paths: NODE_BUILTINS, patterns: groups }];
}

/** The rules as data, so test/unit/service/boundaries.test.ts can tell which folder forbids what. */
export const BOUNDARIES = [
  { files: ['server/src/core/registry/**/*.ts'], groups: [EDITOR_PACKAGES, FRONT_ENDS] },
  {
    files: ['server/src/core/**/*.ts'],
    ignores: ['server/src/core/registry/**'],
    groups: [EDITOR_PACKAGES, FRONT_ENDS, YAML_OUTSIDE_REGISTRY],
  },
  { files: ['server/src/lsp/**/*.ts', 'server/src/cli/**/*.ts'], groups: [CORE_BEHIND_SERVICE, YAML_OUTSIDE_REGISTRY] },
  { files: ['client/**/*.ts'], groups: [SERVER_INTERNALS, CLIENT_ONLY] },
  {
    files: ['protocol/**/*.ts'],
    groups: [
      SERVER_INTERNALS,
      { regex: '(^|/)client(/|$)|^vscode$', message: 'The protocol is shared by both ends and depends on neither.' },
      YAML_OUTSIDE_REGISTRY,
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.tools/**',
      'examples/**',
      'test/fixtures/**',
      'test/e2e/artifacts/**',
      'test/e2e/workspace/**',
      'bench/results/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // ANSI colour codes and YAML's control-character rules are matched on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  // Type-aware rules for the TypeScript sources only: the plain-JS scripts and the e2e .mjs harness
  // have no type information and stay on the untyped set above.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Left as warnings, not yet fixed (counts of the first type-aware run, issue #8): values printed
      // without a check of their type (no-base-to-string 7, restrict-template-expressions 26, most in
      // bench/src/main.ts over untyped JSON results), async functions with no await that implement an
      // async interface (require-await 8), methods passed unbound (unbound-method 3), and a ts.SyntaxKind
      // compared with a number (no-unsafe-enum-comparison 2). Each needs a look, not a mechanical fix.
      '@typescript-eslint/no-base-to-string': 'warn',
      '@typescript-eslint/restrict-template-expressions': 'warn',
      '@typescript-eslint/require-await': 'warn',
      '@typescript-eslint/unbound-method': 'warn',
      '@typescript-eslint/no-unsafe-enum-comparison': 'warn',
    },
  },
  {
    // Tests read JSON (CLI output, written registries, the published schema) with JSON.parse and
    // assert on its fields: no-unsafe-* flags each such read, which is what a test is for.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // dagre is loaded with require() under a type-only import, and its graph API is typed with `any`
    // for node and edge labels: every read of a laid-out node is "unsafe". The no-unsafe-* rules would
    // flag the library's typing, not this code (about 80 findings in these two files).
    files: ['client/src/mapLayout.ts', 'server/src/core/report/html/mapSvg.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['**/*.ts', '**/*.mjs'],
    rules: { 'no-restricted-imports': restricted() },
  },
  ...BOUNDARIES.map(({ files, ignores, groups }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { 'no-restricted-imports': restricted(...groups) },
  })),
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
