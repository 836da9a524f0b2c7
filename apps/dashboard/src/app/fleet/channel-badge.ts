import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DriverChannel } from '@convoy/contracts';

/** How each channel reads (the icon is decoration: the text always says it). */
export const CHANNEL_LABELS: Readonly<Record<DriverChannel, string>> = {
  telegram: 'Telegram',
  browser: 'Browser',
  app: 'GPS app',
};

/** "Telegram", "Browser", "GPS app"; null when nothing is connected. */
export function channelLabel(channel: DriverChannel | null | undefined): string | null {
  return channel ? CHANNEL_LABELS[channel] : null;
}

/** A driver's channel as an icon and its name. */
@Component({
  selector: 'cv-channel-badge',
  template: `
    @if (channel(); as c) {
      <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true" focusable="false">
        @switch (c) {
          @case ('telegram') {
            <path fill="currentColor" d="M17.6 3.2 2.9 8.9c-1 .4-1 1 0 1.3l3.7 1.2 1.4 4.4c.2.5.5.6.9.3l2.1-1.7 4 3c.7.4 1.2.2 1.4-.7L19 4.4c.3-1.1-.4-1.6-1.4-1.2ZM7.6 11l7.3-4.6c.4-.2.7 0 .4.2l-6 5.5-.3 2.7L7.6 11Z" />
          }
          @case ('browser') {
            <path fill="currentColor" d="M3 4a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V4Zm2 2v10h10V6H5Zm1-3a.8.8 0 1 0 0 1.6A.8.8 0 0 0 6 3Zm2.4 0a.8.8 0 1 0 0 1.6.8.8 0 0 0 0-1.6Z" />
          }
          @case ('app') {
            <path fill="currentColor" d="M10 1.5a6 6 0 0 0-6 6c0 4.4 6 11 6 11s6-6.6 6-11a6 6 0 0 0-6-6Zm0 8.3a2.3 2.3 0 1 1 0-4.6 2.3 2.3 0 0 1 0 4.6Z" />
          }
        }
      </svg>
      <span>{{ label() }}</span>
    } @else {
      <span class="none">{{ emptyLabel() }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      white-space: nowrap;
    }
    svg {
      flex: none;
      color: var(--cv-text-muted);
    }
    .none {
      color: var(--cv-text-subtle);
    }
  `,
  host: { '[attr.data-channel]': 'channel() ?? "none"' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChannelBadge {
  readonly channel = input<DriverChannel | null | undefined>(null);
  readonly emptyLabel = input('not connected');
  protected readonly label = computed(() => channelLabel(this.channel()));
}
