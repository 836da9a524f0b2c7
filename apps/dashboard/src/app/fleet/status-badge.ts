import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DriverStatus } from '@convoy/contracts';
import { STATUS_STYLE } from '../map/status-style';

/** A status as a coloured dot and its name (the colour is never the only cue). */
@Component({
  selector: 'cv-status-badge',
  template: `<span class="dot" [style.background]="style().color" aria-hidden="true"></span>{{ style().label }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-weight: 600;
      white-space: nowrap;
    }
    .dot {
      width: 9px;
      height: 9px;
      border-radius: 50%;
      box-shadow: 0 0 0 2px color-mix(in srgb, currentColor 12%, transparent);
    }
  `,
  host: { '[attr.data-status]': 'status()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusBadge {
  readonly status = input.required<DriverStatus>();
  protected readonly style = computed(() => STATUS_STYLE[this.status()]);
}
