import { afterEach, describe, expect, it } from 'vitest';
import { openLensDB, type LensDB } from '../db/schema';
import { setLang } from '../i18n';
import { readColorRenames, saveColorRename } from './color-settings';
import {
  COLOR_LABEL_MAX,
  COLOR_STYLES,
  DEFAULT_COLOR,
  HIGHLIGHT_COLORS,
  colorLabels,
  colorOrDefault,
  palette,
  parseColorRenames,
  renameColor,
} from './colors';

afterEach(() => setLang('en'));

describe('palette', () => {
  it('has at least four colours with stable ids, styles for light and dark pages, and a default', () => {
    expect(HIGHLIGHT_COLORS).toEqual(['yellow', 'green', 'blue', 'pink']);
    expect(HIGHLIGHT_COLORS).toContain(DEFAULT_COLOR);
    for (const c of HIGHLIGHT_COLORS) expect(Object.keys(COLOR_STYLES[c]).sort()).toEqual(['dark', 'light', 'swatch']);
  });

  it('labels each colour with its meaning in the interface language', () => {
    setLang('zh');
    expect(colorLabels(undefined)).toEqual({ yellow: '重点', green: '数据', blue: '疑问', pink: '观点' });
    setLang('en');
    expect(colorLabels(undefined)).toEqual({ yellow: 'Key point', green: 'Data', blue: 'Question', pink: 'Opinion' });
  });

  it('merges the reader’s renames over the defaults, entry by entry', () => {
    setLang('zh');
    const stored = { blue: '  待核实 ', green: '', pink: 'x'.repeat(COLOR_LABEL_MAX + 1), purple: '紫', yellow: 7 };
    expect(parseColorRenames(stored)).toEqual({ blue: '待核实' });
    expect(palette(stored).map((p) => [p.id, p.label, p.renamed])).toEqual([
      ['yellow', '重点', false],
      ['green', '数据', false],
      ['blue', '待核实', true],
      ['pink', '观点', false],
    ]);
    for (const junk of [null, 'blue', ['blue'], 42]) expect(parseColorRenames(junk)).toEqual({});
  });

  it('renames, resets with an empty or default label, and refuses bad input with a clear message', () => {
    setLang('zh');
    let renames = renameColor({}, 'green', '政策数据');
    expect(renames).toEqual({ green: '政策数据' });
    renames = renameColor(renames, 'blue', '待核实');
    expect(renameColor(renames, 'green', '  ')).toEqual({ blue: '待核实' });
    expect(renameColor(renames, 'blue', '疑问')).toEqual({ green: '政策数据' });
    expect(() => renameColor(renames, 'purple', '紫')).toThrow('Rename colour: unknown colour "purple"');
    expect(() => renameColor(renames, 'pink', 'x'.repeat(COLOR_LABEL_MAX + 1))).toThrow(
      `Rename colour pink: label must be at most ${COLOR_LABEL_MAX} characters`,
    );
  });

  it('paints an unknown stored colour in the default colour rather than dropping it', () => {
    expect(colorOrDefault('green')).toBe('green');
    expect(colorOrDefault('ultraviolet')).toBe(DEFAULT_COLOR);
  });
});

describe('colour renames in the settings table', () => {
  let db: LensDB;
  afterEach(() => db?.delete());

  it('saves renames and reads them back', async () => {
    db = openLensDB(`test-${crypto.randomUUID()}`);
    expect(await readColorRenames(db)).toEqual({});
    await saveColorRename(db, 'pink', '立场');
    expect(await saveColorRename(db, 'yellow', '必读')).toEqual({ pink: '立场', yellow: '必读' });
    expect(await readColorRenames(db)).toEqual({ pink: '立场', yellow: '必读' });
    await expect(saveColorRename(db, 'teal', 'x')).rejects.toThrow('unknown colour "teal"');
    expect(await readColorRenames(db)).toEqual({ pink: '立场', yellow: '必读' });
  });
});
