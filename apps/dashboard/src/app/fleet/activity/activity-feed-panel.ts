import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { ActivityFeed, formatClock, formatDwell, type ActivityEntry } from '../../core/live/activity-feed';

/**
 * Under the driver list: today's arrivals and departures, newest first ("Aziz arrived at Depot North
 * · 08:31", "Aziz left Customer Müller after 24 min · 09:02"); a line opens its driver.
 */
@Component({
  selector: 'cv-activity-feed-panel',
  template: `
    <details class="activity" open data-testid="activity-feed">
      <summary>
        <h2 id="activity-heading">Activity today</h2>
        <span class="count">{{ feed.count() }}</span>
      </summary>
      @if (feed.entries().length === 0) {
        <p class="empty">{{ feed.loaded() ? 'No arrivals or departures yet today.' : 'Loading…' }}</p>
      } @else {
        <ol aria-labelledby="activity-heading">
          @for (entry of feed.entries(); track entry.key) {
            <li>
              <button type="button" [class]="entry.type" (click)="choose.emit(entry.driverId)" data-testid="activity-entry">
                <span class="dot" aria-hidden="true"></span>
                <span class="text">{{ sentence(entry) }}</span>
                <time [attr.datetime]="iso(entry.at)">{{ clock(entry.at) }}</time>
              </button>
            </li>
          }
        </ol>
      }
    </details>
  `,
  styles: `
    :host {
      display: block;
      min-height: 0;
      border-top: 1px solid var(--cv-border);
    }
    .activity {
      display: flex;
      flex-direction: column;
      max-height: 32vh;
    }
    summary {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 10px 16px;
      cursor: pointer;
      user-select: none;
    }
    h2 {
      margin: 0;
      font-size: 0.95rem;
    }
    .count {
      color: var(--cv-text-muted);
      font-size: 0.85rem;
    }
    .empty {
      margin: 0;
      padding: 0 16px 12px;
      color: var(--cv-text-muted);
      font-size: 0.875rem;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0 0 8px;
      overflow-y: auto;
      max-height: calc(32vh - 44px);
    }
    button {
      display: grid;
      grid-template-columns: 10px minmax(0, 1fr) auto;
      align-items: baseline;
      gap: 8px;
      width: 100%;
      padding: 6px 16px;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      font-size: 0.875rem;
      text-align: left;
      cursor: pointer;
    }
    button:hover,
    button:focus-visible {
      background: var(--cv-surface-hover, rgba(0, 0, 0, 0.04));
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: #16a34a;
    }
    .departed .dot {
      background: #94a3b8;
    }
    time {
      color: var(--cv-text-muted);
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityFeedPanel {
  protected readonly feed = inject(ActivityFeed);
  /** A line was clicked: open that driver. */
  readonly choose = output<string>();

  protected sentence(entry: ActivityEntry): string {
    return entry.type === 'arrived'
      ? `${entry.driverName} arrived at ${entry.placeName}`
      : `${entry.driverName} left ${entry.placeName} after ${formatDwell(entry.dwellSeconds ?? 0)}`;
  }

  protected clock(ms: number): string {
    return formatClock(ms);
  }

  protected iso(ms: number): string {
    return new Date(ms).toISOString();
  }
}
