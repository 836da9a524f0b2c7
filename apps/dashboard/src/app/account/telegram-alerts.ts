import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import type { MyTelegramDto, TelegramLinkDto } from '@convoy/contracts';
import { actionErrorMessage } from '../core/http/api-error';
import { CopyButton } from '../ui/copy-button';
import { LocalDateTime } from '../ui/local-date-time';
import { QrCode } from '../ui/qr-code';
import { MyTelegramApi } from './my-telegram-api';

/** While a link is shown, the status is re-read this often, so "Linked" appears once the bot confirmed. */
export const LINK_POLL_MS = 3_000;

/**
 * Account page → "Telegram alerts": link the user's own Telegram chat (a one-time t.me link, also as a
 * QR code for the phone), see whether it is linked and muted (`/mute 1h` in the chat), unlink.
 */
@Component({
  selector: 'cv-telegram-alerts',
  imports: [QrCode, CopyButton, LocalDateTime],
  templateUrl: './telegram-alerts.html',
  styleUrl: './telegram-alerts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TelegramAlerts {
  private readonly api = inject(MyTelegramApi);

  protected readonly status = signal<MyTelegramDto | null>(null);
  protected readonly link = signal<TelegramLinkDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal('');
  protected readonly muted = computed(() => {
    const until = this.status()?.mutedUntil;
    return until && new Date(until).getTime() > Date.now() ? until : null;
  });
  protected readonly who = computed(() => {
    const s = this.status();
    if (!s?.linked) return '';
    return s.username ? `@${s.username}` : (s.firstName ?? 'your Telegram account');
  });

  private poll: ReturnType<typeof setInterval> | undefined;

  constructor() {
    void this.refresh();
    inject(DestroyRef).onDestroy(() => clearInterval(this.poll));
  }

  protected async refresh(): Promise<void> {
    try {
      const status = await this.api.status();
      this.status.set(status);
      this.error.set(null);
      if (status.linked && this.link()) {
        this.link.set(null);
        this.stopPolling();
        this.notice.set(`Linked: alerts now reach ${this.who()} in Telegram.`);
      }
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not read your Telegram link'));
    }
  }

  protected async createLink(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.notice.set('');
    try {
      this.link.set(await this.api.createLink());
      this.startPolling();
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not create a Telegram link'));
    } finally {
      this.busy.set(false);
    }
  }

  protected async unlink(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.unlink();
      this.notice.set('Unlinked: no more alerts in Telegram.');
      await this.refresh();
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not unlink Telegram'));
    } finally {
      this.busy.set(false);
    }
  }

  protected cancelLink(): void {
    this.link.set(null);
    this.stopPolling();
  }

  private startPolling(): void {
    this.stopPolling();
    this.poll = setInterval(() => {
      const link = this.link();
      if (!link || new Date(link.expiresAt).getTime() < Date.now()) {
        this.stopPolling();
        return;
      }
      void this.refresh();
    }, LINK_POLL_MS);
  }

  private stopPolling(): void {
    clearInterval(this.poll);
    this.poll = undefined;
  }
}
