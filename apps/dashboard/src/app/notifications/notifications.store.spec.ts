import { TestBed } from '@angular/core/testing';
import { FakeNotificationsApi, FakeNotificationsChannel, notificationFixture as entry, provideFakeNotifications } from './notifications-testing';
import { NotificationsStore } from './notifications.store';

describe('NotificationsStore', () => {
  let channel: FakeNotificationsChannel;
  let api: FakeNotificationsApi;
  let store: NotificationsStore;

  beforeEach(() => {
    channel = new FakeNotificationsChannel();
    api = new FakeNotificationsApi();
    TestBed.configureTestingModule({ providers: provideFakeNotifications(channel, api) });
    store = TestBed.inject(NotificationsStore);
  });

  afterEach(() => store.stop());

  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('loads the inbox kept on the server, so a reload shows the same count', async () => {
    api.entries = [entry(), entry(), entry({ readAt: '2026-12-01T07:00:00.000Z' })];
    store.start();
    await settle();

    expect(store.unread()).toBe(2);
    expect(store.badge()).toBe('2');
    expect(store.entries()).toHaveLength(3);
    expect(store.loaded()).toBe(true);
  });

  it('adds a live entry to the count and shows it as a toast', async () => {
    store.start();
    await settle();
    const arrival = entry({ title: 'Aziz arrived at Depot North' });

    channel.push([arrival]);

    expect(store.unread()).toBe(1);
    expect(store.entries()[0].title).toBe('Aziz arrived at Depot North');
    expect(store.toasts().map((t) => t.notification.id)).toEqual([arrival.id]);
  });

  it('marks one read on the server, and the count and its toast follow at once', async () => {
    const arrival = entry();
    api.entries = [arrival, entry()];
    store.start();
    await settle();
    store.receive([entry()]);

    const toastId = store.toasts()[0].notification.id;
    await store.markRead(toastId);
    expect(api.read).toEqual([toastId]);
    expect(store.unread()).toBe(2);
    expect(store.toasts()).toHaveLength(0);

    // already read: no second request
    await store.markRead(toastId);
    expect(api.read).toEqual([toastId]);
  });

  it('marks all read, also entries not loaded in the panel, and re-reads the count', async () => {
    api.entries = Array.from({ length: 40 }, () => entry());
    store.start();
    await settle();
    expect(store.entries()).toHaveLength(30);
    expect(store.unread()).toBe(40);

    await store.markAllRead();

    expect(store.unread()).toBe(0);
    expect(api.read).toHaveLength(40);
    expect(store.entries().every((e) => e.readAt !== null)).toBe(true);
  });

  it('re-reads the inbox when the socket reconnects (entries may have come meanwhile)', async () => {
    store.start();
    await settle();
    api.entries = [entry()];

    channel.handlers?.connected();
    await settle();

    expect(store.unread()).toBe(1);
  });

  it('forgets everything on stop (the next user signing in starts empty)', async () => {
    api.entries = [entry()];
    store.start();
    await settle();
    store.stop();

    expect(channel.closed).toBe(1);
    expect(store.unread()).toBe(0);
    expect(store.entries()).toEqual([]);
  });
});
