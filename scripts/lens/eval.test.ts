import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLens } from './cli';
import type { EvalReport } from './eval';

const ROOT = path.join(import.meta.dirname, '..', '..');

async function lens(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runLens(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT });
  return { status, out, err };
}

const concept = (id: string, name: string, category: string) => ({ id, name, core: true, category, note: `${name}.` });
const article = (id: string, kind: string, title: string, paragraphs: string[], measures: string[], related: Record<string, number>) => ({
  id,
  kind,
  title,
  date: '2023-03-29',
  source: '新华社',
  paragraphs,
  measures: measures.map((c) => ({ concept: c, evidence: [paragraphs[0]!.slice(0, 4)] })),
  lures: [],
  policyActions: kind === 'policy' ? [paragraphs[0]!] : [],
  related,
});

/** A labelled split of three articles in a folder of its own (no seeds.json: the bundled seeds are only in the corpus). */
function miniData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lens-eval-'));
  writeFileSync(
    path.join(dir, 'concepts.json'),
    JSON.stringify({
      about: 'Two concepts for the command test.',
      concepts: [
        concept('payment-method-reform', '医保支付方式改革', 'payment-reform'),
        concept('drg-payment', 'DRG付费', 'payment-reform'),
      ],
    }),
  );
  writeFileSync(
    path.join(dir, 'mini.json'),
    JSON.stringify({
      split: 'mini',
      about: 'Two related policy articles and one off-topic article.',
      articles: [
        article(
          'mini-p1',
          'policy',
          '国家医保局部署支付方式改革',
          ['国家医保局印发通知，要求深化医保支付方式改革，2024年底前全面推进DRG付费。'],
          ['payment-method-reform', 'drg-payment'],
          { 'mini-p2': 2 },
        ),
        article(
          'mini-p2',
          'policy',
          '多地推进DRG付费',
          ['多地推进按疾病诊断相关分组付费，进一步完善医疗保障支付机制，提高基金使用效率。'],
          ['drg-payment', 'payment-method-reform'],
          { 'mini-p1': 2 },
        ),
        article('mini-o1', 'off-topic', '三大指数小幅上涨', ['今日三大指数小幅上涨，券商板块领涨，两市成交额超过九千亿元。'], [], {}),
      ],
    }),
  );
  return dir;
}

/** A split named dev with a part dev-b, as tests/eval has them: one policy article each. */
function twoPartData(): string {
  const dir = miniData();
  const split = (name: string, articles: unknown[]) => JSON.stringify({ split: name, about: `The ${name} file.`, articles });
  writeFileSync(
    path.join(dir, 'dev.json'),
    split('dev', [
      article(
        'dev-p1',
        'policy',
        '国家医保局部署支付方式改革',
        ['国家医保局印发通知，要求深化医保支付方式改革，2024年底前全面推进DRG付费。'],
        ['payment-method-reform', 'drg-payment'],
        {},
      ),
    ]),
  );
  writeFileSync(
    path.join(dir, 'dev-b.json'),
    split('dev-b', [
      article('devb-p1', 'policy', '多地推进DRG付费', ['多地推进按疾病诊断相关分组付费，提高基金使用效率。'], ['drg-payment'], {
        'dev-p1': 2,
      }),
      article('devb-o1', 'off-topic', '三大指数小幅上涨', ['今日三大指数小幅上涨，券商板块领涨。'], [], {}),
    ]),
  );
  return dir;
}

