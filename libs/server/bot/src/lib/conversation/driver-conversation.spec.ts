import type { AppConfig } from '@convoy/server/config';
import type { DriverErasureService } from '@convoy/server/privacy';
import { type EnrolmentService, LinkRedemptionError, LinkRedemptionFailure, type SharingService, TelegramSessions } from '@convoy/server/sharing';
import { InvalidLocationError, InvalidLocationReason, UnknownDriverError, type TrackingService } from '@convoy/server/tracking';
import type { IncomingCallback } from '../telegram/incoming-callback';
import type { IncomingMessage } from '../telegram/incoming-message';
import type { InlineButton } from '../telegram/replier';
import type { AccountChat } from './account-chat';
import { DriverConversation } from './driver-conversation';
import { MessageRateLimit } from './message-rate-limit';

const user = { id: 42, isBot: false, username: 'jan', firstName: 'Jan', lastName: null, languageCode: 'en' };
const T0 = 1_795_500_000;

function message(change: Partial<IncomingMessage> = {}): IncomingMessage {
  return {
    updateId: 1,
    edited: false,
    chat: { id: 42, type: 'private' },
    from: user,
    messageId: 10,
    date: T0,
    editDate: null,
    text: null,
    location: null,
    isVenue: false,
    ...change,
  };
}

const at = (lat: number, lon: number, extra: Partial<NonNullable<IncomingMessage['location']>> = {}) => ({
  latitude: lat,
  longitude: lon,
  horizontalAccuracy: undefined,
  livePeriod: undefined,
  heading: undefined,
  ...extra,
});

function setup(driver: Record<string, unknown> | null = { id: 'd1', name: 'Jan', liveMessageId: null, sharingEndedAt: null }) {
  const replies: string[] = [];
  const enrolment = { redeem: jest.fn() };
  const sharing = {
    findByTelegramUser: jest.fn().mockResolvedValue(driver),
    cachedLiveDriver: jest.fn().mockReturnValue(null),
    forgetTelegramUser: jest.fn(),
    startLiveSharing: jest.fn(),
    recordCheckIn: jest.fn(),
    endSharing: jest.fn().mockResolvedValue(true),
    unbind: jest.fn(),
  };
  const tracking = { ingest: jest.fn().mockResolvedValue('stored') };
  const erasure = { erase: jest.fn().mockResolvedValue({}) };
  const config = { telegram: { timeZone: 'UTC', messagesPerMinute: 30 } } as AppConfig;
  const conversation = new DriverConversation(
    enrolment as unknown as EnrolmentService,
    // the session rules themselves (sharing lib), over mocked sharing state and ingest
    new TelegramSessions(sharing as unknown as SharingService, tracking as unknown as TrackingService),
    config,
    erasure as unknown as DriverErasureService,
    new MessageRateLimit(config),
    // a manager's chat commands are AccountChat's (account-chat.spec.ts); drivers' commands pass through
    { handle: jest.fn().mockResolvedValue(false) } as unknown as AccountChat,
  );
  const buttons: InlineButton[][][] = [];
  const replier = {
    reply: async (text: string, options?: { inlineButtons?: InlineButton[][] }) => {
      replies.push(text);
      if (options?.inlineButtons) buttons.push(options.inlineButtons);
    },
  };
  const answers: Array<string | undefined> = [];
  const edits: string[] = [];
  const responder = { answer: async (toast?: string) => void answers.push(toast), edit: async (text: string) => void edits.push(text) };
  return { conversation, replier, replies, buttons, responder, answers, edits, enrolment, sharing, tracking, erasure };
}

function press(data: string): IncomingCallback {
  return { updateId: 99, id: 'q1', from: { id: 42, isBot: false, languageCode: 'en' }, data, message: { chatId: 42, messageId: 77, chatType: 'private' } };
}

