import { Injectable } from '@nestjs/common';
import type { NotificationDto } from '@convoy/contracts';
import { Subject } from 'rxjs';

/** New inbox entries of one user, after they committed. */
export interface UserNotifications {
  userId: string;
  notifications: NotificationDto[];
}

/**
 * What the live gateway emits as `notifications` to that user's sockets only (a per-user room; with
 * the Redis adapter the emit reaches the user's sockets on every replica).
 */
@Injectable()
export class NotificationsFeed {
  private readonly subject = new Subject<UserNotifications>();
  readonly created$ = this.subject.asObservable();

  publish(entries: readonly UserNotifications[]): void {
    for (const entry of entries) if (entry.notifications.length) this.subject.next(entry);
  }
}
