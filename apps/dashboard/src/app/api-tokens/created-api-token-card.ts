import { ChangeDetectionStrategy, Component, computed, DOCUMENT, type ElementRef, inject, input, output, viewChild } from '@angular/core';
import type { CreatedApiTokenResponse } from '@convoy/contracts';
import { CopyButton } from '../ui/copy-button';
import { LocalDateTimePipe } from '../ui/local-date-time';
import { ROLE_LABELS } from '../ui/role-labels';
import { focusAndReveal } from '../ui/reveal';
import { SelectOnFocus } from '../ui/select-on-focus';
import { curlExample } from './curl-example';

/** The new token's secret, shown this once: copy it now, it is stored hashed. */
@Component({
  selector: 'cv-created-api-token-card',
  imports: [CopyButton, LocalDateTimePipe, SelectOnFocus],
  template: `
    <section #card class="cv-card card" aria-labelledby="created-token-title" data-testid="created-token">
      <h2 id="created-token-title" #heading tabindex="-1">Token “{{ token().name }}” created</h2>
      <p class="cv-alert cv-alert--warn" data-testid="created-token-warning">
        <span><strong>Copy it now: you will not see it again.</strong> Convoy keeps only a fingerprint of it. If it is lost,
        revoke it and create another.</span>
      </p>
      <div class="cv-field">
        <label for="created-token-secret">Token</label>
        <div class="copy-row">
          <input id="created-token-secret" type="text" class="cv-mono" readonly [value]="token().token" cvSelectOnFocus data-testid="created-token-secret" />
          <cv-copy-button [text]="token().token" label="Copy the token" shortLabel="Copy token" [primary]="true" testId="copy-token" />
        </div>
        <p class="cv-hint">
          {{ roleLabel() }} role ·
          @if (token().expiresAt; as expiresAt) {
            valid until <time [attr.datetime]="expiresAt">{{ expiresAt | localDateTime }}</time>
          } @else {
            never expires
          }
        </p>
      </div>
      <div class="cv-field">
        <span class="cv-label">Try it</span>
        <pre class="snippet"><code data-testid="created-token-curl">{{ example() }}</code></pre>
        <cv-copy-button [text]="example()" label="Copy the example command" shortLabel="Copy command" />
      </div>
      <div class="done">
        <button type="button" class="cv-btn" (click)="done.emit()" data-testid="created-token-done">I have copied it</button>
      </div>
    </section>
  `,
  styles: `
    .card {
      display: grid;
      gap: 14px;
      border-color: var(--cv-accent);
      box-shadow: 0 0 0 3px var(--cv-accent-soft), var(--cv-shadow);
    }
    h2 {
      margin: 0;
      font-size: 17px;
      font-weight: 650;
      overflow-wrap: anywhere;
    }
    h2:focus {
      outline: none;
    }
    .copy-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .copy-row input {
      flex: 1 1 240px;
      min-width: 0;
    }
    .snippet {
      margin: 0;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--cv-surface-2);
      border: 1px solid var(--cv-border);
      font-size: 12.5px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .done {
      display: flex;
      justify-content: flex-end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreatedApiTokenCard {
  readonly token = input.required<CreatedApiTokenResponse>();
  readonly done = output<void>();

  private readonly origin = inject(DOCUMENT).location.origin;
  protected readonly example = computed(() => curlExample(this.origin, this.token().token));
  protected readonly roleLabel = computed(() => ROLE_LABELS[this.token().role]);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly card = viewChild.required<ElementRef<HTMLElement>>('card');

  focus(): void {
    focusAndReveal(this.heading().nativeElement, this.card().nativeElement);
  }
}
