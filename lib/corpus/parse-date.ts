/**
 * Strict date parsing for front matter. Date.parse is not used: beyond the one format the spec
 * pins down, engines disagree (and the date goes into the article id, which Node, Chrome and
 * Firefox must compute alike).
 *
 * Accepted:
 * - RFC 822 / 1123, as the seeds have it: `Fri, 04 Jun 2021 12:30:57 GMT` (weekday optional and
 *   not checked; seconds optional; zone GMT, UT, UTC, Z or ±hhmm).
 * - ISO 8601: `2021-06-04T12:30:57Z`, `2021-06-04 20:30:57+08:00`, `2021-06-04T20:30`,
 *   `2021-06-04` (fractions of a second allowed; zone Z, ±hh:mm or ±hhmm).
 * A date or time without a zone is Beijing time (+08:00): Sina publishes in Beijing time, and
 * Hexo-style files leave the zone to the site's setting.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const BEIJING_OFFSET_MINUTES = 8 * 60;

const RFC_822 =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun),?\s+)?(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(gmt|ut|utc|z|[+-]\d{4})$/i;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number; offsetMinutes: number };

/** The instant a front-matter date names, or null when it is not a date in an accepted form. */
export function parseDocumentDate(text: string): Date | null {
  const parts = rfc822Parts(text.trim()) ?? isoParts(text.trim());
  return parts ? toDate(parts) : null;
}

function rfc822Parts(s: string): Parts | null {
  const m = RFC_822.exec(s);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return null;
  return {
    year: Number(m[3]),
    month,
    day: Number(m[1]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    ms: 0,
    offsetMinutes: zoneOffset(m[7]!),
  };
}

function isoParts(s: string): Parts | null {
  const m = ISO_8601.exec(s);
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: Math.floor(Number(`0.${m[7] ?? 0}`) * 1000),
    offsetMinutes: m[8] ? zoneOffset(m[8]) : BEIJING_OFFSET_MINUTES,
  };
}

/** Minutes east of UTC; NaN for an offset no zone has (hours over 14, minutes over 59). */
function zoneOffset(zone: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return 0; // GMT, UT, UTC, Z
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return Number.NaN;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function toDate(p: Parts): Date | null {
  if (Number.isNaN(p.offsetMinutes) || p.month < 1 || p.month > 12 || p.hour > 23 || p.minute > 59 || p.second > 59) return null;
  const daysInMonth = [31, isLeap(p.year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][p.month - 1]!;
  if (p.day < 1 || p.day > daysInMonth) return null;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(p.year, p.month - 1, p.day);
  date.setUTCHours(p.hour, p.minute - p.offsetMinutes, p.second, p.ms);
  return date;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
