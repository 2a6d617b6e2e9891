// ESLint for the whole tree: typescript-eslint's recommended rules (syntax only, not type-checked, so it
// stays fast) and the direction imports may run in. `npm run lint:code`; `npm run lint` (and so .ci/run) runs it.
// The parts come through tools/eslint, which gives typescript-eslint a TypeScript it can read.
import { js, tseslint } from 'policy-lens-eslint';

/** Tests and the helpers beside them may reach anywhere; shipped code may not. */
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/*.test-d.ts'];

/**
 * An import of a top-level folder, however it is spelled: the `@/` or `~/` alias, or a relative path that
 * climbs out (lib/ has no folder of these names, so `../components` from lib/ can only mean the top one).
 */
function topLevel(folders, message) {
  return { regex: `^(?:[@~]{1,2}/|(?:\\./)?(?:\\.\\./)+)(?:${folders.join('|')})(?:/|$)`, message };
}

const outOfLib = topLevel(
  ['components', 'entrypoints', 'scripts', 'tests'],
  'lib/ is imported by the UI, entrypoints, scripts and tests, never the other way: move what both need into lib/.',
);

/** A domain module reaching into lib/contexts/, by alias or by a relative path that climbs to lib/. */
const intoContexts = {
  regex: '^(?:[@~]{1,2}/lib/|(?:\\./)?(?:\\.\\./)+)contexts(?:/|$)',
  message:
    'Domain modules in lib/ run in every context and never import lib/contexts/: move what both need into the domain module (or lib/messages/ for a cross-context contract).',
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'test-results/**', 'bench/tmp/**', '.scratch-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Chinese text, its full-width spaces and the no-break spaces Sina pages carry are the subject matter:
      // they sit in strings, templates, regexes and comments on purpose. Stray ones in code are still caught.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true, skipJSXText: true },
      ],
      // A leading underscore marks a value left out on purpose (`const { id: _id, ...rest } = h`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // `cond ? io.err(line) : io.out(line)` as a statement is the code's way of choosing a stream.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true, allowShortCircuit: true }],
      // `el.innerHTML = el.innerHTML` is how tests re-render a node (same text, new nodes).
      'no-self-assign': ['error', { props: false }],
      // URL and body checks match control characters on purpose: browsers ignore them inside a scheme
      // (`java\x00script:`), so lib/corpus/body-safety.ts strips them before it looks.
      'no-control-regex': 'off',
    },
  },
  {
    // Shipped domain code runs in every context and knows nothing of the UI, the entrypoints, the tools or
    // the tests, nor of the wiring of any one context (ARCHITECTURE.md's map).
    files: ['lib/**/*.{ts,tsx}'],
    ignores: [...testFiles, 'lib/contexts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outOfLib, intoContexts] }] },
  },
  {
    // Context wiring (background, the Sina page, article views, extension pages) uses the domain modules.
    files: ['lib/contexts/**/*.{ts,tsx}'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [outOfLib] }] },
  },
  {
    // Components are the extension pages' UI: entrypoints mount them, scripts and tests drive them.
    files: ['components/**/*.{ts,tsx}'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            topLevel(
              ['entrypoints', 'scripts', 'tests'],
              'components/ is mounted by entrypoints and driven by scripts and tests, never the other way: move what both need into lib/ or components/.',
            ),
          ],
        },
      ],
    },
  },
  {
    // The bench drives the built extension inside a page (page.evaluate): what crosses that boundary is the
    // page bundle's own global, which has no type on this side.
    files: ['scripts/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
