import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { DriverDto, PublicConfigDto } from '@convoy/contracts';
import { AuthStore } from '../auth/auth.store';
import { PublicConfigStore } from '../config/public-config.store';
import { API } from '../http/api-paths';
import { DRIVERS_PATH } from './drivers-api';
import { FRAME_SCHEDULER } from './frame-scheduler';
import { LIVE_CHANNEL, type LiveChannelHandlers } from './live-channel';
import { driverDto, positionAt } from './live-test-data';
import { LiveStore, STATUS_RECOMPUTE_MS } from './live.store';

const T0 = Date.parse('2026-11-24T09:00:00.000Z');

describe('LiveStore', () => {
  let store: LiveStore;
  let http: HttpTestingController;
  let handlers: LiveChannelHandlers;
  let frames: Array<() => void>;
  const channel = { reconnect: jest.fn(), close: jest.fn() };

  /** Runs the pending animation frame (the store asks for at most one at a time). */
  function frame(): void {
    const pending = frames.splice(0);
    for (const run of pending) run();
  }

  /** Answers the REST list the store asks for, then lets the frame apply it. */
  async function answerList(drivers: DriverDto[]): Promise<void> {
    http.expectOne(DRIVERS_PATH).flush(drivers);
    await Promise.resolve();
    await Promise.resolve();
    frame();
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: T0, doNotFake: ['queueMicrotask', 'nextTick'] });
    frames = [];
    channel.reconnect.mockClear();
    channel.close.mockClear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        LiveStore,
        {
          provide: LIVE_CHANNEL,
          useValue: (h: LiveChannelHandlers) => {
            handlers = h;
            return channel;
          },
        },
        {
          provide: FRAME_SCHEDULER,
          useValue: (run: () => void) => {
            frames.push(run);
            return () => frames.splice(frames.indexOf(run), 1);
          },
        },
      ],
    });
    store = TestBed.inject(LiveStore);
    http = TestBed.inject(HttpTestingController);
    store.start();
  });

  afterEach(() => {
    store.stop();
    http.verify();
    jest.useRealTimers();
  });

  it('loads the fleet from REST and then from the snapshot', async () => {
    expect(store.loaded()).toBe(false);
    await answerList([driverDto('a', { lastPosition: positionAt('a', T0 - 1_000) })]);
    expect(store.loaded()).toBe(true);
    expect(store.driver('a')?.status).toBe('live');
    expect(store.fleet().changed).toBeNull(); // a full replace: anything may have changed

    handlers.connected();
    handlers.snapshot([driverDto('a'), driverDto('b')]);
    frame();
    expect([...store.fleet().drivers.keys()]).toEqual(['a', 'b']);
    expect(store.connection()).toBe('connected');
  });

  describe('a positions batch', () => {
    beforeEach(async () => {
      await answerList([
        driverDto('a', { lastPosition: positionAt('a', T0 - 10_000, 50, 14) }),
        driverDto('b', { lastPosition: positionAt('b', T0 - 10_000, 48, 16) }),
        driverDto('c'),
      ]);
    });

    it('moves the drivers it names and nobody else', () => {
      const untouched = store.driver('c');
      handlers.positions([positionAt('a', T0 - 5_000, 50.1, 14.1), positionAt('b', T0 - 4_000, 48.2, 16.2)]);
      frame();

      expect(store.driver('a')?.lastPosition).toMatchObject({ latitude: 50.1, longitude: 14.1 });
      expect(store.driver('b')?.lastPosition).toMatchObject({ latitude: 48.2, longitude: 16.2 });
      expect(store.driver('c')).toBe(untouched);
      expect(store.fleet().changed).toEqual(new Set(['a', 'b'])); // the map looks at these two only
      expect(store.driver('a')?.trail).toEqual([
        [50, 14],
        [50.1, 14.1],
      ]);
    });

    it('keeps the newest point when an older one arrives late', () => {
      handlers.positions([positionAt('a', T0 - 2_000, 50.3, 14.3), positionAt('a', T0 - 6_000, 50.2, 14.2)]);
      handlers.positions([positionAt('a', T0 - 8_000, 50.9, 14.9)]);
      frame();

      expect(store.driver('a')?.lastPosition).toMatchObject({ latitude: 50.3, longitude: 14.3 });
      expect(store.driver('a')?.trail.at(-1)).toEqual([50.3, 14.3]);
    });

    it('fetches a driver it does not know yet, once', async () => {
      handlers.positions([positionAt('new', T0 - 1_000, 45, 10)]);
      handlers.positions([positionAt('new', T0 - 500, 45.1, 10.1)]);
      frame();

      const request = http.expectOne(`${DRIVERS_PATH}/new`);
      request.flush(driverDto('new', { lastPosition: positionAt('new', T0 - 500, 45.1, 10.1) }));
      await Promise.resolve();
      await Promise.resolve();
      frame();
      expect(store.driver('new')?.status).toBe('live');
    });
  });

  it('applies a burst of socket events once, in the next frame', async () => {
    await answerList([driverDto('a', { lastPosition: positionAt('a', T0 - 60_000) })]);
    const framesBefore = store.framesApplied();
    const revisionBefore = store.fleet().revision;

    for (let i = 1; i <= 500; i++) handlers.positions([positionAt('a', T0 - 60_000 + i * 100, 50 + i / 1000, 14)]);
    handlers.driver({ type: 'upsert', driver: driverDto('z') });

    expect(frames).toHaveLength(1); // one frame requested for the whole burst
    expect(store.driver('a')?.lastPosition?.latitude).toBe(50); // nothing applied before it
    frame();
    expect(store.framesApplied()).toBe(framesBefore + 1);
    expect(store.fleet().revision).toBe(revisionBefore + 1); // one publish, one change detection
    expect(store.driver('a')?.lastPosition?.latitude).toBe(50.5);
    expect(store.driver('a')?.trail).toHaveLength(20);
    expect(store.driver('z')).toBeDefined();
  });

  describe('status as time passes', () => {
    it('decays live → stale → offline without any event', async () => {
      await answerList([driverDto('a', { status: 'live', lastPosition: positionAt('a', T0) })]);
      expect(store.driver('a')?.status).toBe('live');
      expect(store.counts()).toEqual({ live: 1, stale: 0, offline: 0, 'sharing-ended': 0 });

      jest.advanceTimersByTime(60_000 + STATUS_RECOMPUTE_MS);
      frame();
      expect(store.driver('a')?.status).toBe('stale');

      jest.advanceTimersByTime(30 * 60_000);
      frame();
      expect(store.driver('a')?.status).toBe('offline');
      expect(store.counts()).toEqual({ live: 0, stale: 0, offline: 1, 'sharing-ended': 0 });
    });

    it("uses the server's live window: with AUTO_TRACK_INTERVAL=120 a driver quiet for 3 minutes is still live", async () => {
      void TestBed.inject(PublicConfigStore).load();
      const config: Partial<PublicConfigDto> = { version: '0.1.0', botEnabled: true, liveWithinSeconds: 240 };
      http.expectOne(API.config).flush(config);
      await Promise.resolve();
      await answerList([driverDto('a', { status: 'live', lastPosition: positionAt('a', T0) })]);

      jest.advanceTimersByTime(3 * 60_000);
      frame();
      expect(store.driver('a')?.status).toBe('live');
      jest.advanceTimersByTime(60_000 + STATUS_RECOMPUTE_MS);
      frame();
      expect(store.driver('a')?.status).toBe('stale');
    });

    it('keeps a sharing driver stale, and ends a live location when its period runs out', async () => {
      await answerList([
        driverDto('sharing', { lastPosition: positionAt('sharing', T0), sharingSince: new Date(T0).toISOString() }),
        driverDto('until', {
          lastPosition: positionAt('until', T0),
          sharingSince: new Date(T0).toISOString(),
          liveUntil: new Date(T0 + 10 * 60_000).toISOString(),
        }),
      ]);
      jest.advanceTimersByTime(2 * 60 * 60_000);
      frame();
      expect(store.driver('sharing')?.status).toBe('stale');
      expect(store.driver('until')?.status).toBe('sharing-ended');
    });

    it('keeps "sharing ended" until a newer position arrives', async () => {
      await answerList([driverDto('a', { lastPosition: positionAt('a', T0 - 1_000) })]);
      handlers.driver({
        type: 'upsert',
        driver: driverDto('a', {
          status: 'sharing-ended',
          lastPosition: positionAt('a', T0 - 1_000),
          sharingEndedAt: new Date(T0 - 500).toISOString(),
        }),
      });
      frame();
      expect(store.driver('a')?.status).toBe('sharing-ended');

      handlers.positions([positionAt('a', T0 - 2_000)]); // older: changes nothing
      frame();
      expect(store.driver('a')?.status).toBe('sharing-ended');

      handlers.positions([positionAt('a', T0)]);
      frame();
      expect(store.driver('a')?.status).toBe('live');
    });
  });

  describe('reconnecting', () => {
    beforeEach(async () => {
      await answerList([
        driverDto('a', { lastPosition: positionAt('a', T0 - 5_000) }),
        driverDto('b', { lastPosition: positionAt('b', T0 - 5_000) }),
      ]);
      handlers.connected();
    });

    it('re-reads GET /api/drivers and the snapshot: drivers deleted meanwhile disappear', async () => {
      handlers.disconnected(true);
      expect(store.connection()).toBe('disconnected');
      handlers.reconnecting(3);
      expect(store.reconnectAttempt()).toBe(3);

      handlers.connected();
      expect(store.connection()).toBe('connected');
      expect(store.reconnectAttempt()).toBe(0);
      await answerList([
        driverDto('a', { lastPosition: positionAt('a', T0 - 1_000, 51, 15) }),
        driverDto('c', { lastPosition: positionAt('c', T0 - 1_000) }),
      ]);
      expect([...store.fleet().drivers.keys()].sort()).toEqual(['a', 'c']);
      expect(store.driver('a')?.lastPosition).toMatchObject({ latitude: 51, longitude: 15 });

      handlers.snapshot([driverDto('c', { lastPosition: positionAt('c', T0 - 1_000) })]);
      frame();
      expect([...store.fleet().drivers.keys()]).toEqual(['c']);
    });

    it('ignores a REST answer overtaken by the snapshot', async () => {
      handlers.disconnected(true);
      handlers.connected();
      handlers.snapshot([driverDto('a'), driverDto('b'), driverDto('new')]);
      http.expectOne(DRIVERS_PATH).flush([driverDto('a')]); // read before the snapshot was sent
      await Promise.resolve();
      await Promise.resolve();
      frame();
      expect([...store.fleet().drivers.keys()].sort()).toEqual(['a', 'b', 'new']);
    });

    it('a deleted driver stays deleted when a late position arrives', () => {
      handlers.driver({ type: 'deleted', driverId: 'b' });
      handlers.positions([positionAt('b', T0)]);
      frame();
      expect(store.driver('b')).toBeUndefined();
      http.expectNone(`${DRIVERS_PATH}/b`);
    });
  });

  describe('a refused handshake', () => {
    beforeEach(() => answerList([]));

    it('signs out when the session is gone', async () => {
      const auth = TestBed.inject(AuthStore);
      const clear = jest.spyOn(auth, 'clear');
      const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

      handlers.refused('unauthorized');
      http.expectOne(API.me).flush({ message: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
      await Promise.resolve();
      await Promise.resolve();

      expect(store.connection()).toBe('unauthorized');
      expect(clear).toHaveBeenCalled();
      expect(channel.close).toHaveBeenCalled();
      expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { reason: 'expired' } });
    });

    it('signs out and says why when the server closes the feed because the credential ended', async () => {
      const clear = jest.spyOn(TestBed.inject(AuthStore), 'clear');
      const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

      handlers.revoked('account-disabled');
      handlers.disconnected(false); // the disconnect that follows changes nothing

      expect(store.connection()).toBe('unauthorized');
      expect(clear).toHaveBeenCalled();
      expect(channel.close).toHaveBeenCalled();
      expect(navigate).toHaveBeenCalledTimes(1);
      expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { reason: 'account-disabled' } });
      jest.advanceTimersByTime(60_000);
      expect(channel.reconnect).not.toHaveBeenCalled();
    });

    it('retries with back-off when the session is fine (the server could not check it)', async () => {
      handlers.refused('unauthorized');
      http.expectOne(API.me).flush({ user: { id: 'u', email: 'a@b.c', role: 'viewer' }, via: 'session' });
      await Promise.resolve();
      await Promise.resolve();

      expect(store.connection()).toBe('disconnected');
      expect(store.reconnectAttempt()).toBe(1);
      jest.advanceTimersByTime(1_600);
      expect(channel.reconnect).toHaveBeenCalledTimes(1);
    });

    it('retries without asking who is signed in when the server is unavailable', async () => {
      handlers.refused('unavailable');
      await Promise.resolve();

      http.expectNone(API.me);
      expect(store.connection()).toBe('disconnected');
      jest.advanceTimersByTime(1_600);
      expect(channel.reconnect).toHaveBeenCalledTimes(1);
    });
  });
});
