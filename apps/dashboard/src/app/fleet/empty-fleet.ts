import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** No drivers at all: how to get the first one onto the map. */
@Component({
  selector: 'cv-empty-fleet',
  imports: [RouterLink],
  template: `
    <section class="card" aria-labelledby="empty-fleet-title" data-testid="empty-fleet">
      <h2 id="empty-fleet-title">No drivers yet</h2>
      <p>
        Drivers join with a tracking link: they open it in Telegram, share their live location, and appear here
        within a second. Nothing to install.
      </p>
      @if (canCreateLinks()) {
        <a class="action" routerLink="/links">Create a tracking link</a>
      } @else {
        <p class="hint">Ask a dispatcher or an admin to create a tracking link for your drivers.</p>
      }
    </section>
  `,
  styles: `
    :host {
      position: absolute;
      z-index: 1000;
      top: 50%;
      left: 50%;
      transform: translate(-50%, -50%);
      width: min(420px, calc(100% - 32px));
      pointer-events: none;
    }
    .card {
      padding: 22px 24px;
      border: 1px solid var(--cv-border);
      border-radius: 12px;
      background: var(--cv-surface);
      box-shadow: var(--cv-shadow-lg);
      text-align: center;
      pointer-events: auto;
    }
    h2 {
      margin: 0 0 8px;
      font-size: 17px;
    }
    p {
      margin: 0 0 16px;
      color: var(--cv-text-muted);
    }
    .hint {
      margin: 0;
    }
    .action {
      display: inline-flex;
      align-items: center;
      height: 38px;
      padding: 0 16px;
      border-radius: 8px;
      background: var(--cv-accent);
      color: #fff;
      font-weight: 600;
      text-decoration: none;
    }
    .action:hover {
      background: var(--cv-accent-strong);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyFleet {
  readonly canCreateLinks = input(false);
}
