import { ChangeDetectionStrategy, Component, computed, DOCUMENT, inject } from '@angular/core';
import { CopyButton } from '../ui/copy-button';
import { curlExample } from './curl-example';

/** How an integrator uses a token, with a working example and the reference. */
@Component({
  selector: 'cv-api-token-usage',
  imports: [CopyButton],
  template: `
    <section class="cv-card" aria-labelledby="token-usage-title" data-testid="token-usage">
      <h2 id="token-usage-title">How to use a token</h2>
      <p class="cv-hint">
        Send it in the <code>Authorization</code> header of every request. It acts with the role it was given, and stops
        working when it expires or is revoked.
      </p>
      <pre class="snippet"><code>{{ example() }}</code></pre>
      <div class="actions">
        <cv-copy-button [text]="example()" label="Copy the example command" shortLabel="Copy command" />
        <a class="cv-btn" href="/api/docs" target="_blank" rel="noopener" data-testid="api-docs-link">
          API reference<span class="cv-visually-hidden"> (opens in a new tab)</span>
        </a>
      </div>
    </section>
  `,
  styles: `
    .cv-hint {
      margin-bottom: 12px;
    }
    .snippet {
      margin: 0 0 12px;
      padding: 12px 14px;
      border-radius: 8px;
      background: var(--cv-surface-2);
      border: 1px solid var(--cv-border);
      font-size: 12.5px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokenUsage {
  private readonly origin = inject(DOCUMENT).location.origin;
  protected readonly example = computed(() => curlExample(this.origin, '<token>'));
}
