import { ChangeDetectionStrategy, Component, computed, type ElementRef, input, output, viewChild } from '@angular/core';
import type { CreatedLinkResponse } from '@convoy/contracts';
import { CopyButton } from '../ui/copy-button';
import { LocalDateTime } from '../ui/local-date-time';
import { SelectOnFocus } from '../ui/select-on-focus';
import { svgDataUrl } from './qr-image';

/**
 * The link just created: its t.me URL with a copy button, a QR code big enough to scan from a
 * phone, and what to do with it. The token exists only in this answer, so the card says so.
 * Without a bot username the server has no URL to give: the card shows the token and what is missing.
 */
@Component({
  selector: 'cv-created-link-card',
  imports: [CopyButton, LocalDateTime, SelectOnFocus],
  templateUrl: './created-link-card.html',
  styleUrl: './created-link-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreatedLinkCard {
  readonly link = input.required<CreatedLinkResponse>();
  readonly botUsername = input<string | null>(null);
  /** The server runs without TELEGRAM_BOT_TOKEN: nothing answers the driver yet. */
  readonly botDisabled = input(false);
  readonly done = output<void>();

  protected readonly qrSource = computed(() => {
    const svg = this.link().qrSvg;
    return svg ? svgDataUrl(svg) : null;
  });
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  /** Moves focus here, so keyboard and screen reader users land on the result. */
  focus(): void {
    const heading = this.heading().nativeElement;
    heading.focus();
    heading.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }
}
