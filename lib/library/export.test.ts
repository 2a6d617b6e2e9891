import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLensDB, type LensDB } from '../db/schema';
import { createBackup, serializeBackup, backupFileName } from './backup';
import { annotationId, exportAnnotations, highlightIdFromAnnotation, serializeAnnotations, toAnnotation } from './export-annotations';
import { escapeMarkdown, exportMarkdown, obsidianTag } from './export-markdown';
import { groupAll } from './search';
import { ARTICLES, HIGHLIGHTS, byId } from '../../tests/support/library';

// The expected files were written once from reviewed output and are read, not regenerated, here.
const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/export', name), 'utf8');
const LABELS = { yellow: '重点', green: '数据', blue: '疑问', pink: '观点' };
const FIXED_IDS = ['0b6a1e52-7c43-4f0e-9d8a-5e2c1f3a4b6d', '9d7e5c3a-1b2f-4e6d-8a0c-2f4e6a8c0e1b'];
const fixedIds = () => {
  let n = 0;
  return () => FIXED_IDS[n++]!;
};

/** What Markdown and Obsidian would act on is escaped; ordinary text is left alone. */
const ESCAPED: [what: string, input: string, output: string][] = [
  [
    'escapes the inline marks _ * [ ] < > # ` | ~ $ ^ & \\',
    '医保基金是群众的_救命钱_ *重要* [1] <b> #标签 `x` a|b ~5~10 $9 ^id &amp; \\',
    '医保基金是群众的\\_救命钱\\_ \\*重要\\* \\[1\\] \\<b\\> \\#标签 \\`x\\` a\\|b \\~5\\~10 \\$9 \\^id \\&amp; \\\\',
  ],
  ['leaves percentages, brackets and a minus sign alone', '增长14.3% (同比) -5%', '增长14.3% (同比) -5%'],
  ["escapes Obsidian's highlight and comment marks", '==高亮== %%注%%', '=\\=高亮=\\= %\\%注%\\%'],
  // Line-start markers: lists, thematic breaks, setext underlines, indented code.
  ['escapes a - list marker at the start of a line', '- 列表', '\\- 列表'],
  ['escapes a + list marker at the start of a line', '+ 列表', '\\+ 列表'],
  ['escapes an ordered list marker', '1. 列表', '1\\. 列表'],
  ['leaves a number with a dot that is no list marker alone', '2021.06 数据', '2021.06 数据'],
  ['escapes a thematic break', '---', '\\---'],
  ['drops the indent that would make code', '    缩进', '缩进'],
  ['joins lines, so no setext heading forms', '两行\n标题', '两行 标题'],
];

const TAGS: [what: string, input: string, tag: string][] = [
  ['a space becomes _', '基金 监管', '#基金_监管'],
  ['a slash stays, brackets go', 'DRG/DIP (三年)', '#DRG/DIP_三年'],
  ['full-width letters fold to half width', 'ＤＲＧ付费', '#DRG付费'],
  ['a number alone gets a leading _', '2021', '#_2021'],
  ['CJK punctuation goes', '《条例》，解读', '#条例_解读'],
  ['a hyphen stays', 'drg-payment', '#drg-payment'],
];

let db: LensDB;
afterEach(() => db?.delete());

describe('exportMarkdown', () => {
  it('writes the expected file: a section per article, quotes, labels, notes and tags', () => {
    expect(exportMarkdown(groupAll(HIGHLIGHTS, ARTICLES), { colorLabels: LABELS })).toBe(fixture('highlights.md'));
  });

  it('is deterministic: the same library in another order gives the same text', () => {
    const again = exportMarkdown(groupAll([...HIGHLIGHTS].reverse(), [...ARTICLES].reverse()), { colorLabels: LABELS });
    expect(again).toBe(fixture('highlights.md'));
  });

  it.each(ESCAPED)('escapeMarkdown %s', (_what, input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  it.each(TAGS)('makes Obsidian tags: %s', (_what, input, tag) => {
    expect(obsidianTag(input)).toBe(tag);
  });

  it('writes a heading only for an empty library, and the default labels without options', () => {
    expect(exportMarkdown([])).toBe('# Policy Lens\n');
    const out = exportMarkdown(groupAll([byId('h-d-1')], []));
    expect(out).toMatch(/^# Policy Lens\n\n## \[多地医保局/);
    expect(out).toMatch(/\*\*(重点|Key point)\*\*/);
  });
});

describe('exportAnnotations', () => {
  it('writes the expected W3C Web Annotation collection', () => {
    const highlights = groupAll(HIGHLIGHTS, ARTICLES).flatMap((g) => g.highlights);
    const out = serializeAnnotations(exportAnnotations(highlights, { exportedAt: new Date('2024-05-04T12:00:00Z'), newId: fixedIds() }));
    expect(out).toBe(fixture('highlights.jsonld'));
  });

  it('gives each annotation its selectors, bodies and namespaced fields', () => {
    const a = toAnnotation(byId('3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f'));
    expect(a.id).toBe('urn:uuid:3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f');
    expect(a.body?.map((b) => [b.purpose, b.value])).toEqual([
      ['commenting', 'Verify the FIGURE against the 2020 bulletin.\n\n与2020年公报核对：\n- 2020年为2.1万亿元'],
      ['tagging', '数据'],
      ['tagging', '基金 支出'],
    ]);
    expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(toAnnotation(byId('h-d-1'))).not.toHaveProperty('body');
  });

  it('maps highlight ids to URNs and back', () => {
    for (const id of ['3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f', 'h-a-2', 'id with spaces/and:colons', '标注1']) {
      expect(highlightIdFromAnnotation(annotationId(id))).toBe(id);
    }
    expect(annotationId('h-a-2')).toBe('urn:policy-lens:highlight:h-a-2');
    expect(highlightIdFromAnnotation('https://hypothes.is/a/abc123')).toBe('https://hypothes.is/a/abc123');
  });
});

describe('createBackup', () => {
  it("writes the expected file: every highlight and setting, and the reader's articles but not seeds", async () => {
    db = openLensDB(`test-${crypto.randomUUID()}`);
    await db.articles.bulkAdd(ARTICLES);
    // Stored in another order and with other key orders than the fixture: the file must not care.
    await db.highlights.bulkAdd([...HIGHLIGHTS].reverse().map((h) => Object.fromEntries(Object.entries(h).reverse()) as typeof h));
    await db.settings.bulkPut([
      { key: 'highlights.colorLabels', value: { blue: '待核实' } },
      { key: 'corpus.addRead', value: false },
    ]);
    const backup = await createBackup(db, { now: () => new Date('2024-05-04T12:00:00Z') });
    expect(serializeBackup(backup)).toBe(fixture('backup.json'));
    expect(backup.articles.map((a) => a.origin)).toEqual(['read', 'imported']);
    expect(backupFileName(backup)).toBe('policy-lens-backup-2024-05-04.json');
  });
});
