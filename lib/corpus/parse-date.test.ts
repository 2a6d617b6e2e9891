import { describe, expect, it } from 'vitest';
import { parseDocumentDate } from './parse-date';

const iso = (s: string) => parseDocumentDate(s)?.toISOString() ?? null;

const READ: [form: string, input: string, instant: string][] = [
  ['RFC 822, as the seeds write it', 'Fri, 04 Jun 2021 12:30:57 GMT', '2021-06-04T12:30:57.000Z'],
  ['RFC 822, as the seeds write it', 'Sat, 07 May 2022 14:32:36 GMT', '2022-05-07T14:32:36.000Z'],
  ['RFC 822 with no weekday, no seconds and a numeric zone', '4 Jun 2021 20:30 +0800', '2021-06-04T12:30:00.000Z'],
  ['RFC 822 in UTC', 'Fri, 04 Jun 2021 12:30:57 UTC', '2021-06-04T12:30:57.000Z'],
  ['RFC 822 with a negative zone', '04 Jun 2021 07:30:57 -0500', '2021-06-04T12:30:57.000Z'],
  ['ISO 8601 with Z', '2021-06-04T12:30:57Z', '2021-06-04T12:30:57.000Z'],
  ['ISO 8601 with an offset', '2021-06-04T20:30:57+08:00', '2021-06-04T12:30:57.000Z'],
  ['ISO 8601 with fractions of a second', '2021-06-04T12:30:57.25Z', '2021-06-04T12:30:57.250Z'],
  ['a time without a zone, as Beijing time', '2021-06-04 20:30:57', '2021-06-04T12:30:57.000Z'],
  ['a date without a zone, as Beijing midnight', '2021-06-04', '2021-06-03T16:00:00.000Z'],
  ['29 February of a leap year', '2024-02-29', '2024-02-28T16:00:00.000Z'],
];

const REFUSED = [
  'yesterday',
  '2021/06/04',
  'Fri, 31 Jun 2021 12:30:57 GMT',
  '2021-02-29',
  '2021-13-01',
  '2021-06-04T24:00:00Z',
  '04 Foo 2021 12:00 GMT',
  '2021-06-04T12:00+15:00',
  '',
];

describe('parseDocumentDate', () => {
  it.each(READ)('reads %s: "%s" is %s', (_form, input, instant) => {
    expect(iso(input)).toBe(instant);
  });

  it.each(REFUSED)('refuses "%s", not a real date in an accepted form', (bad) => {
    expect(iso(bad)).toBeNull();
  });
});
