import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import type { NotificationDto } from '@convoy/contracts';
import { CloseIcon } from '../ui/close-icon';
import { notificationLink, notificationLinkLabel } from './notification-link';
import { NotificationsStore } from './notifications.store';

/**
 * New notifications as toasts, bottom right (bottom of the screen on phones): at most three, each
 * going after a few seconds unless hovered or focused, each dismissable; a burst says how many more
 * wait in the inbox instead of stacking up. Announced politely to screen readers.
 */
@Component({
  selector: 'cv-notification-toasts',
  imports: [CloseIcon],
  template: `
    <div class="stack" role="status" aria-live="polite" data-testid="notification-toasts">
      @for (toast of store.toasts(); track toast.notification.id) {
        @let entry = toast.notification;
        <div
          class="toast"
          data-testid="notification-toast"
          (mouseenter)="store.holdToast(entry.id, true)"
          (mouseleave)="store.holdToast(entry.id, false)"
          (focusin)="store.holdToast(entry.id, true)"
          (focusout)="store.holdToast(entry.id, false)"
        >
          <span class="mark" aria-hidden="true"></span>
          <div class="text">
            <p class="title">{{ entry.title }}</p>
            @if (entry.body) {
              <p class="body">{{ entry.body }}</p>
            }
            @if (hasLink(entry)) {
              <button type="button" class="open" (click)="follow(entry)" data-testid="notification-toast-open">
                {{ linkLabel(entry) }}
              </button>
            }
          </div>
          <button type="button" class="dismiss" [attr.aria-label]="'Dismiss: ' + entry.title" (click)="store.dismissToast(entry.id)" data-testid="notification-toast-dismiss">
            <cv-close-icon />
          </button>
        </div>
      }
      @if (store.toasts().length > 0 && store.hiddenToasts() > 0) {
        <p class="more" data-testid="notification-toasts-more">+{{ store.hiddenToasts() }} more in the inbox</p>
      }
    </div>
  `,
  styles: `
    .stack {
      position: fixed;
      z-index: 1200; /* above the header's panels and Leaflet */
      right: 16px;
      bottom: 16px;
      display: grid;
      gap: 8px;
      width: 360px;
      max-width: calc(100vw - 24px);
      pointer-events: none;

      @media (max-width: 560px) {
        right: 12px;
        bottom: 12px;
        left: 12px;
        width: auto;
        max-width: none;
      }
    }

    .toast {
      display: flex;
      align-items: flex-start;
      gap: 10px;
      padding: 12px 8px 12px 12px;
      border: 1px solid var(--cv-border);
      border-radius: 12px;
      background: var(--cv-surface);
      box-shadow: var(--cv-shadow-lg);
      pointer-events: auto;
      animation: cv-toast-in 160ms ease-out;
    }

    .mark {
      flex: none;
      width: 8px;
      height: 8px;
      margin-top: 6px;
      border-radius: 50%;
      background: var(--cv-accent);
    }

    .text {
      flex: 1;
      min-width: 0;
    }

    .title {
      margin: 0;
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .body {
      margin: 2px 0 0;
      font-size: 12.5px;
      color: var(--cv-text-muted);
      overflow-wrap: anywhere;
    }

    .open {
      margin: 6px 0 0;
      padding: 0;
      border: 0;
      background: none;
      color: var(--cv-accent);
      font-size: 13px;
      font-weight: 550;
      cursor: pointer;

      &:hover {
        text-decoration: underline;
      }
    }

    .dismiss {
      display: grid;
      place-items: center;
      flex: none;
      width: 28px;
      height: 28px;
      border: 0;
      border-radius: 6px;
      background: transparent;
      color: var(--cv-text-muted);
      cursor: pointer;

      &:hover {
        background: var(--cv-hover);
        color: var(--cv-text);
      }
    }

    .more {
      justify-self: end;
      margin: 0;
      padding: 3px 10px;
      border-radius: 999px;
      background: var(--cv-surface-2);
      color: var(--cv-text-muted);
      font-size: 12px;
      box-shadow: var(--cv-shadow);
      pointer-events: auto;
    }

    @keyframes cv-toast-in {
      from {
        opacity: 0;
        transform: translateY(6px);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationToasts {
  protected readonly store = inject(NotificationsStore);
  private readonly router = inject(Router);

  protected readonly linkLabel = notificationLinkLabel;

  protected hasLink(entry: NotificationDto): boolean {
    return notificationLink(entry) !== null;
  }

  protected async follow(entry: NotificationDto): Promise<void> {
    this.store.dismissToast(entry.id);
    void this.store.markRead(entry.id);
    const link = notificationLink(entry);
    if (link) await this.router.navigate(link.path, { queryParams: link.query });
  }
}
