import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { STATUS_ORDER, STATUS_STYLE } from './status-style';

/**
 * What the marker colours and shapes mean. Collapsible, so it never hides the map for long: open at
 * first on wide screens, folded on phones (where it would cover a good part of the map), then as
 * the dispatcher last left it.
 */
@Component({
  selector: 'cv-map-legend',
  template: `
    <details class="cv-legend" [open]="startOpen" (toggle)="remember($event)" data-testid="map-legend">
      <summary>Legend</summary>
      <ul>
        @for (status of statuses; track status) {
          <li>
            <span class="cv-legend-dot" [style.background]="style[status].color" aria-hidden="true"></span>
            <span class="cv-legend-label">{{ style[status].label }}</span>
            <span class="cv-legend-meaning">{{ style[status].meaning }}</span>
          </li>
        }
        @if (demo()) {
          <li data-testid="map-legend-demo">
            <span class="cv-legend-dot cv-legend-demo" aria-hidden="true"></span>
            <span class="cv-legend-label">Demo</span>
            <span class="cv-legend-meaning">simulated driver</span>
          </li>
        }
        <li>
          <span class="cv-legend-dot cv-legend-heading" aria-hidden="true"></span>
          <span class="cv-legend-label">Arrow</span>
          <span class="cv-legend-meaning">direction of travel</span>
        </li>
        <li>
          <span class="cv-legend-cluster" aria-hidden="true">12</span>
          <span class="cv-legend-label">Group</span>
          <span class="cv-legend-meaning">ring split by status</span>
        </li>
      </ul>
    </details>
  `,
  styles: `
    :host {
      position: absolute;
      z-index: 1000;
      left: 10px;
      bottom: 22px;
    }
    .cv-legend {
      padding: 6px 10px;
      border: 1px solid var(--cv-border);
      border-radius: 8px;
      background: color-mix(in srgb, var(--cv-surface) 94%, transparent);
      box-shadow: var(--cv-shadow);
      font-size: 11.5px;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
      color: var(--cv-text-muted);
    }
    ul {
      display: grid;
      grid-template-columns: auto auto 1fr;
      gap: 3px 8px;
      align-items: center;
      margin: 6px 0 2px;
      padding: 0;
      list-style: none;
    }
    li {
      display: contents;
    }
    .cv-legend-dot {
      justify-self: center;
      width: 12px;
      height: 12px;
      border: 2px solid #fff;
      border-radius: 50%;
      box-shadow: 0 0 0 1px rgb(0 0 0 / 20%);
    }
    .cv-legend-demo {
      background: var(--cv-text-subtle);
      border: 2px dashed #312e81;
    }
    .cv-legend-heading {
      position: relative;
      background: #16a34a;
    }
    .cv-legend-heading::after {
      content: '';
      position: absolute;
      left: 50%;
      top: -8px;
      transform: translateX(-50%);
      border: 4px solid transparent;
      border-bottom: 6px solid #16a34a;
    }
    .cv-legend-cluster {
      display: grid;
      place-items: center;
      width: 22px;
      height: 22px;
      border-radius: 50%;
      background:
        radial-gradient(var(--cv-surface) 56%, transparent 58%),
        conic-gradient(#16a34a 0 60%, #d97706 60% 80%, #64748b 80%);
      font-size: 9px;
      font-weight: 700;
    }
    .cv-legend-label {
      font-weight: 600;
    }
    .cv-legend-meaning {
      color: var(--cv-text-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MapLegend {
  /** The fleet has simulated drivers: explain their marker (otherwise it is noise). */
  readonly demo = input(false);
  protected readonly statuses = STATUS_ORDER;
  protected readonly style = STATUS_STYLE;
  /** As the dispatcher left it; at first open on wide screens, folded on phones. */
  protected readonly startOpen = readOpen() ?? (typeof matchMedia === 'function' && matchMedia('(min-width: 768px)').matches);

  protected remember(event: Event): void {
    try {
      localStorage.setItem(LEGEND_OPEN, (event.target as HTMLDetailsElement).open ? '1' : '0');
    } catch {
      // storage disabled: the legend simply starts as it did
    }
  }
}

const LEGEND_OPEN = 'convoy.mapLegendOpen';

function readOpen(): boolean | null {
  try {
    const stored = localStorage.getItem(LEGEND_OPEN);
    return stored === null ? null : stored === '1';
  } catch {
    return null;
  }
}
