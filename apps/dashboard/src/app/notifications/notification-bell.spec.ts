import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NotificationBell } from './notification-bell';
import { NotificationToasts } from './notification-toasts';
import { FakeNotificationsApi, FakeNotificationsChannel, notificationFixture as entry, provideFakeNotifications } from './notifications-testing';
import { NotificationsStore } from './notifications.store';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Page {}

@Component({
  imports: [NotificationBell, NotificationToasts],
  template: '<cv-notification-bell /><cv-notification-toasts />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {}

describe('NotificationBell and toasts', () => {
  let fixture: ComponentFixture<Host>;
  let el: HTMLElement;
  let channel: FakeNotificationsChannel;
  let api: FakeNotificationsApi;

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const text = (selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(async () => {
    channel = new FakeNotificationsChannel();
    api = new FakeNotificationsApi();
    TestBed.configureTestingModule({
      providers: [...provideFakeNotifications(channel, api), provideRouter([{ path: 'drivers/:id', component: Page }, { path: 'alerts', component: Page }])],
    });
    api.entries = [
      entry({ title: 'Bea left Depot North', driverId: 'd-7', occurredAt: '2026-12-01T09:30:00.000Z' }),
      entry({ readAt: '2026-12-01T07:00:00.000Z', occurredAt: '2026-12-01T06:30:00.000Z' }),
    ];
    TestBed.inject(NotificationsStore).start();
    fixture = TestBed.createComponent(Host);
    el = fixture.nativeElement as HTMLElement;
    await settle();
  });

  afterEach(() => TestBed.inject(NotificationsStore).stop());

  it('shows the unread count on the bell and in its accessible name', () => {
    expect(text('[data-testid="notifications-count"]')).toBe('1');
    expect(el.querySelector('[data-testid="notifications-bell"]')?.getAttribute('aria-label')).toBe('Notifications, 1 unread');
  });

  it('counts a live notification at once and shows it as a dismissable toast', async () => {
    channel.push([entry({ title: 'Aziz arrived at Depot North', driverId: 'd-1' })]);
    await settle();

    expect(text('[data-testid="notifications-count"]')).toBe('2');
    expect(text('[data-testid="notification-toast"] .title')).toBe('Aziz arrived at Depot North');

    el.querySelector<HTMLButtonElement>('[data-testid="notification-toast-dismiss"]')?.click();
    await settle();
    expect(el.querySelector('[data-testid="notification-toast"]')).toBeNull();
    // dismissing a toast is not reading it: it stays unread in the inbox
    expect(text('[data-testid="notifications-count"]')).toBe('2');
  });

  it('lists the inbox newest first; an entry opens the driver and counts as read', async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="notifications-bell"]')?.click();
    await settle();

    const entries = el.querySelectorAll('[data-testid="notification"]');
    expect(entries).toHaveLength(2);
    expect(entries[0].getAttribute('data-read')).toBe('false');
    expect(entries[0].textContent).toContain('Bea left Depot North');

    entries[0].querySelector<HTMLButtonElement>('button.open')?.click();
    await settle();

    expect(TestBed.inject(Router).url).toBe('/drivers/d-7');
    expect(el.querySelector('[data-testid="notifications-panel"]')).toBeNull();
    expect(el.querySelector('[data-testid="notifications-count"]')).toBeNull();
    expect(api.read).toEqual([api.entries[0].id]);
  });

  it('marks all read from the panel', async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="notifications-bell"]')?.click();
    await settle();
    el.querySelector<HTMLButtonElement>('[data-testid="notifications-mark-all"]')?.click();
    await settle();

    expect(el.querySelector('[data-testid="notifications-count"]')).toBeNull();
    expect(el.querySelector<HTMLButtonElement>('[data-testid="notifications-mark-all"]')?.disabled).toBe(true);
  });
});