describe('DriverConversation', () => {
  it('binds the driver on /start <token> and explains how to share a live location', async () => {
    const { conversation, replier, replies, enrolment } = setup(null);
    enrolment.redeem.mockResolvedValue({ driver: { id: 'd1', name: 'Jan (truck 7)' }, outcome: 'bound', deviceKey: null });
    await conversation.handle(message({ text: '/start abcdefghijklmnopqrstuvwxyz012345' }), replier);
    expect(enrolment.redeem).toHaveBeenCalledWith('abcdefghijklmnopqrstuvwxyz012345', {
      channel: 'telegram',
      telegram: expect.objectContaining({ userId: 42, chatId: 42 }),
    });
    expect(replies[0]).toContain('Jan (truck 7)');
    expect(replies[0]).toContain('connected to Convoy');
    expect(replies[0]).toContain('live location');
  });

  it('answers each link failure politely, and rate-limits guessing', async () => {
    const { conversation, replier, replies, enrolment } = setup(null);
    enrolment.redeem.mockRejectedValue(new LinkRedemptionError(LinkRedemptionFailure.AlreadyUsed));
    await conversation.handle(message({ text: '/start used-link-token-1234567890' }), replier);
    expect(replies[0]).toContain('already been used');
    for (let i = 0; i < 5; i++) await conversation.handle(message({ text: '/start guess-guess-guess-guess-123' }), replier);
    expect(replies.at(-1)).toContain('Too many attempts');
  });

  it('refuses groups and answers in the driver’s language', async () => {
    const { conversation, replier, replies } = setup();
    await conversation.handle(message({ chat: { id: -100, type: 'group' }, text: '/start x' }), replier);
    expect(replies[0]).toContain('private chat');
    await conversation.handle(message({ text: '/start', from: { ...user, languageCode: 'de-AT' } }), replier);
    expect(replies[1]).toContain('Willkommen bei Convoy');
  });

  it('stores a check-in, starts and follows a live location, and ends it on the final edit', async () => {
    const { conversation, replier, replies, tracking, sharing } = setup();
    await conversation.handle(message({ location: at(50.1, 14.4) }), replier);
    expect(tracking.ingest).toHaveBeenLastCalledWith(expect.objectContaining({ source: 'telegram-checkin', latitude: 50.1 }));
    expect(replies.pop()).toContain('Location received');

    await conversation.handle(message({ messageId: 11, location: at(50.1, 14.4, { livePeriod: 3600 }) }), replier);
    expect(sharing.startLiveSharing).toHaveBeenCalledWith('d1', 11, new Date(T0 * 1000), 3600);
    expect(replies.pop()).toContain('Live location received');

    await conversation.handle(
      message({ edited: true, messageId: 11, editDate: T0 + 60, location: at(50.2, 14.5, { livePeriod: 3600, heading: 90 }) }),
      replier,
    );
    expect(tracking.ingest).toHaveBeenLastCalledWith(
      expect.objectContaining({ source: 'telegram-live', heading: 90, recordedAt: new Date((T0 + 60) * 1000) }),
    );

    await conversation.handle(message({ edited: true, messageId: 11, editDate: T0 + 120, location: at(50.2, 14.5) }), replier);
    expect(sharing.endSharing).toHaveBeenCalledWith('d1', new Date((T0 + 120) * 1000));
    expect(replies.pop()).toContain('stopped');
  });

  it('ignores edits after the live period, and never stores a venue or a bad point', async () => {
    const { conversation, replier, replies, tracking } = setup();
    await conversation.handle(
      message({ edited: true, editDate: T0 + 4000, location: at(50, 14, { livePeriod: 900 }) }),
      replier,
    );
    await conversation.handle(message({ isVenue: true, location: at(50, 14) }), replier);
    expect(tracking.ingest).not.toHaveBeenCalled();
    expect(replies).toEqual([expect.stringContaining('place picked on the map')]);

    tracking.ingest.mockRejectedValueOnce(new InvalidLocationError(InvalidLocationReason.Coordinates, 'lat 91'));
    await conversation.handle(message({ location: at(91, 14) }), replier);
    expect(replies.pop()).toContain('could not use that location');
  });

  it('asks unknown senders to open their link, and lets storage errors through for a retry', async () => {
    const unknown = setup(null);
    await unknown.conversation.handle(message({ location: at(50, 14) }), unknown.replier);
    expect(unknown.replies[0]).toContain('open the tracking link');

    const failing = setup();
    failing.tracking.ingest.mockRejectedValue(new Error('connection terminated'));
    await expect(failing.conversation.handle(message({ location: at(50, 14) }), failing.replier)).rejects.toThrow('connection terminated');
  });

  describe('live edits with the binding remembered in memory', () => {
    const remembered = { id: 'd1', telegramUserId: 42, liveMessageId: 11, liveUntil: null, sharingEndedAt: null };
    const edit = (editDate: number) =>
      message({ updateId: editDate, edited: true, messageId: 11, editDate, location: at(50.3, 14.6, { livePeriod: 3600 }) });

    it('stores an edit of the followed live location without looking the driver up', async () => {
      const { conversation, replier, sharing, tracking } = setup();
      sharing.cachedLiveDriver.mockReturnValue(remembered);
      await conversation.handle(edit(T0 + 60), replier);
      expect(sharing.cachedLiveDriver).toHaveBeenCalledWith(42, 11);
      expect(sharing.findByTelegramUser).not.toHaveBeenCalled();
      expect(tracking.ingest).toHaveBeenCalledWith(expect.objectContaining({ driverId: 'd1', telegramUserId: 42, latitude: 50.3 }));
    });

    it('sends the point to the driver the user is bound to now when the remembered binding was changed elsewhere', async () => {
      // /stop and a new link on another instance: Postgres refused the point for the old driver
      const { conversation, replier, replies, sharing, tracking } = setup({ id: 'd2', name: 'Jan', liveMessageId: null, sharingEndedAt: null });
      sharing.cachedLiveDriver.mockReturnValue(remembered);
      tracking.ingest.mockRejectedValueOnce(new UnknownDriverError('driver d1 is no longer bound to Telegram user 42'));
      await conversation.handle(edit(T0 + 60), replier);
      expect(sharing.forgetTelegramUser).toHaveBeenCalledWith(42);
      expect(sharing.findByTelegramUser).toHaveBeenCalledWith(42);
      expect(sharing.startLiveSharing).toHaveBeenCalledWith('d2', 11, new Date(T0 * 1000), 3600);
      expect(tracking.ingest).toHaveBeenCalledTimes(2);
      expect(tracking.ingest).toHaveBeenLastCalledWith(expect.objectContaining({ driverId: 'd2', latitude: 50.3 }));
      expect(replies).toEqual([]);
    });

    it('stores nothing for a user who was unbound or whose driver was deleted elsewhere', async () => {
      const { conversation, replier, replies, sharing, tracking } = setup(null);
      sharing.cachedLiveDriver.mockReturnValue(remembered);
      tracking.ingest.mockRejectedValueOnce(new UnknownDriverError('driver d1 does not exist'));
      await conversation.handle(edit(T0 + 60), replier);
      expect(sharing.forgetTelegramUser).toHaveBeenCalledWith(42);
      expect(tracking.ingest).toHaveBeenCalledTimes(1);
      expect(sharing.startLiveSharing).not.toHaveBeenCalled();
      expect(replies).toEqual([]);
    });
  });

  describe('/delete', () => {
    it('asks first, with a confirm and a cancel button about this driver', async () => {
      const { conversation, replier, replies, buttons, erasure } = setup();
      await conversation.handle(message({ text: '/delete' }), replier);
      expect(replies[0]).toContain('Erase your data as “Jan”?');
      expect(buttons[0][0].map((b) => b.data)).toEqual(['erase:confirm:d1', 'erase:cancel:d1']);
      expect(erasure.erase).not.toHaveBeenCalled();
    });

    it('erases on confirm, answers the press and replaces the question', async () => {
      const driverId = '9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b';
      const { conversation, responder, answers, edits, erasure } = setup({ id: driverId, name: 'Jan' });
      await conversation.handleCallback(press(`erase:confirm:${driverId}`), responder);
      expect(erasure.erase).toHaveBeenCalledWith(driverId, 'driver');
      expect(answers).toHaveLength(1);
      expect(edits[0]).toContain('Your data was erased');
    });

    it('erases nothing on cancel, or when the question was about a driver the user no longer is', async () => {
      const driverId = '9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b';
      const { conversation, responder, answers, edits, erasure } = setup({ id: 'another-driver', name: 'Jan' });
      await conversation.handleCallback(press(`erase:cancel:${driverId}`), responder);
      await conversation.handleCallback(press(`erase:confirm:${driverId}`), responder);
      await conversation.handleCallback(press('something-else'), responder);
      expect(erasure.erase).not.toHaveBeenCalled();
      expect(edits).toEqual(['Nothing was erased.', expect.stringContaining('out of date')]);
      expect(answers).toHaveLength(3);
    });

    it('tells a user who is not linked', async () => {
      const { conversation, replier, replies } = setup(null);
      await conversation.handle(message({ text: '/delete' }), replier);
      expect(replies[0]).toContain('I don’t know you yet');
    });
  });

  it('answers a flood of texts with one "slow down" and still stores every location', async () => {
    const { conversation, replier, replies, tracking } = setup();
    for (let i = 0; i < 60; i++) await conversation.handle(message({ updateId: i, text: '/status' }), replier);
    for (let i = 0; i < 20; i++) {
      await conversation.handle(message({ updateId: 100 + i, messageId: 200 + i, location: at(50 + i / 1000, 14) }), replier);
    }
    expect(replies.filter((r) => r.includes('too quickly'))).toHaveLength(1);
    expect(replies.filter((r) => r.includes('not receiving') || r.includes('Your last check-in') || r.includes('receiving your live'))).toHaveLength(30);
    expect(tracking.ingest).toHaveBeenCalledTimes(20);
  });
});
