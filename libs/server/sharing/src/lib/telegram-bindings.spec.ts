import { TelegramBindings, type TelegramDriverRef } from './telegram-bindings';

const ref = (userId: number, driverId: string, liveMessageId: number | null = 11): TelegramDriverRef => ({
  id: driverId,
  telegramUserId: userId,
  liveMessageId,
  liveUntil: null,
  sharingEndedAt: null,
});

function setup(ttlMs = 30_000, maxEntries = 100, random = () => 1) {
  let now = 1_000_000;
  const bindings = new TelegramBindings(ttlMs, maxEntries, () => now, random);
  const remember = (entry: TelegramDriverRef) => bindings.set(entry, bindings.beginLoad());
  return { bindings, remember, advance: (ms: number) => (now += ms) };
}

describe('TelegramBindings', () => {
  it('remembers a Telegram user’s driver, and forgets it when the driver or the user changes', () => {
    const { bindings, remember } = setup();
    remember(ref(42, 'd1'));
    expect(bindings.get(42)).toMatchObject({ id: 'd1' });

    bindings.invalidateDriver('d1'); // /stop, sharing ended, driver deleted …
    expect(bindings.get(42)).toBeUndefined();

    remember(ref(42, 'd1'));
    bindings.invalidateUser(42); // a write found the binding stale
    expect(bindings.get(42)).toBeUndefined();
  });

  it('trusts an entry for the TTL only, however often it is read', () => {
    const { bindings, remember, advance } = setup(30_000);
    remember(ref(42, 'd1'));
    for (let i = 0; i < 5; i++) {
      advance(5_000);
      expect(bindings.get(42)).toBeDefined();
    }
    advance(5_000); // 30 s after it was read from Postgres
    expect(bindings.get(42)).toBeUndefined();
    expect(bindings.size).toBe(0);
  });

  it('spreads expiry over 80–100 % of the TTL, so entries loaded together are not reloaded together', () => {
    const spread = [0, 0.5, 1];
    const { bindings, remember, advance } = setup(30_000, 100, () => spread.shift() as number);
    [1, 2, 3].forEach((user) => remember(ref(user, `d${user}`)));
    advance(24_000);
    expect([1, 2, 3].map((user) => bindings.get(user)?.id)).toEqual([undefined, 'd2', 'd3']);
    advance(3_000);
    expect([2, 3].map((user) => bindings.get(user)?.id)).toEqual([undefined, 'd3']);
    advance(3_000);
    expect(bindings.get(3)).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const { bindings, remember } = setup(30_000, 3);
    remember(ref(1, 'd1'));
    remember(ref(2, 'd2'));
    remember(ref(3, 'd3'));
    bindings.get(1); // used: now the newest
    remember(ref(4, 'd4'));
    expect(bindings.size).toBe(3);
    expect(bindings.get(2)).toBeUndefined();
    expect([1, 3, 4].map((user) => bindings.get(user)?.id)).toEqual(['d1', 'd3', 'd4']);
  });

  it('does not cache a lookup that raced a change (the old binding cannot come back)', () => {
    const { bindings } = setup();
    const loadedAt = bindings.beginLoad(); // lookup reads Postgres: still bound …
    bindings.invalidateDriver('d1'); // … meanwhile /stop commits and invalidates
    bindings.set(ref(42, 'd1'), loadedAt); // … then the lookup finishes
    expect(bindings.get(42)).toBeUndefined();
  });

  it('follows a re-bind: one entry per user and per driver', () => {
    const { bindings, remember } = setup();
    remember(ref(42, 'd1'));
    remember(ref(42, 'd2'));
    expect(bindings.get(42)?.id).toBe('d2');
    bindings.invalidateDriver('d1'); // the old driver's change does not touch the new binding
    expect(bindings.get(42)?.id).toBe('d2');
    bindings.invalidateDriver('d2');
    expect(bindings.get(42)).toBeUndefined();
    expect(bindings.size).toBe(0);
  });
});
