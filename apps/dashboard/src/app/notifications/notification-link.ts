import type { NotificationDto } from '@convoy/contracts';

export interface NotificationTarget {
  path: string[];
  query?: Record<string, string>;
}

/**
 * Where an inbox entry leads: an admin notice's own dashboard route; else the driver on the live map
 * (their panel open); else the place on the Places page; null = nowhere.
 */
export function notificationLink(notification: Pick<NotificationDto, 'driverId' | 'placeId' | 'link'>): NotificationTarget | null {
  if (notification.link && notification.link.startsWith('/') && !notification.link.startsWith('//')) {
    const [path, search = ''] = notification.link.split('?', 2);
    const query = Object.fromEntries(new URLSearchParams(search));
    return { path: ['/', ...path.split('/').filter(Boolean)], ...(Object.keys(query).length ? { query } : {}) };
  }
  if (notification.driverId) return { path: ['/drivers', notification.driverId] };
  if (notification.placeId) return { path: ['/places'], query: { place: notification.placeId } };
  return null;
}

/** The toast's link text. */
export function notificationLinkLabel(notification: Pick<NotificationDto, 'driverId' | 'placeId' | 'link'>): string {
  if (notification.link) return 'Open';
  return notification.driverId ? 'Show on map' : 'Show place';
}
