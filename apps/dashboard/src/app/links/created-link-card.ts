import { ChangeDetectionStrategy, Component, computed, type ElementRef, input, output, viewChild } from '@angular/core';
import type { CreatedLinkResponse } from '@convoy/contracts';
import type { BotSetting } from '../core/config/bot-setup';
import { CopyButton } from '../ui/copy-button';
import { LocalDateTime } from '../ui/local-date-time';
import { focusAndReveal } from '../ui/reveal';
import { SelectOnFocus } from '../ui/select-on-focus';
import { SettingNames } from '../ui/setting-names';
import { svgDataUrl } from './qr-image';

/**
 * The link just created: its join page URL (Convoy's own page: Telegram, browser or GPS app) and QR
 * code big enough to scan from a phone, the t.me URL beside it, and what to do with them. The token exists only in this answer, so the card says so.
 * Without a bot username there is no t.me URL (the server sends url = joinUrl): the card says what is missing for Telegram.
 */
@Component({
  selector: 'cv-created-link-card',
  imports: [CopyButton, LocalDateTime, SelectOnFocus, SettingNames],
  templateUrl: './created-link-card.html',
  styleUrl: './created-link-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreatedLinkCard {
  readonly link = input.required<CreatedLinkResponse>();
  readonly botUsername = input<string | null>(null);
  /** The bot settings the server lacks (see missingBotSettings): nothing answers the driver yet. */
  readonly missingSettings = input<readonly BotSetting[]>([]);
  readonly done = output<void>();

  /** No URL: the server has no bot username, whatever else the config says (or if it could not be read). */
  protected readonly noUrlSettings = computed(() => {
    const missing = this.missingSettings();
    return missing.includes('TELEGRAM_BOT_USERNAME') ? missing : [...missing, 'TELEGRAM_BOT_USERNAME'];
  });
  /** The t.me deep link beside the join page; null without a bot (the server then sends url = joinUrl). */
  protected readonly telegramUrl = computed(() => {
    const { url, joinUrl } = this.link();
    return url !== joinUrl ? url : null;
  });
  protected readonly qrSource = computed(() => {
    const svg = this.link().qrSvg;
    return svg ? svgDataUrl(svg) : null; // the server's QR code of joinUrl
  });
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly card = viewChild.required<ElementRef<HTMLElement>>('card');

  /** Moves focus here, so keyboard and screen reader users land on the result. */
  focus(): void {
    focusAndReveal(this.heading().nativeElement, this.card().nativeElement);
  }
}
