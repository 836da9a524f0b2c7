import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { throttledSignal } from './throttled-signal';

describe('throttledSignal', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function throttle(intervalMs: number) {
    const source = signal(0);
    const throttled = TestBed.runInInjectionContext(() => throttledSignal(source, intervalMs));
    TestBed.tick();
    return { source, throttled };
  }

  it('passes the first change at once, even right after it was created', () => {
    const { source, throttled } = throttle(1_000);
    expect(throttled()).toBe(0);
    source.set(1); // e.g. the fleet's first snapshot, a moment after the page opened
    TestBed.tick();
    expect(throttled()).toBe(1);
  });

  it('folds later changes into one update at the end of the interval, the latest value winning', () => {
    const { source, throttled } = throttle(1_000);
    source.set(1);
    TestBed.tick();
    source.set(2);
    TestBed.tick();
    source.set(3);
    TestBed.tick();
    expect(throttled()).toBe(1);
    jest.advanceTimersByTime(999);
    expect(throttled()).toBe(1);
    jest.advanceTimersByTime(1);
    expect(throttled()).toBe(3);
  });

  it('after a quiet interval, the next change passes at once again', () => {
    const { source, throttled } = throttle(1_000);
    source.set(1);
    TestBed.tick();
    jest.advanceTimersByTime(5_000);
    source.set(2);
    TestBed.tick();
    expect(throttled()).toBe(2);
  });
});
