import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

afterEach(() => vi.useRealTimers());

describe('debounce', () => {
  it('runs once, with the last arguments, after a pause', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 100);
    d('y');
    vi.advanceTimersByTime(50);
    d('yi');
    vi.advanceTimersByTime(50);
    d('医保');
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledExactlyOnceWith('医保');
  });

  it('flushes a pending call now, and cancels one', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 100);
    d('a');
    d.flush();
    expect(fn).toHaveBeenCalledExactlyOnceWith('a');
    d.flush();
    expect(fn).toHaveBeenCalledTimes(1);
    d('b');
    d.cancel();
    vi.advanceTimersByTime(200);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
