import { describe, expect, it } from 'vitest';
import { toBeijingIso } from './beijing-time';

describe('toBeijingIso', () => {
  it.each([
    ['article:published_time', '2021-06-04T20:30:57+08:00', '2021-06-04T20:30:57+08:00'],
    ['an offset without colon', '2021-06-04T20:30:57+0800', '2021-06-04T20:30:57+08:00'],
    ['UTC, converted', '2021-06-04T12:30:57Z', '2021-06-04T20:30:57+08:00'],
    ['UTC crossing midnight', '2021-12-31T17:00:00Z', '2022-01-01T01:00:00+08:00'],
    ['weibo create_at', '2021-06-04 20:30:57', '2021-06-04T20:30:57+08:00'],
    ['the desktop date line', '2021年06月04日 20:30', '2021-06-04T20:30:00+08:00'],
    ['an unpadded Chinese date', '2021年6月4日20:30', '2021-06-04T20:30:00+08:00'],
    ['the mobile time', '2021-06-04 20:30', '2021-06-04T20:30:00+08:00'],
    ['surrounding text', ' 发布时间：2021年06月04日 20:30 ', '2021-06-04T20:30:00+08:00'],
  ])('reads %s', (_name, input, expected) => {
    expect(toBeijingIso(input)).toBe(expected);
  });

  it.each([null, undefined, '', '今天', '2021年06月04日', '2021-02-30 10:00', '2021-06-04 25:00'])('gives null for %j', (input) => {
    expect(toBeijingIso(input)).toBeNull();
  });
});
