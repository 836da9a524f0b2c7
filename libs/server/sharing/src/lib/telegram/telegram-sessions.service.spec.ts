import type { TrackingService } from '@convoy/server/tracking';
import type { SharingService } from '../sharing.service';
import { type TelegramLocationFact, TelegramSessions } from './telegram-sessions.service';

const T0 = 1_795_500_000;
const fact: TelegramLocationFact = {
  updateId: 70,
  userId: 42,
  messageId: 9,
  date: T0,
  editDate: T0 + 60,
  edited: true,
  latitude: 52.5,
  longitude: 13.4,
  accuracy: 10,
  heading: 90,
  livePeriod: 3600,
};

function setup(cached: { id: string } | null) {
  const sharing = {
    cachedLiveDriver: jest.fn().mockReturnValue(cached),
    findByTelegramUser: jest.fn().mockResolvedValue(null),
    forgetTelegramUser: jest.fn(),
  };
  const tracking = { ingest: jest.fn().mockResolvedValue('stored') };
  return { sessions: new TelegramSessions(sharing as unknown as SharingService, tracking as unknown as TrackingService), sharing, tracking };
}

describe('TelegramSessions.followedLiveEdit (the webhook fast path)', () => {
  it('stores a moving edit of the followed live location, from memory, and says it was handled', async () => {
    const { sessions, sharing, tracking } = setup({ id: 'd1' });
    await expect(sessions.followedLiveEdit(fact)).resolves.toBe(true);
    expect(sharing.cachedLiveDriver).toHaveBeenCalledWith(42, 9);
    expect(tracking.ingest).toHaveBeenCalledWith(
      expect.objectContaining({ driverId: 'd1', latitude: 52.5, recordedAt: new Date((T0 + 60) * 1000), source: 'telegram-live', telegramUpdateId: 70, telegramUserId: 42 }),
    );
    expect(sharing.findByTelegramUser).not.toHaveBeenCalled();
  });

  it('does nothing and says so when the edit is not of a live location this instance follows', async () => {
    const { sessions, tracking } = setup(null);
    await expect(sessions.followedLiveEdit(fact)).resolves.toBe(false);
    await expect(sessions.followedLiveEdit({ ...fact, edited: false })).resolves.toBe(false);
    await expect(sessions.followedLiveEdit({ ...fact, livePeriod: undefined })).resolves.toBe(false);
    expect(tracking.ingest).not.toHaveBeenCalled();
  });

  it('handles an edit after the live period like location() does: nothing stored', async () => {
    const { sessions, tracking } = setup({ id: 'd1' });
    await expect(sessions.followedLiveEdit({ ...fact, livePeriod: 60, editDate: T0 + 600 })).resolves.toBe(true);
    expect(tracking.ingest).not.toHaveBeenCalled();
  });
});
