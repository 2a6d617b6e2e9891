// The root eslint.config.js imports the linter's parts from here, so they resolve against this
// workspace's TypeScript 6 (typescript-eslint cannot read the TypeScript 7 the project compiles with).
export { default as js } from '@eslint/js';
export { default as tseslint } from 'typescript-eslint';
