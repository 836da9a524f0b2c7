import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** Shown while the live feed is down: the map is frozen, and says so, until it reconnects. */
@Component({
  selector: 'cv-connection-banner',
  template: `
    <div class="banner" role="status" data-testid="connection-banner">
      <span class="pulse" aria-hidden="true"></span>
      <p>
        <strong>Live updates paused:</strong> the connection to the server was lost. Positions on the map may be
        out of date.
        <span class="attempt">
          Reconnecting{{ attempt() > 0 ? ' (attempt ' + attempt() + ')' : '' }}…
        </span>
      </p>
      <button type="button" (click)="retry.emit()">Retry now</button>
    </div>
  `,
  styles: `
    .banner {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 8px 12px 8px 16px;
      background: var(--cv-danger-bg);
      border-bottom: 1px solid var(--cv-danger-border);
      color: var(--cv-danger-text);
      font-size: 13px;
    }
    p {
      flex: 1;
      margin: 0;
    }
    .attempt {
      white-space: nowrap;
    }
    .pulse {
      flex: none;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: currentColor;
      animation: blink 1.2s ease-in-out infinite;
    }
    @keyframes blink {
      50% {
        opacity: 0.25;
      }
    }
    button {
      flex: none;
      height: 30px;
      padding: 0 12px;
      border: 1px solid currentColor;
      border-radius: 7px;
      background: transparent;
      font-weight: 600;
      cursor: pointer;
    }
    button:hover {
      background: var(--cv-hover);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionBanner {
  readonly attempt = input(0);
  readonly retry = output<void>();
}
