import type { AppConfig } from '@convoy/server/config';
import type { DataSource, Repository } from 'typeorm';
import { DriversService, type DriverEntity, type TrackingService } from '@convoy/server/tracking';
import { SharingService } from './sharing.service';
import { TelegramBindings } from './telegram-bindings';

const USER = 42;
const LIVE_MESSAGE = 11;

function driverRow(change: Partial<DriverEntity> = {}): DriverEntity {
  return {
    id: 'd1',
    name: 'Jan',
    telegramUserId: USER,
    telegramChatId: USER,
    liveMessageId: LIVE_MESSAGE,
    liveUntil: null,
    sharingSince: new Date('2026-11-24T10:00:00Z'),
    sharingEndedAt: null,
    lastRecordedAt: null,
    createdAt: new Date('2026-11-24T09:00:00Z'),
    ...change,
  } as DriverEntity;
}

/**
 * SharingService and DriversService over a mocked repository, sharing one TelegramBindings: every
 * change of a driver's binding or sharing state on this instance must stop the hot path from
 * serving what it remembered.
 */
function setup() {
  const repository = {
    findOneBy: jest.fn(async (): Promise<DriverEntity | null> => driverRow()),
    /** The row as a sharing change locks it. */
    findOne: jest.fn(async (): Promise<DriverEntity | null> => driverRow()),
    find: jest.fn().mockResolvedValue([]),
    update: jest.fn().mockResolvedValue({ affected: 1 }),
    delete: jest.fn().mockResolvedValue({ affected: 1 }),
    save: jest.fn(async (driver: DriverEntity) => ({ ...driver, id: driver.id ?? 'd2', createdAt: new Date() })),
    create: jest.fn((fields: Partial<DriverEntity>) => ({ ...fields }) as DriverEntity),
    /** DriversService.entity's read: the row with its current place (one query builder statement). */
    entity: jest.fn(async (): Promise<DriverEntity | null> => driverRow()),
    createQueryBuilder: jest.fn(() => {
      const builder = {
        where: () => builder,
        addSelect: () => builder,
        getRawAndEntities: async () => ({ entities: [await repository.entity()].filter((row) => row !== null), raw: [] }),
      };
      return builder;
    }),
  };
  const tracking = { forget: jest.fn() } as unknown as TrackingService;
  const config = { tracking: { autoTrackIntervalSeconds: 0 } } as AppConfig;
  const bindings = new TelegramBindings();
  const drivers = new DriversService(repository as unknown as Repository<DriverEntity>, tracking, config);
  const manager = { getRepository: () => repository, query: jest.fn().mockResolvedValue([]) };
  const dataSource = { transaction: async <T>(work: (tx: typeof manager) => Promise<T>) => work(manager) } as unknown as DataSource;
  const sharing = new SharingService(repository as unknown as Repository<DriverEntity>, drivers, tracking, bindings, dataSource);
  /** Reads the driver once, as an edit that is not served from memory does. */
  const lookUp = async () => {
    await sharing.findByTelegramUser(USER);
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE)).toMatchObject({ id: 'd1' });
  };
  return { repository, sharing, drivers, lookUp, manager };
}

