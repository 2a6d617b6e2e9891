import type { PaletteEntry } from '@/lib/highlights/colors';
import { t } from '@/lib/i18n';
import type { MeasureOption } from '@/lib/library/deps';
import { dateRangeReversed, hasFieldFilters, toggleColor, type LibraryFilters } from '@/lib/library/list-query';

type Props = {
  filters: LibraryFilters;
  palette: PaletteEntry[];
  measures: MeasureOption[];
  onChange(next: LibraryFilters): void;
};

/** Groups the measure options by category, keeping their order. */
function byCategory(measures: MeasureOption[]): { label: string; options: MeasureOption[] }[] {
  const groups: { label: string; options: MeasureOption[] }[] = [];
  for (const m of measures) {
    const last = groups[groups.length - 1];
    if (last && last.label === m.categoryLabel) last.options.push(m);
    else groups.push({ label: m.categoryLabel, options: [m] });
  }
  return groups;
}

/** Colour toggles (none pressed: every colour), a policy measure, and a range of highlight dates. */
export function FilterBar({ filters, palette, measures, onChange }: Props) {
  const set = (patch: Partial<LibraryFilters>) => onChange({ ...filters, ...patch });
  const reversed = dateRangeReversed(filters);
  return (
    <fieldset class="filter-bar" data-testid="library-filters">
      <legend class="visually-hidden">{t('library.filter.label')}</legend>
      <div class="filter-colors" role="group" aria-label={t('library.filter.colors')}>
        {palette.map((p) => {
          const on = filters.colors.includes(p.id);
          return (
            <button
              key={p.id}
              type="button"
              class={`chip${on ? ' on' : ''}`}
              aria-pressed={on}
              title={t('library.filter.color', p.label)}
              data-testid={`filter-color-${p.id}`}
              onClick={() => set({ colors: toggleColor(filters.colors, p.id) })}
            >
              <span class="swatch" style={{ background: p.swatch }} aria-hidden="true" />
              {p.label}
            </button>
          );
        })}
      </div>
      <div class="filter-row">
        <label class="filter-field">
          <span>{t('library.filter.measure')}</span>
          <select
            data-testid="filter-measure"
            value={filters.measureId}
            onChange={(e) => set({ measureId: (e.currentTarget as HTMLSelectElement).value })}
          >
            <option value="">{t('library.filter.anyMeasure')}</option>
            {byCategory(measures).map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.options.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      </div>
      <div class="filter-row">
        <label class="filter-field">
          <span>{t('library.filter.from')}</span>
          <input
            type="date"
            data-testid="filter-from"
            value={filters.from}
            max={filters.to || undefined}
            aria-invalid={reversed}
            onChange={(e) => set({ from: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
        <label class="filter-field">
          <span>{t('library.filter.to')}</span>
          <input
            type="date"
            data-testid="filter-to"
            value={filters.to}
            min={filters.from || undefined}
            aria-invalid={reversed}
            onChange={(e) => set({ to: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
        {hasFieldFilters(filters) && (
          <button
            type="button"
            class="link"
            data-testid="filter-reset"
            onClick={() => set({ colors: [], measureId: '', from: '', to: '' })}
          >
            {t('library.filter.reset')}
          </button>
        )}
      </div>
      {reversed && (
        <p class="error" role="alert">
          {t('library.filter.badRange')}
        </p>
      )}
    </fieldset>
  );
}
