import { afterNextRender, ChangeDetectionStrategy, Component, inject, Injector, viewChild } from '@angular/core';
import { ApiTokenCreateForm } from './api-token-create-form';
import { ApiTokenUsage } from './api-token-usage';
import { ApiTokensStore } from './api-tokens.store';
import { ApiTokensTable } from './api-tokens-table';
import { CreatedApiTokenCard } from './created-api-token-card';

/** `/api-tokens` (admins): bearer tokens for systems that read or drive Convoy through its API. */
@Component({
  selector: 'cv-api-tokens-page',
  imports: [ApiTokenCreateForm, ApiTokenUsage, ApiTokensTable, CreatedApiTokenCard],
  providers: [ApiTokensStore],
  template: `
    <div class="cv-page">
      <header class="cv-page-head">
        <div>
          <h1>API tokens</h1>
          <p>For other systems (an ERP, a data warehouse, a script) to use Convoy's API without a person signing in.</p>
        </div>
      </header>

      <div class="cv-split">
        <section class="cv-card" aria-labelledby="new-token-title">
          <h2 id="new-token-title">New token</h2>
          <cv-api-token-create-form (created)="onCreated()" />
        </section>
        @if (store.created(); as token) {
          <cv-created-api-token-card [token]="token" (done)="store.dismissCreated()" />
        } @else {
          <cv-api-token-usage />
        }
      </div>

      <cv-api-tokens-table />
    </div>
  `,
  styles: `
    :host {
      display: block;
      height: 100%;
      overflow-y: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokensPage {
  protected readonly store = inject(ApiTokensStore);
  private readonly createdCard = viewChild(CreatedApiTokenCard);
  private readonly injector = inject(Injector);

  constructor() {
    void this.store.load();
  }

  /** Takes the user to the secret, once it is rendered. */
  protected onCreated(): void {
    afterNextRender(() => this.createdCard()?.focus(), { injector: this.injector });
  }
}
