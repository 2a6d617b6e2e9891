/** Modules compiled from seeds/ at build time by scripts/build/bundled-data-plugin.ts. */
declare module 'virtual:policy-lens/corpus' {
  const corpus: import('./db/seed').BundledCorpus;
  export default corpus;
}
declare module 'virtual:policy-lens/measures' {
  const catalogue: import('./measures').Catalogue;
  export default catalogue;
}
/** A module bundled by Vite as a Worker script (`import W from './x.ts?worker'; new W()`). */
declare module '*?worker' {
  const WorkerConstructor: { new (): Worker };
  export default WorkerConstructor;
}
