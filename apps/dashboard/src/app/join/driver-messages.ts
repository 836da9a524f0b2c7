import { ChangeDetectionStrategy, Component, computed, DestroyRef, DOCUMENT, effect, inject, input, signal, untracked } from '@angular/core';
import type { MessageDto } from '@convoy/contracts';
import { JoinApi } from './join-api';
import type { JoinLanguage } from './join-texts';

/** How often the open page asks for new messages (a driver's phone: polling, no socket to keep alive). */
export const MESSAGES_POLL_MS = 10_000;

interface DriverMessageTexts {
  title: string;
  fromDispatch: (name: string | null) => string;
  you: string;
  answered: (choice: string) => string;
}

const TEXTS: Record<JoinLanguage, DriverMessageTexts> = {
  en: { title: 'Messages from dispatch', fromDispatch: (n) => `📨 Dispatch${n ? ` (${n})` : ''}`, you: 'You', answered: (c) => `You answered: ${c}` },
  de: { title: 'Nachrichten der Disposition', fromDispatch: (n) => `📨 Disposition${n ? ` (${n})` : ''}`, you: 'Du', answered: (c) => `Deine Antwort: ${c}` },
  ru: { title: 'Сообщения диспетчера', fromDispatch: (n) => `📨 Диспетчер${n ? ` (${n})` : ''}`, you: 'Вы', answered: (c) => `Ваш ответ: ${c}` },
};

/**
 * The join page's messages (browser channel): polled while the page is open and visible — fetching
 * is what delivers them — with the quick replies as buttons. Shown only once there is a message.
 */
@Component({
  selector: 'cv-driver-messages',
  template: `
    @if (messages().length > 0) {
      <section class="messages" aria-labelledby="driver-messages-title" data-testid="driver-messages">
        <h2 id="driver-messages-title">{{ t().title }}</h2>
        <ol>
          @for (m of messages(); track m.id) {
            <li [class.mine]="m.direction === 'from-driver'" data-testid="driver-message">
              <span class="who">{{ m.direction === 'to-driver' ? t().fromDispatch(m.sentBy?.name ?? null) : t().you }}</span>
              <p>{{ m.text }}</p>
              @if (m.direction === 'to-driver' && m.quickReplies.length > 0) {
                @if (m.quickReply) {
                  <p class="answered">✅ {{ t().answered(m.quickReply) }}</p>
                } @else {
                  <div class="replies">
                    @for (q of m.quickReplies; track q; let i = $index) {
                      <button type="button" class="cv-btn" [disabled]="busy()" (click)="tap(m, i)" data-testid="driver-quick-reply">{{ q }}</button>
                    }
                  </div>
                }
              }
            </li>
          }
        </ol>
      </section>
    }
  `,
  styles: `
    .messages { display: grid; gap: 8px; margin-top: 16px; }
    h2 { margin: 0; font-size: 16px; }
    ol { display: grid; gap: 8px; margin: 0; padding: 0; list-style: none; }
    li { padding: 8px 12px; border: 1px solid var(--cv-border); border-radius: 12px; background: var(--cv-surface-2); }
    li.mine { justify-self: end; background: var(--cv-accent-soft); }
    .who { font-size: 12px; color: var(--cv-text-muted); }
    p { margin: 2px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .replies { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
    .answered { font-size: 13px; color: var(--cv-text-muted); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DriverMessages {
  readonly deviceKey = input.required<string>();
  readonly language = input<JoinLanguage>('en');

  private readonly api = inject(JoinApi);
  private readonly document = inject(DOCUMENT);
  protected readonly t = computed(() => TEXTS[this.language()] ?? TEXTS.en);
  protected readonly messages = signal<MessageDto[]>([]);
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      const key = this.deviceKey();
      untracked(() => void this.refresh(key));
    });
    const timer = setInterval(() => {
      if (this.document.visibilityState !== 'hidden') void this.refresh(this.deviceKey());
    }, MESSAGES_POLL_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected async tap(message: MessageDto, option: number): Promise<void> {
    this.busy.set(true);
    try {
      await this.api.replyWith(this.deviceKey(), message.id, option);
    } catch {
      // already answered elsewhere, or offline: the refresh shows what the server holds
    } finally {
      this.busy.set(false);
      await this.refresh(this.deviceKey());
    }
  }

  private async refresh(key: string): Promise<void> {
    try {
      this.messages.set(await this.api.messages(key));
    } catch {
      // offline or a revoked key: the sharing part of the page says so
    }
  }
}
