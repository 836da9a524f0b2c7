import { ChangeDetectionStrategy, Component, computed, type ElementRef, inject, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { NotificationDto } from '@convoy/contracts';
import { formatLocalDateTimeFull } from '../ui/local-date-time';
import { notificationLink } from './notification-link';
import { NotificationsStore } from './notifications.store';
import { relativeTime } from './relative-time';

/**
 * The bell in the header: the unread count, and a panel with the newest entries of the user's inbox.
 * An entry opens the driver on the live map (or the place) and counts as read; "Mark all read" clears
 * the count. Escape or a click elsewhere closes the panel; focus returns to the bell.
 */
@Component({
  selector: 'cv-notification-bell',
  imports: [RouterLink],
  templateUrl: './notification-bell.html',
  styleUrl: './notification-bell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'onDocumentClick($event)',
    '(keydown.escape)': 'close(true)',
  },
})
export class NotificationBell {
  protected readonly store = inject(NotificationsStore);
  private readonly router = inject(Router);

  protected readonly open = signal(false);
  /** Re-read when the panel opens, so "5 min ago" is current. */
  protected readonly now = signal(Date.now());
  protected readonly label = computed(() => {
    const unread = this.store.unread();
    return unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  });
  protected readonly relative = relativeTime;
  protected readonly fullTime = formatLocalDateTimeFull;

  private readonly trigger = viewChild.required<ElementRef<HTMLButtonElement>>('trigger');
  private readonly root = viewChild.required<ElementRef<HTMLElement>>('root');

  protected toggle(): void {
    if (!this.open()) {
      this.now.set(Date.now());
      void this.store.reload();
    }
    this.open.update((open) => !open);
  }

  close(restoreFocus = false): void {
    if (!this.open()) return;
    this.open.set(false);
    if (restoreFocus) this.trigger().nativeElement.focus();
  }

  protected hasLink(entry: NotificationDto): boolean {
    return notificationLink(entry) !== null;
  }

  protected async follow(entry: NotificationDto): Promise<void> {
    void this.store.markRead(entry.id);
    const link = notificationLink(entry);
    this.close();
    if (link) await this.router.navigate(link.path, { queryParams: link.query });
  }

  protected onDocumentClick(event: MouseEvent): void {
    if (this.open() && !this.root().nativeElement.contains(event.target as Node | null)) this.close();
  }
}
