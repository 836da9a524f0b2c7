import type { Provider } from '@angular/core';
import type { NotificationDto, NotificationListDto, NotificationsReadDto } from '@convoy/contracts';
import { NOTIFICATIONS_CHANNEL, type NotificationsChannelHandlers } from './notifications-channel';
import { NotificationsApi } from './notifications-api';

/** A `notifications` feed a spec drives by hand. */
export class FakeNotificationsChannel {
  handlers: NotificationsChannelHandlers | null = null;
  closed = 0;

  readonly factory = (handlers: NotificationsChannelHandlers) => {
    this.handlers = handlers;
    return { close: () => this.closed++ };
  };

  push(entries: NotificationDto[]): void {
    this.handlers?.notifications(entries);
  }
}

/** An inbox in memory behind the NotificationsApi shape. */
export class FakeNotificationsApi {
  entries: NotificationDto[] = [];
  readonly read: string[] = [];

  async list(options: { unread?: boolean; limit?: number } = {}): Promise<NotificationListDto> {
    const unread = this.entries.filter((e) => e.readAt === null);
    const page = (options.unread ? unread : this.entries).slice(0, options.limit ?? 30);
    return { notifications: page, unread: unread.length };
  }

  async markRead(id: string): Promise<NotificationDto | null> {
    this.read.push(id);
    const entry = this.entries.find((e) => e.id === id) ?? null;
    if (entry && entry.readAt === null) entry.readAt = '2026-12-01T10:00:00.000Z';
    return entry;
  }

  async markAllRead(): Promise<NotificationsReadDto> {
    const unread = this.entries.filter((e) => e.readAt === null);
    for (const entry of unread) await this.markRead(entry.id);
    return { marked: unread.length, unread: 0 };
  }
}

/** For specs of components under the shell: an empty inbox and no socket. */
export function provideFakeNotifications(
  channel = new FakeNotificationsChannel(),
  api = new FakeNotificationsApi(),
): Provider[] {
  return [
    { provide: NOTIFICATIONS_CHANNEL, useValue: channel.factory },
    { provide: NotificationsApi, useValue: api },
  ];
}

let seq = 0;
export function notificationFixture(overrides: Partial<NotificationDto> = {}): NotificationDto {
  seq++;
  return {
    id: `n-${seq}`,
    eventId: `e-${seq}`,
    type: 'visit.arrived',
    title: `Aziz arrived at Depot North (${seq})`,
    body: '08:31',
    occurredAt: new Date(Date.UTC(2026, 11, 1, 8, 0, seq)).toISOString(),
    createdAt: new Date(Date.UTC(2026, 11, 1, 8, 0, seq)).toISOString(),
    readAt: null,
    driverId: 'd-1',
    placeId: 'p-1',
    link: null,
    ...overrides,
  };
}
