import { getEventListeners, getMaxListeners } from 'node:events';
import { Logger } from '@nestjs/common';
import { ConvoyMetrics } from '@convoy/server/metrics';
import type { Telegraf } from 'telegraf';
import type { DataSource } from 'typeorm';
import { BotStatus } from './bot-status';
import { TelegramPollingService } from './telegram-polling.service';

/** A data source whose advisory lock is held elsewhere (follower) or free (leader); counts tries. */
function dataSource(lockFree: boolean, tries = { count: 0 }): DataSource {
  return {
    createQueryRunner: () => ({
      connect: async () => void (tries.count += 1),
      query: async () => [{ locked: lockFree }],
      release: async () => undefined,
    }),
  } as unknown as DataSource;
}

function bot(getUpdates: () => Promise<unknown>): Telegraf {
  return { telegram: { callApi: getUpdates }, handleUpdate: async () => undefined } as unknown as Telegraf;
}

describe('TelegramPollingService', () => {
  let service: TelegramPollingService | undefined;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  });

  afterEach(async () => {
    jest.useRealTimers();
    await service?.onApplicationShutdown();
    service = undefined;
    jest.restoreAllMocks();
  });

  /** Lets `minutes` of (fake) time pass in steps, so every retry of the loop runs. */
  async function runFor(minutes: number): Promise<void> {
    for (let elapsed = 0; elapsed < minutes * 60_000; elapsed += 5000) await jest.advanceTimersByTimeAsync(5000);
  }

  /**
   * Node prints MaxListenersExceededWarning once a signal holds more abort listeners than its limit
   * (10). Jest gives a test its own copy of `process`, so the warning itself cannot be observed here;
   * what causes it can: the count must stay at the one listener of the wait in progress.
   */
  function expectNoListenerLeak(of: TelegramPollingService): void {
    const signal = (of as unknown as { abort: AbortController }).abort.signal;
    expect(getEventListeners(signal, 'abort').length).toBeLessThanOrEqual(1);
    expect(getEventListeners(signal, 'abort').length).toBeLessThanOrEqual(getMaxListeners(signal));
  }

  it('waits as a follower for many retry cycles without a MaxListenersExceededWarning', async () => {
    const status = new BotStatus(new ConvoyMetrics());
    const lockTries = { count: 0 };
    service = new TelegramPollingService(bot(async () => []), dataSource(false, lockTries), status);
    service.start();

    await runFor(10); // a retry of the lock every 5 s

    expect(lockTries.count).toBeGreaterThanOrEqual(100);
    expect(status.pollingLeader).toBe(false);
    expectNoListenerLeak(service);
  });

  it('backs off on Bot API errors for many cycles without a MaxListenersExceededWarning', async () => {
    const status = new BotStatus(new ConvoyMetrics());
    service = new TelegramPollingService(bot(async () => Promise.reject(new Error('Bad Gateway'))), dataSource(true), status);
    service.start();

    await runFor(15); // back-off grows to 30 s: ~35 failed polls

    expect(status.lastError).toBe('Bad Gateway');
    expectNoListenerLeak(service);
  });

  it('stops at once while waiting', async () => {
    service = new TelegramPollingService(bot(async () => []), dataSource(false), new BotStatus(new ConvoyMetrics()));
    service.start();
    await jest.advanceTimersByTimeAsync(100);
    jest.useRealTimers();
    const stopping = service.onApplicationShutdown();
    service = undefined;
    await expect(stopping).resolves.toBeUndefined();
  });
});
