import { describe, expect, it } from 'vitest';
import { parseDocumentDate } from './parse-date';

const iso = (s: string) => parseDocumentDate(s)?.toISOString() ?? null;

describe('parseDocumentDate', () => {
  it('reads the RFC 822 dates of the seeds', () => {
    expect(iso('Fri, 04 Jun 2021 12:30:57 GMT')).toBe('2021-06-04T12:30:57.000Z');
    expect(iso('Sat, 07 May 2022 14:32:36 GMT')).toBe('2022-05-07T14:32:36.000Z');
  });

  it('reads RFC 822 variants: no weekday, no seconds, numeric zones', () => {
    expect(iso('4 Jun 2021 20:30 +0800')).toBe('2021-06-04T12:30:00.000Z');
    expect(iso('Fri, 04 Jun 2021 12:30:57 UTC')).toBe('2021-06-04T12:30:57.000Z');
    expect(iso('04 Jun 2021 07:30:57 -0500')).toBe('2021-06-04T12:30:57.000Z');
  });

  it('reads ISO 8601 with Z or an offset, and fractions of a second', () => {
    expect(iso('2021-06-04T12:30:57Z')).toBe('2021-06-04T12:30:57.000Z');
    expect(iso('2021-06-04T20:30:57+08:00')).toBe('2021-06-04T12:30:57.000Z');
    expect(iso('2021-06-04T12:30:57.25Z')).toBe('2021-06-04T12:30:57.250Z');
  });

  it('reads a date or time without a zone as Beijing time', () => {
    expect(iso('2021-06-04 20:30:57')).toBe('2021-06-04T12:30:57.000Z');
    expect(iso('2021-06-04')).toBe('2021-06-03T16:00:00.000Z');
  });

  it('refuses what is not a real date in an accepted form', () => {
    for (const bad of ['yesterday', '2021/06/04', 'Fri, 31 Jun 2021 12:30:57 GMT', '2021-02-29', '2021-13-01', '2021-06-04T24:00:00Z', '04 Foo 2021 12:00 GMT', '2021-06-04T12:00+15:00', '']) {
      expect(iso(bad), bad).toBeNull();
    }
    expect(iso('2024-02-29')).toBe('2024-02-28T16:00:00.000Z');
  });
});