describe('SharingService: the Telegram user → driver the hot path remembers', () => {
  it('serves a live edit of the followed session from memory, and nothing else', async () => {
    const { sharing, repository, lookUp } = setup();
    await lookUp();
    expect(repository.findOneBy).toHaveBeenCalledTimes(1);
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE + 1)).toBeNull(); // another live location
    expect(sharing.cachedLiveDriver(USER + 1, LIVE_MESSAGE)).toBeNull(); // another user
  });

  it('forgets a driver who sent /stop', async () => {
    const { sharing, lookUp } = setup();
    await lookUp();
    await sharing.endSharing('d1', new Date());
    await lookUp();
    await sharing.unbind('d1');
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE)).toBeNull();
  });

  it('forgets a driver whose sharing ended (final edit or expiry), even when another instance ended it first', async () => {
    const { sharing, repository, lookUp } = setup();
    await lookUp();
    repository.findOne.mockResolvedValueOnce(driverRow({ sharingEndedAt: new Date(), sharingSince: null }));
    expect(await sharing.endSharing('d1', new Date())).toBe(false);
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE)).toBeNull();

    const liveUntil = new Date(Date.now() - 1000);
    await lookUp();
    repository.find.mockResolvedValueOnce([driverRow({ liveUntil })]);
    await sharing.expireLiveSessions();
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE)).toBeNull();
  });

  it('expiry ends only a session still expired under the row lock, with one driver.sharing_ended (expired)', async () => {
    const { sharing, repository, manager } = setup();
    const liveUntil = new Date(Date.now() - 1000);
    repository.find.mockResolvedValue([driverRow({ liveUntil })]);
    repository.findOne.mockResolvedValueOnce(driverRow({ liveUntil: new Date(Date.now() + 3600_000) })); // renewed meanwhile
    await sharing.expireLiveSessions();
    expect(repository.update).not.toHaveBeenCalled();

    repository.findOne.mockResolvedValueOnce(driverRow({ liveUntil }));
    await sharing.expireLiveSessions();
    expect(repository.update).toHaveBeenCalledTimes(1);
    const [, values] = manager.query.mock.calls.at(-1) as [string, unknown[]];
    expect(values[0]).toEqual(['driver.sharing_ended']);
    expect(JSON.parse((values[3] as string[])[0])).toMatchObject({ reason: 'expired', driver: { id: 'd1', name: 'Jan' } });
  });

  it('does not serve a session whose live period has run out, before any job ended it', async () => {
    const { sharing, repository } = setup();
    repository.findOneBy.mockImplementation(async () => driverRow({ liveUntil: new Date('2026-11-24T11:00:00Z') }));
    await sharing.findByTelegramUser(USER);
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE, new Date('2026-11-24T10:59:59Z'))).not.toBeNull();
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE, new Date('2026-11-24T11:00:00Z'))).toBeNull();
  });

  it('forgets a driver whose session changed (a new live location, a check-in reopening sharing)', async () => {
    const { sharing, repository, lookUp } = setup();
    await lookUp();
    await sharing.startLiveSharing('d1', LIVE_MESSAGE + 1, new Date(), 3600);
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE)).toBeNull();

    await lookUp();
    repository.entity.mockResolvedValueOnce(driverRow({ sharingEndedAt: new Date(), sharingSince: null }));
    repository.findOne.mockResolvedValueOnce(driverRow({ sharingEndedAt: new Date(), sharingSince: null }));
    await sharing.recordCheckIn('d1', new Date());
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE)).toBeNull();
  });

  it('forgets a deleted driver', async () => {
    const { sharing, drivers, lookUp } = setup();
    await lookUp();
    await drivers.remove('d1');
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE)).toBeNull();
  });

  it('forgets the user on a new link (bind/re-bind), and when a write found the binding stale', async () => {
    const { sharing, lookUp } = setup();
    await lookUp();
    sharing.bindingChanged(USER, ['d2']); // a redemption committed (EnrolmentService)
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE)).toBeNull();
    await lookUp();
    sharing.forgetTelegramUser(USER);
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE)).toBeNull();
  });

  it('does not remember a lookup that finished after /stop (the old binding cannot come back)', async () => {
    const { sharing, repository } = setup();
    let finishLookup: (driver: DriverEntity) => void = () => undefined;
    repository.findOneBy.mockReturnValueOnce(new Promise<DriverEntity>((resolve) => (finishLookup = resolve)));
    const lookup = sharing.findByTelegramUser(USER); // reads the row while still bound …
    await sharing.unbind('d1'); // … /stop commits meanwhile …
    finishLookup(driverRow());
    await lookup; // … and the read comes back with the old binding
    expect(sharing.cachedLiveDriver(USER, LIVE_MESSAGE)).toBeNull();
  });

  it('never remembers that a user is unknown (a link redeemed on another instance counts at once)', async () => {
    const { sharing, repository } = setup();
    repository.findOneBy.mockResolvedValueOnce(null);
    expect(await sharing.findByTelegramUser(USER)).toBeNull();
    expect(await sharing.findByTelegramUser(USER)).toMatchObject({ id: 'd1' });
    expect(repository.findOneBy).toHaveBeenCalledTimes(2);
  });
});
