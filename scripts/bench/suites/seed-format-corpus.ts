/**
 * Deterministic synthetic documents for the corpus and measures benches, made from the seeds' own
 * paragraphs (as the parser cleans them) recombined: seed-format files (front matter + a Sina
 * `#artibody`-style body with the promo block and editor line the parser strips) with unique titles
 * and dates, and long plain texts for the detector.
 */
import type { Article } from '../../../lib/corpus/article';
import { prng } from './related-corpus';

const EDITORS = ['刘万里 SF014', '逯文云', '王珊珊', '张文 SF099', '李铁民'];
const PROMO = `<style>.appendQr_wrap&#123;border:1px solid #E6E6E6;padding:8px;&#125;</style>
<div class="clearfix appendQr_wrap">
  <div class="appendQr_normal"><img src="https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png" referrerpolicy="no-referrer"></div>
  <div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div>
</div>`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const quoteYaml = (s: string) => `'${s.replace(/'/g, "''")}'`;

export type SyntheticDocument = { name: string; text: string };

/**
 * `count` seed-format documents of 3–12 paragraphs drawn from the seeds' paragraphs. Titles are a
 * seed title's speaker (国家医保局, 李克强 …) and a clause of the first paragraph, numbered so no two
 * are equal; dates step 7 hours apart from 2019-01-01 with a random offset, so ids are unique too.
 */
export function syntheticSeedDocuments(seeds: readonly Article[], count: number, seed = 20220507): SyntheticDocument[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const pool = seeds.flatMap((a) => a.paragraphs);
  const speakers = seeds.map((a) => a.title.split('：')[0]!).filter((s) => s.length <= 8);
  const docs: SyntheticDocument[] = [];
  for (let i = 0; i < count; i++) {
    const paragraphs = sample(pool, 3 + Math.floor(rand() * 10), rand);
    const clause = paragraphs[0]!.split(/[，。；]/).find((c) => c.length >= 8) ?? paragraphs[0]!;
    const title = `${pick(speakers)}：${clause.slice(0, 28)}（${i + 1}）`;
    const date = new Date(Date.UTC(2019, 0, 1) + i * 7 * 3600_000 + Math.floor(rand() * 6 * 3600_000));
    const body = paragraphs.map((p) => `<p cms-style="font-L">　　${escapeHtml(p)}</p>`).join('\n');
    const text = [
      '---',
      `title: ${quoteYaml(title)}`,
      'categories: ',
      ' - 金融',
      ' - 新浪财经',
      'author: 新浪财经',
      'comments: false',
      `date: ${date.toUTCString()}`,
      '---',
      '',
      '<div>',
      body,
      '<!-- news_keyword_pub,stock, -->',
      PROMO,
      `<p class="article-editor">责任编辑：${pick(EDITORS)}</p>`,
      '</div>',
      '',
    ].join('\n');
    docs.push({ name: `synthetic/${String(i).padStart(4, '0')}.txt`, text });
  }
  return docs;
}

/**
 * Paragraphs drawn from the seeds in seeded random order (repeats included), joined by '\n': until the
 * text is at least `bytes` of UTF-8, or cut to exactly `chars` characters.
 */
export function syntheticText(seeds: readonly Article[], size: { bytes: number } | { chars: number }, seed = 100): string {
  const rand = prng(seed);
  const pool = seeds.flatMap((a) => a.paragraphs);
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let bytes = 0;
  let chars = 0;
  const done = () => ('bytes' in size ? bytes >= size.bytes : chars >= size.chars);
  while (!done()) {
    const p = pool[Math.floor(rand() * pool.length)]!;
    parts.push(p);
    bytes += encoder.encode(p).length + 1;
    chars += p.length + 1;
  }
  const text = parts.join('\n');
  return 'chars' in size ? text.slice(0, size.chars) : text;
}

/** `n` distinct items of `xs` in random order (partial Fisher–Yates). */
function sample<T>(xs: readonly T[], n: number, rand: () => number): T[] {
  const copy = [...xs];
  const k = Math.min(n, copy.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, k);
}
