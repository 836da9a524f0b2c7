import type { TrackPointRequest } from '@convoy/contracts';
import { MAX_BATCH, MAX_QUEUED_POINTS, parseRetryAfter, retryDelayMs, toTrackPoint, TrackQueue } from './track-queue';

const point = (i: number): TrackPointRequest => ({ lat: 50, lon: 14 + i / 1000, recordedAt: new Date(1_000 * i).toISOString() });

describe('TrackQueue', () => {
  it('hands out one batch at a time and collects what arrives meanwhile for the next one', () => {
    const queue = new TrackQueue();
    queue.add(point(1));
    expect(queue.take()).toEqual([point(1)]);
    queue.add(point(2));
    queue.add(point(3));
    expect(queue.take()).toBeNull(); // one in flight
    expect(queue.size).toBe(3);
    queue.done();
    expect(queue.take()).toEqual([point(2), point(3)]);
  });

  it('puts a failed batch back in front, in order, before the points that came later', () => {
    const queue = new TrackQueue();
    queue.add(point(1));
    queue.add(point(2));
    queue.take();
    queue.add(point(3));
    queue.failed();
    expect(queue.take()).toEqual([point(1), point(2), point(3)]);
  });

  it('sends at most MAX_BATCH points per request', () => {
    const queue = new TrackQueue();
    for (let i = 0; i < MAX_BATCH + 5; i++) queue.add(point(i));
    expect(queue.take()).toHaveLength(MAX_BATCH);
    queue.done();
    expect(queue.take()).toHaveLength(5);
  });

  it('keeps the newest MAX_QUEUED_POINTS when the server stays out of reach', () => {
    const queue = new TrackQueue();
    for (let i = 0; i < MAX_QUEUED_POINTS + 10; i++) queue.add(point(i));
    expect(queue.size).toBe(MAX_QUEUED_POINTS);
    expect(queue.take()?.[0]).toEqual(point(10));
  });
});

describe('retry timing', () => {
  it('backs off 1 s, 2 s, 4 s … up to a minute', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n))).toEqual([1_000, 2_000, 4_000, 8_000, 60_000]);
  });

  it('honours Retry-After, as seconds or as a date', () => {
    expect(retryDelayMs(1, 7)).toBe(7_000);
    expect(parseRetryAfter('7', 0)).toBe(7);
    expect(parseRetryAfter(new Date(30_000).toUTCString(), 0)).toBe(30);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});

describe('toTrackPoint', () => {
  it('turns the browser position into a track point; NaN readings (heading while standing) become null', () => {
    const position = {
      timestamp: Date.parse('2026-12-01T10:00:00Z'),
      coords: { latitude: 52.52, longitude: 13.405, accuracy: 12, heading: Number.NaN, speed: 0, altitude: null, altitudeAccuracy: null },
    } as unknown as GeolocationPosition;
    expect(toTrackPoint(position, 64)).toEqual({
      lat: 52.52,
      lon: 13.405,
      accuracy: 12,
      heading: null,
      speed: 0,
      altitude: null,
      recordedAt: '2026-12-01T10:00:00.000Z',
      battery: 64,
    });
  });
});
