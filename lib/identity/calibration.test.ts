/**
 * Issue 14 item 7: the same article under a new headline is recognised by its body, and nothing
 * merely on the same topic is ever called the same. Checked on labelled pairs of whole articles
 * (tests/eval/identity-pairs.ts): the threshold is chosen on the dev pairs and tested on the held-out ones.
 */
import { describe, expect, it } from 'vitest';
import { identityPairs, type IdentityPair } from '../../tests/eval/identity-pairs';
import { bodyFingerprint, fingerprintSimilarity } from './fingerprint';
import { bodyResemblance } from './resemblance';
import { NEAR_CANDIDATE_ESTIMATE, SAME_BODY_JACCARD, SAME_SENTENCES, sameArticle, sameBody } from './same-article';

const pairs = identityPairs();
const dev = pairs.filter((p) => p.split === 'dev');
const heldOut = pairs.filter((p) => p.split === 'held-out');
const measure = (p: IdentityPair) => bodyResemblance(p.a.paragraphs, p.b.paragraphs);
const wrong = (list: IdentityPair[]) =>
  list
    .filter((p) => sameBody(p.a.paragraphs, p.b.paragraphs) !== p.same)
    .map((p) => `${p.id} (${p.same ? 'same' : 'different'}, J=${measure(p).jaccard.toFixed(3)}, S=${measure(p).sentences.toFixed(3)})`);

describe('article identity on labelled pairs', () => {
  it('has pairs of both kinds in both splits, from both sources', () => {
    for (const split of [dev, heldOut]) {
      expect(split.filter((p) => p.same).length).toBeGreaterThanOrEqual(5);
      expect(split.filter((p) => !p.same).length).toBeGreaterThanOrEqual(5);
    }
    expect(new Set(dev.map((p) => p.source)).size).toBe(2);
  });

  it('sets both thresholds inside the gaps the dev pairs leave', () => {
    const same = dev.filter((p) => p.same).map(measure);
    // Every same pair clears both thresholds, with room to spare.
    expect(Math.min(...same.map((r) => r.jaccard))).toBeGreaterThanOrEqual(SAME_BODY_JACCARD + 0.1);
    expect(Math.min(...same.map((r) => r.sentences))).toBeGreaterThanOrEqual(SAME_SENTENCES + 0.1);
    // Every different pair falls short of one of them, with room to spare.
    for (const p of dev.filter((x) => !x.same)) {
      const r = measure(p);
      expect(r.jaccard < SAME_BODY_JACCARD - 0.01 || r.sentences < SAME_SENTENCES - 0.1, p.id).toBe(true);
    }
  });

  it('never calls two different articles on one topic the same, on any pair', () => {
    expect(wrong(pairs.filter((p) => !p.same))).toEqual([]);
  });

  it('recognises every held-out re-post, re-titled copy and edited copy', () => {
    expect(wrong(heldOut.filter((p) => p.same))).toEqual([]);
  });

  it('decides by the body, whatever the titles say', () => {
    for (const p of pairs) {
      const match = sameArticle({ title: p.b.title, paragraphs: p.b.paragraphs }, [
        { id: 'a', title: p.a.title, text: p.a.paragraphs.join('\n') },
      ]);
      expect(match !== null, p.id).toBe(p.same);
    }
  });

  it('lets every same pair through the fingerprint pre-filter the database lookup uses', () => {
    for (const p of pairs.filter((x) => x.same)) {
      expect(fingerprintSimilarity(bodyFingerprint(p.a.paragraphs), bodyFingerprint(p.b.paragraphs)), p.id).toBeGreaterThanOrEqual(
        NEAR_CANDIDATE_ESTIMATE,
      );
    }
  });
});
