// ESLint (flat config), type-aware through typescript-eslint. Besides the usual checks it holds the layering of
// ARCHITECTURE.md: the service is pure and the shells enter it by its facade only; no import cycles anywhere.
// `npm run lint` runs it, with Prettier's check; `npm test` runs that first.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';

/** Node's built-in modules, with and without the `node:` prefix. */
const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

const SERVICE_IS_PURE = {
  paths: NODE_BUILTINS.map((name) => ({
    name,
    message: 'The service is pure: no Node I/O (the host layer, server/src/host/, reads files).',
  })),
  patterns: [
    {
      group: ['node:*'],
      message: 'The service is pure: no Node modules (the host layer, server/src/host/, reads files).',
    },
    {
      group: [
        'vscode',
        'vscode-languageserver',
        'vscode-languageserver/*',
        'vscode-languageserver-protocol',
        'vscode-languageserver-textdocument',
        'vscode-jsonrpc',
        'vscode-jsonrpc/*',
      ],
      message:
        'The service knows no editor and no LSP connection (plain LSP types come from vscode-languageserver-types).',
    },
    {
      group: ['**/cli', '**/cli/*', '**/lsp', '**/lsp/*', '**/host', '**/host/*', '**/protocol'],
      message: 'The service never imports its shells.',
    },
  ],
};

/** What a shell (the CLI, the language server, the host layer) may not import: the service's insides. */
const FACADE_ONLY = {
  group: ['**/service/*', '!**/service/index'],
  message:
    'Shells enter the service by its facade only: import from service/index (add an export there if a shell needs one).',
};

const NOT_THE_CLI = {
  group: ['**/cli', '**/cli/*'],
  message: 'The language server and the host layer do not depend on the CLI.',
};
const NOT_THE_SERVER = {
  group: ['**/lsp', '**/lsp/*', '**/main-server'],
  message: 'The CLI and the host layer do not depend on the language server.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'client/dist/',
      'client/out/',
      '.editors/',
      '.bench/',
      'bench/.data/',
      '.scratch/',
      '.e2e-artifacts/',
      'build/validators.generated.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
        globalThis: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        queueMicrotask: 'readonly',
        NodeJS: 'readonly',
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads the imported modules itself: it needs the TypeScript parser for .ts files.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json', '.d.ts'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Unused names are the compiler's job (noUnusedLocals, noUnusedParameters): one report, not two.
      '@typescript-eslint/no-unused-vars': 'off',
      // The bundles load some modules on first use (the yaml package, ajv, marked, tinyglobby): `require` is how.
      '@typescript-eslint/no-require-imports': 'off',
      // Terminal output is this code's business: its regular expressions match escape sequences on purpose.
      'no-control-regex': 'off',
      // Fire-and-forget is marked with `void`; everything else is awaited or handled.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
    },
  },
  {
    // Scripts (bundling, benchmarks, editor runners) are plain JavaScript outside the TypeScript projects.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests read JSON the CLI printed and poke at values on purpose: the no-unsafe-* family would flag every read.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Assertion messages print whatever value they got; method references are handed to assert helpers.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Short functions everywhere but in the tests (whose describe blocks hold many cases).
    files: ['**/*.ts', '**/*.mjs'],
    ignores: ['test/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', SERVICE_IS_PURE],
      'max-lines': ['error', { max: 800, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FACADE_ONLY, NOT_THE_SERVER] }] },
  },
  {
    files: ['server/src/lsp/**/*.ts', 'server/src/main-server.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FACADE_ONLY, NOT_THE_CLI] }] },
  },
  {
    files: ['server/src/host/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FACADE_ONLY, NOT_THE_CLI, NOT_THE_SERVER] }] },
  },
  {
    files: ['server/src/protocol.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./*', '../*', 'vscode-languageserver', 'vscode-languageserver/*', 'node:*'],
              message: 'The protocol module is shared with the extension: it imports the LSP protocol package only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../server/src/*', '!../../server/src/protocol'],
              message: 'The extension talks to the server over LSP: it imports server/src/protocol.ts only.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
