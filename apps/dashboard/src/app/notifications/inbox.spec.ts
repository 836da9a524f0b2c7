import { addToInbox, EMPTY_INBOX, INBOX_KEEP, markReadInInbox, replaceInbox, unreadBadge } from './inbox';
import { notificationLink } from './notification-link';
import { notificationFixture as entry } from './notifications-testing';

describe('inbox', () => {
  it('keeps the server count, which covers entries not loaded, and lists newest first', () => {
    const older = entry({ occurredAt: '2026-12-01T08:00:00.000Z' });
    const newer = entry({ occurredAt: '2026-12-01T09:00:00.000Z' });
    const inbox = replaceInbox([older, newer], 12);

    expect(inbox.entries.map((e) => e.id)).toEqual([newer.id, older.id]);
    expect(inbox.unread).toBe(12);
  });

  it('counts a live entry once, even when the socket repeats it after a reconnect', () => {
    const first = entry();
    let { inbox, added } = addToInbox(replaceInbox([], 0), [first]);
    expect(added).toEqual([first]);
    expect(inbox.unread).toBe(1);

    ({ inbox, added } = addToInbox(inbox, [first, first]));
    expect(added).toEqual([]);
    expect(inbox.unread).toBe(1);
  });

  it('does not count a live entry that arrives already read (read in another tab)', () => {
    const { inbox } = addToInbox(EMPTY_INBOX, [entry({ readAt: '2026-12-01T10:00:00.000Z' }), entry()]);
    expect(inbox.unread).toBe(1);
    expect(inbox.entries).toHaveLength(2);
  });

  it('drops the count only for entries that were unread', () => {
    const unread = entry();
    const read = entry({ readAt: '2026-12-01T07:00:00.000Z' });
    let inbox = replaceInbox([unread, read], 5);

    inbox = markReadInInbox(inbox, new Set([unread.id, read.id, 'unknown']), '2026-12-01T10:00:00.000Z');
    expect(inbox.unread).toBe(4);
    expect(inbox.entries.find((e) => e.id === unread.id)?.readAt).toBe('2026-12-01T10:00:00.000Z');

    // twice is a no-op
    expect(markReadInInbox(inbox, new Set([unread.id]), 'later')).toBe(inbox);
  });

  it('never counts below zero (the server count was older than the entries)', () => {
    const one = entry();
    expect(markReadInInbox(replaceInbox([one], 0), new Set([one.id]), 'now').unread).toBe(0);
  });

  it(`keeps at most ${INBOX_KEEP} entries in memory, the newest`, () => {
    const many = Array.from({ length: INBOX_KEEP + 5 }, () => entry());
    const { inbox } = addToInbox(EMPTY_INBOX, many);
    expect(inbox.entries).toHaveLength(INBOX_KEEP);
    expect(inbox.entries[0].id).toBe(many.at(-1)?.id);
    // all of them were new and unread: the count is not capped by what is kept
    expect(inbox.unread).toBe(INBOX_KEEP + 5);
  });

  it('writes the badge as a person reads it', () => {
    expect(unreadBadge(0)).toBe('');
    expect(unreadBadge(7)).toBe('7');
    expect(unreadBadge(100)).toBe('99+');
  });
});

describe('notificationLink', () => {
  it('opens the driver on the live map first, else the place, else the notice link', () => {
    expect(notificationLink({ driverId: 'd-1', placeId: 'p-1', link: null })).toEqual({ path: ['/drivers', 'd-1'] });
    expect(notificationLink({ driverId: null, placeId: 'p-1', link: null })).toEqual({ path: ['/places'], query: { place: 'p-1' } });
    expect(notificationLink({ driverId: null, placeId: null, link: '/webhooks/w-1?tab=log' })).toEqual({
      path: ['/', 'webhooks', 'w-1'],
      query: { tab: 'log' },
    });
    expect(notificationLink({ driverId: null, placeId: null, link: null })).toBeNull();
  });

  it('ignores a link that would leave the dashboard', () => {
    expect(notificationLink({ driverId: null, placeId: null, link: '//evil.test/x' })).toBeNull();
    expect(notificationLink({ driverId: null, placeId: null, link: 'https://evil.test' })).toBeNull();
  });
});
