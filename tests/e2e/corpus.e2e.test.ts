import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStore } from './support/extension-db';
import { BROWSERS, useLens, type LensPage } from './support/lens';

const IMPORT_DIR = path.resolve(import.meta.dirname, '../fixtures/import');
const SEED_TITLES = [
  '韩正：医保基金是群众的_救命钱_ 要持续加大监管力度',
  '国家医保局：全力发挥医保支持疫情防控的作用',
];

type Row = { id: string; title: string; origin: string; paragraphs: string[] };
const articles = (page: LensPage) => page.evaluate(readStore, 'articles') as Promise<Row[]>;

describe.each(BROWSERS)('corpus in %s', (name) => {
  const lens = useLens(name);

  it('seeds the five seed articles into IndexedDB on install', async () => {
    const options = await lens.browser.openExtensionPage('/options.html');
    await options.waitFor('the options page to list five seed articles', () => document.querySelectorAll('tr[data-origin="seed"]').length === 5);
    const rows = await articles(options);
    expect(rows.filter((r) => r.origin === 'seed')).toHaveLength(5);
    const titles = rows.map((r) => r.title);
    for (const t of SEED_TITLES) expect(titles).toContain(t);
    for (const r of rows) expect(r.paragraphs.length).toBeGreaterThan(0);
    await options.close();
  });

  it('imports two files through the options page and refuses a bad one without changing the corpus', async () => {
    const options = await lens.browser.openExtensionPage('/options.html');
    await options.waitFor('the corpus list', () => document.querySelectorAll('tr[data-origin="seed"]').length === 5);
    const before = await articles(options);

    // A bad file alone: refused with its reason, nothing written.
    await options.setInputFiles('[data-testid="import-input"]', [path.join(IMPORT_DIR, 'missing-title.txt')]);
    await options.waitFor('the refusal', () => document.querySelector('[data-testid="import-results"] [data-status="refused"]'));
    const reason = await options.evaluate(() => document.querySelector('[data-status="refused"] .reason')?.textContent ?? '');
    expect(reason).toContain('missing-title.txt');
    expect(reason.toLowerCase()).toContain('title');
    expect((await articles(options)).map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());

    // Two good files at once.
    await options.setInputFiles('[data-testid="import-input"]', [
      path.join(IMPORT_DIR, 'drg-dip-plan.txt'),
      path.join(IMPORT_DIR, 'cross-province-settlement.txt'),
    ]);
    await options.waitFor('two imported results', () => document.querySelectorAll('[data-testid="import-results"] [data-status="imported"]').length === 2);
    const after = await articles(options);
    expect(after).toHaveLength(before.length + 2);
    const imported = after.filter((r) => r.origin === 'imported').map((r) => r.title).sort();
    expect(imported).toEqual(['国家医保局印发DRG_DIP支付方式改革三年行动计划', '跨省异地就医直接结算扩面提速 门诊费用跨省直接结算覆盖所有统筹地区'].sort());
    await options.waitFor('the list to show imported rows', () => document.querySelectorAll('tr[data-origin="imported"]').length === 2);

    // The same file again is "already there", by drag and drop this time.
    await options.evaluate(async (text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
      document.querySelector('[data-testid="dropzone"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, readFileSync(path.join(IMPORT_DIR, 'drg-dip-plan.txt'), 'utf8'));
    await options.waitFor('the dropped file result', () => document.querySelector('[data-testid="import-results"] li strong')?.textContent === 'dropped.txt');
    expect(await options.evaluate(() => document.querySelector('[data-testid="import-results"] li')?.getAttribute('data-status'))).toBe('duplicate');
    expect((await articles(options)).length).toBe(before.length + 2);

    // An imported article can be removed, after a confirmation; the seeds offer no remove button.
    expect(await options.evaluate(() => document.querySelectorAll('tr[data-origin="seed"] button').length)).toBe(0);
    await options.evaluate(() => (document.querySelector('tr[data-origin="imported"] [data-testid="remove"]') as HTMLButtonElement).click());
    await options.waitFor('the confirmation', () => document.querySelector('[data-testid="confirm-remove-yes"]'));
    await options.evaluate(() => (document.querySelector('[data-testid="confirm-remove-yes"]') as HTMLButtonElement).click());
    await options.waitFor('one imported row left', () => document.querySelectorAll('tr[data-origin="imported"]').length === 1);
    expect((await articles(options)).length).toBe(before.length + 1);
    await options.close();
  });
});
