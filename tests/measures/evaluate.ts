/**
 * Scoring of detected mentions against the hand-labelled set (labelled-mentions.json).
 * A prediction matches a label when the measure id is equal and the spans overlap; each label and
 * each prediction is used at most once, so a measure reported twice over one phrase costs precision.
 */
import type { MeasureHit } from '../../lib/measures';

export interface LabelledMention {
  seed: string;
  measureId: string;
  quote: string;
  occurrence: number;
}

export interface Lure extends LabelledMention {
  why: string;
}

export interface LabelledSet {
  mentions: LabelledMention[];
  lures: Lure[];
}

export interface Span {
  measureId: string;
  start: number;
  end: number;
  quote: string;
}

export interface Score {
  labels: number;
  predictions: number;
  truePositives: number;
  precision: number;
  recall: number;
  missed: Span[];
  spurious: Span[];
}

/** Offset of the n-th (1-based) non-overlapping occurrence of quote, or -1. */
export function nthIndexOf(text: string, quote: string, occurrence: number): number {
  let from = 0;
  let index = -1;
  for (let k = 0; k < occurrence; k++) {
    index = text.indexOf(quote, from);
    if (index < 0) return -1;
    from = index + quote.length;
  }
  return index;
}

export function labelSpan(text: string, label: LabelledMention): Span {
  const start = nthIndexOf(text, label.quote, label.occurrence);
  if (start < 0) throw new Error(`label not found in ${label.seed}: "${label.quote}" #${label.occurrence}`);
  return { measureId: label.measureId, start, end: start + label.quote.length, quote: label.quote };
}

export function predictedSpans(hits: MeasureHit[]): Span[] {
  return hits.flatMap((h) => h.mentions.map((m) => ({ measureId: h.measureId, start: m.start, end: m.end, quote: m.quote })));
}

export function score(labels: Span[], predictions: Span[]): Score {
  const usedPredictions = new Set<number>();
  const missed: Span[] = [];
  for (const label of labels) {
    const match = predictions.findIndex(
      (p, i) => !usedPredictions.has(i) && p.measureId === label.measureId && p.start < label.end && label.start < p.end,
    );
    if (match < 0) missed.push(label);
    else usedPredictions.add(match);
  }
  const truePositives = usedPredictions.size;
  return {
    labels: labels.length,
    predictions: predictions.length,
    truePositives,
    precision: predictions.length === 0 ? 1 : truePositives / predictions.length,
    recall: labels.length === 0 ? 1 : truePositives / labels.length,
    missed,
    spurious: predictions.filter((_, i) => !usedPredictions.has(i)),
  };
}
