import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeasureInsight } from '@/lib/insight/analyze';
import { setLang } from '@/lib/i18n';
import { MeasureList } from './MeasureList';

const measure = (id: string, by: MeasureInsight['by']): MeasureInsight => ({
  id,
  name: id === 'payment-method-reform' ? '医保支付方式改革' : '医保基金监管',
  gloss: id,
  category: id === 'payment-method-reform' ? 'payment-reform' : 'fund-supervision',
  by,
  mentions: [
    {
      start: 2,
      end: 8,
      quote: '医保支付机制',
      sentence: '完善医保支付机制。',
      target: { exact: '医保支付机制', prefix: '完善', suffix: '。', start: 2, end: 8 },
    },
  ],
  timeline: [],
  timelineTotal: 0,
});

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  setLang('en');
});

function mount(measures: MeasureInsight[]): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<MeasureList measures={measures} onReveal={() => {}} />, root!));
  return root;
}

describe('MeasureList: measures found by wording', () => {
  it('marks a measure found only by wording, and only that one, in English and Chinese', () => {
    const list = [measure('payment-method-reform', 'wording'), measure('fund-supervision', 'name')];
    let el = mount(list);
    const badges = [...el.querySelectorAll<HTMLElement>('[data-testid="by-wording"]')];
    expect(badges.map((b) => b.closest('li')?.dataset.measureId)).toEqual(['payment-method-reform']);
    expect(badges[0]!.textContent).toBe('by wording');
    expect(badges[0]!.title).toBe('The article does not name this measure; its wording describes it.');

    render(null, root!);
    root!.remove();
    setLang('zh');
    el = mount(list);
    expect(el.querySelector('[data-testid="by-wording"]')?.textContent).toBe('据措辞');
  });
});
