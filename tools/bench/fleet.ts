import {
  LIVE_PERIOD_INDEFINITE,
  TelegramUpdateFactory,
  telegramUser,
  type LocationMessageUpdate,
  type MessageIdAllocator,
  type TelegramUserFixture,
} from '@convoy/testing';

/**
 * Each update's position is unique, so a dashboard can tell which update it is looking at: the
 * longitude carries the update's sequence number (LON_BASE + seq × LON_STEP, ~1 cm per step, so a
 * driver drifts east a metre or two per edit), the latitude tells drivers apart.
 */
export const LON_BASE = 11;
export const LON_STEP = 1e-7;

export function sequenceOf(longitude: number): number {
  return Math.round((longitude - LON_BASE) / LON_STEP);
}

/** The simulated Telegram users, the same people for every target. */
export function createFleetUsers(count: number): TelegramUserFixture[] {
  return Array.from({ length: count }, (_, i) =>
    telegramUser({ first_name: 'Bench', last_name: `Driver ${String(i + 1).padStart(4, '0')}`, language_code: 'en' }),
  );
}

/** Back-dating live sessions lets every edit carry a strictly increasing edit_date (whole seconds). */
const SESSION_AGE_S = 24 * 3600;

export interface NextUpdate {
  body: Buffer;
  updateId: number;
  seq: number;
}

/**
 * The Telegram side of one target's fleet: live location starts, then edits with moving coordinates,
 * increasing edit_date and our own unique update_id (the factory shapes the rest).
 */
export class FleetStream {
  private readonly factory: TelegramUpdateFactory;
  private readonly starts: Array<LocationMessageUpdate | null>;
  private readonly edits: number[];
  private readonly sessionStart: number;
  private nextUpdateId: number;
  private nextSeq = 0;

  constructor(
    readonly users: readonly TelegramUserFixture[],
    firstUpdateId: number,
    messageIds?: MessageIdAllocator,
  ) {
    this.sessionStart = Math.floor(Date.now() / 1000) - SESSION_AGE_S;
    this.factory = new TelegramUpdateFactory({ clock: { now: () => this.sessionStart }, messageIds });
    this.starts = users.map(() => null);
    this.edits = users.map(() => 0);
    this.nextUpdateId = firstUpdateId;
  }

  /** Update ids handed out so far: [first, next). */
  get updateIdsIssued(): number {
    return this.nextUpdateId;
  }

  get sequencesIssued(): number {
    return this.nextSeq;
  }

  /** `/start <token>`: the driver opened the tracking link. Carries no position (seq -1). */
  startCommand(driver: number, token: string): NextUpdate {
    return this.encode(this.factory.command(this.users[driver], '/start', token), -1);
  }

  liveStart(driver: number): NextUpdate {
    const seq = this.nextSeq++;
    const update = this.factory.liveLocationStart(this.users[driver], {
      latitude: latitudeOf(driver, 0),
      longitude: LON_BASE + seq * LON_STEP,
      horizontal_accuracy: 12,
      live_period: LIVE_PERIOD_INDEFINITE,
    });
    this.starts[driver] = update;
    return this.encode(update, seq);
  }

  edit(driver: number): NextUpdate {
    const start = this.starts[driver];
    if (!start) throw new Error(`driver ${driver} has not started a live location`);
    const seq = this.nextSeq++;
    const k = ++this.edits[driver];
    const update = this.factory.liveLocationEdit(this.users[driver], start, {
      latitude: latitudeOf(driver, k),
      longitude: LON_BASE + seq * LON_STEP,
      horizontal_accuracy: 5 + (k % 20),
      heading: 1 + ((k * 7) % 360),
      // strictly increasing per driver while it stays in the past; never ahead of the real clock
      edit_date: Math.min(this.sessionStart + k, Math.floor(Date.now() / 1000)),
    });
    return this.encode(update, seq);
  }

  private encode(update: { update_id: number }, seq: number): NextUpdate {
    const updateId = this.nextUpdateId++;
    update.update_id = updateId;
    return { body: Buffer.from(JSON.stringify(update)), updateId, seq };
  }
}

function latitudeOf(driver: number, k: number): number {
  return 48 + driver * 0.002 + (k % 500) * 1e-5;
}