describe('lens eval', () => {
  const data = miniData();

  it('prints Policy Lens and the baseline side by side, every figure the issue asks for', async () => {
    const r = await lens(['eval', '--data', data, '--split', 'mini']);
    expect(r.status).toBe(0);
    expect(r.out[0]).toBe(`Policy Lens and the naive baseline on ${path.relative(ROOT, path.join(data, 'mini.json'))} (split "mini")`);
    expect(r.out[1]).toBe('3 articles: 2 policy, 0 lure, 1 off-topic; related articles ranked among them and the 0 seeds');
    const table = r.out.slice(3, 12).join('\n');
    expect(table).toMatch(/^\s+Policy Lens\s+baseline$/m);
    for (const row of [
      'measure precision',
      'measure recall, core concepts',
      'measure recall, all concepts',
      'lures taken',
      'off-topic articles with a measure',
      '"other measures" precision',
      'related nDCG@5',
      'off-topic/lure queries with any related',
    ]) {
      expect(table).toContain(row);
    }
    // Policy Lens finds both measures in both articles; the dictionary knows the letters DRG only.
    expect(table).toMatch(/measure recall, core concepts\s+1\.000 \(4\/4\)\s+0\.250 \(1\/4\)/);
    expect(table).toMatch(/off-topic articles with a measure\s+0\/1\s+0\/1/);
  });

  it('gives the scores as JSON with --json, and names paraphrases found by wording', async () => {
    const r = await lens(['eval', '--data', data, '--split', 'mini', '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.out.join('\n')) as EvalReport;
    expect(report.split).toBe('mini');
    expect(report.policyLens.measures.recallCore).toEqual({ hit: 4, of: 4, value: 1 });
    expect(report.policyLens.measures.precision.value).toBe(1);
    // 完善医疗保障支付机制 in mini-p2 paraphrases payment-method reform.
    expect(report.policyLens.foundByWording).toBe(1);
    expect(report.baseline.measures.recallCore.hit).toBe(1);
    expect(report.policyLens.related.perQuery.map((q) => q.query).sort()).toEqual(['mini-p1', 'mini-p2']);
    expect(report.policyLens.related.silence.queries).toBe(1);
    expect(report.baseline.related.k).toBe(5);
  });

  it('scores one part of a split with --part, ranking related articles in the whole split', async () => {
    const dir = twoPartData();
    const whole = JSON.parse((await lens(['eval', '--data', dir, '--split', 'dev', '--json'])).out.join('\n')) as EvalReport;
    expect(whole.articles.total).toBe(3);
    const r = await lens(['eval', '--data', dir, '--split', 'dev', '--part', 'dev-b', '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.out.join('\n')) as EvalReport;
    expect(report.part).toBe('dev-b');
    expect(report.file).toBe(path.relative(ROOT, path.join(dir, 'dev-b.json')));
    expect(report.articles).toMatchObject({ total: 2, policy: 1, offTopic: 1 });
    expect(report.policyLens.measures.recallCore).toEqual({ hit: 1, of: 1, value: 1 });
    // devb-p1's neighbour dev-p1 is in the other file: still in the corpus, only the query is the part's.
    expect(report.policyLens.related.perQuery.map((q) => q.query)).toEqual(['devb-p1']);
    expect(report.policyLens.related.silence.queries).toBe(1);
    const text = await lens(['eval', '--data', dir, '--split', 'dev', '--part', 'dev']);
    expect(text.out[0]).toContain('(split "dev", part "dev" only)');
    expect(text.out[1]).toMatch(/^1 articles: 1 policy/);

    const unknown = await lens(['eval', '--data', dir, '--split', 'dev', '--part', 'dev-z']);
    expect(unknown.status).toBe(2);
    expect(unknown.err[0]).toBe('lens eval: split "dev" has no part "dev-z"; its parts are dev, dev-b, dev-c, dev-d');
    const pathy = await lens(['eval', '--data', dir, '--split', 'dev', '--part', '../dev']);
    expect(pathy.err[0]).toContain('--part must be a file name');
    // Six runs of the CLI: about 5 s on an idle machine, more on a shared one.
  }, 60_000);

  it('refuses a split that does not exist, and a split name that is a path, with the usage', async () => {
    const missing = await lens(['eval', '--data', data, '--split', 'test']);
    expect(missing.status).toBe(2);
    expect(missing.err[0]).toBe(`lens eval: no labelled split "test": ${path.relative(ROOT, path.join(data, 'test.json'))} does not exist`);
    expect(missing.err[1]).toBe('usage: lens eval [--split dev|test] [--part <file of the split, e.g. dev-b>] [--json] [--details]');
    const pathy = await lens(['eval', '--split', '../dev']);
    expect(pathy.status).toBe(2);
    expect(pathy.err[0]).toContain('--split must be a split name');
  });
});
