/**
 * How long a cached Telegram user → driver entry is trusted at most before Postgres is asked again.
 * Not a safety bound — the binding itself is checked by every write — but hygiene for the session
 * fields; each entry gets 80–100 % of it, so entries loaded together do not all expire together.
 */
export const TELEGRAM_BINDING_TTL_MS = 5 * 60_000;
/** Entries kept at most (least recently used go first); ~200 B each. */
export const TELEGRAM_BINDING_MAX_ENTRIES = 20_000;

/**
 * What the hot path needs to know about the driver a Telegram user is bound to: who, and which live
 * location is being followed. A snapshot: never mutated, replaced or dropped on every change.
 */
export interface TelegramDriverRef {
  readonly id: string;
  readonly telegramUserId: number;
  readonly liveMessageId: number | null;
  readonly liveUntil: Date | null;
  readonly sharingEndedAt: Date | null;
}

interface Entry {
  ref: TelegramDriverRef;
  expiresAt: number;
}

/**
 * Telegram user → driver, in memory, so a live-location edit does not cost a driver lookup.
 *
 * - Bounded: at most `maxEntries` (least recently used evicted first) and each entry at most `ttlMs`
 *   old — fixed at load time, never extended by hits, so another replica's change of a live session
 *   is seen within `ttlMs` even for a driver who streams all day.
 * - Local changes invalidate at once: every write to a driver's binding or sharing state on this
 *   instance calls `invalidateDriver`/`invalidateUser` (SharingService, DriversService).
 * - A load racing an invalidation is not cached (generation check), so a lookup that started before
 *   /stop cannot put the old binding back afterwards.
 * - It is a hint, not the authority: the position write itself checks in Postgres that the driver
 *   still exists and is still bound to this Telegram user, so a /stop, re-bind or deletion on another
 *   replica is never outrun by a stale entry (see PositionWriter and docs/architecture.md).
 */
export class TelegramBindings {
  private readonly byUser = new Map<number, Entry>();
  private readonly userOfDriver = new Map<string, number>();
  private generation = 0;

  constructor(
    private readonly ttlMs = TELEGRAM_BINDING_TTL_MS,
    private readonly maxEntries = TELEGRAM_BINDING_MAX_ENTRIES,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  get size(): number {
    return this.byUser.size;
  }

  /** The cached driver of a Telegram user, or undefined (never cached, expired or invalidated). */
  get(userId: number): TelegramDriverRef | undefined {
    const entry = this.byUser.get(userId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(userId, entry.ref.id);
      return undefined;
    }
    // refresh recency (Map iteration order is insertion order: the first key is the oldest)
    this.byUser.delete(userId);
    this.byUser.set(userId, entry);
    return entry.ref;
  }

  /** Call before reading Postgres; pass the result to `set` so a concurrent invalidation wins. */
  beginLoad(): number {
    return this.generation;
  }

  /** Caches what a load that began at `loadedAt` (`beginLoad()`) read, unless something changed since. */
  set(ref: TelegramDriverRef, loadedAt: number): void {
    if (loadedAt !== this.generation) return;
    const previous = this.byUser.get(ref.telegramUserId);
    if (previous) this.delete(ref.telegramUserId, previous.ref.id);
    const previousUser = this.userOfDriver.get(ref.id);
    if (previousUser !== undefined) this.delete(previousUser, ref.id);
    const ttl = this.ttlMs * (0.8 + 0.2 * this.random());
    this.byUser.set(ref.telegramUserId, { ref, expiresAt: this.now() + ttl });
    this.userOfDriver.set(ref.id, ref.telegramUserId);
    while (this.byUser.size > this.maxEntries) {
      const [oldestUser, oldest] = this.byUser.entries().next().value as [number, Entry];
      this.delete(oldestUser, oldest.ref.id);
    }
  }

  /** The driver's binding or sharing state changed (or the driver is gone). */
  invalidateDriver(driverId: string): void {
    this.generation++;
    const userId = this.userOfDriver.get(driverId);
    if (userId !== undefined) this.delete(userId, driverId);
  }

  /** The Telegram user's binding changed, or a write found the cached binding stale. */
  invalidateUser(userId: number): void {
    this.generation++;
    const entry = this.byUser.get(userId);
    if (entry) this.delete(userId, entry.ref.id);
  }

  clear(): void {
    this.generation++;
    this.byUser.clear();
    this.userOfDriver.clear();
  }

  private delete(userId: number, driverId: string): void {
    this.byUser.delete(userId);
    if (this.userOfDriver.get(driverId) === userId) this.userOfDriver.delete(driverId);
  }
}
