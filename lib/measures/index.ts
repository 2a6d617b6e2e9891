/** Public API of the measure catalogue and detector. DOM-free and fs-free: safe in every context. */
export {
  CATEGORY_LABELS,
  CatalogueError,
  MEASURE_CATEGORIES,
  parseCatalogue,
  surfaceForms,
  type AliasSpec,
  type Catalogue,
  type CatalogueIssue,
  type Measure,
  type MeasureCategory,
  type WordingRule,
} from './catalogue';
export { parseCatalogueYaml } from './catalogue-yaml';
export { compileCatalogue, detectMeasures, type CompiledCatalogue, type FoundBy, type MeasureHit, type MeasureMention } from './detect';
export { splitSentences, type SentenceSpan } from './sentences';
export { findMeasureLikeSentences, type MeasureLikeOptions, type MeasureLikeSentence } from './other-measures';
