/** Modules compiled from seeds/ at build time by scripts/build/bundled-data-plugin.ts. */
declare module 'virtual:policy-lens/corpus' {
  const corpus: import('./db/seed').BundledCorpus;
  export default corpus;
}
declare module 'virtual:policy-lens/measures' {
  const catalogue: import('./measures').Catalogue;
  export default catalogue;
}
