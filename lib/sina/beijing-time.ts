/**
 * Sina prints times in Beijing time (UTC+8, no daylight saving). Every form is turned into
 * ISO 8601 with an explicit +08:00 offset, so a stored time reads the same as the page.
 */
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
/** `2021-06-04 20:30:57`, `2021-06-04 20:30`, `2021年06月04日 20:30`, `2021年6月4日20:30`. */
const LOCAL = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?\s*(?:T|\s)*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?/;

const pad = (n: number) => String(n).padStart(2, '0');

function format(y: number, mo: number, d: number, h: number, mi: number, s: number): string | null {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`;
}

/** `2021-06-04T20:30:57+08:00` from any Sina time text; a time with another offset is converted. */
export function toBeijingIso(text: string | null | undefined): string | null {
  const s = (text ?? '').trim();
  if (!s) return null;
  const iso = ISO_WITH_OFFSET.exec(s);
  if (iso) {
    const utc = Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isNaN(utc)) return null;
    const b = new Date(utc + 8 * 3600_000);
    return format(b.getUTCFullYear(), b.getUTCMonth() + 1, b.getUTCDate(), b.getUTCHours(), b.getUTCMinutes(), b.getUTCSeconds());
  }
  const m = LOCAL.exec(s);
  if (!m) return null;
  const n = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  return format(n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!);
}
