import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'cv-not-found-page',
  imports: [RouterLink],
  template: `
    <section class="box" aria-labelledby="not-found-title">
      <p class="code">404</p>
      <h1 id="not-found-title">Page not found</h1>
      <p>This address does not lead anywhere in Convoy.</p>
      <a routerLink="/">Back to the live map</a>
    </section>
  `,
  styles: `
    :host {
      display: grid;
      place-items: center;
      height: 100%;
      padding: 24px;
    }
    .box {
      max-width: 360px;
      text-align: center;
    }
    .code {
      margin: 0;
      font-size: 13px;
      font-weight: 600;
      color: var(--cv-accent);
    }
    h1 {
      margin: 4px 0 8px;
      font-size: 20px;
      letter-spacing: -0.02em;
    }
    p {
      color: var(--cv-text-muted);
    }
    a {
      color: var(--cv-accent);
      font-weight: 550;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
