import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { CONVOY_EVENT_TYPES, type ConvoyEventType, type WebhookDto } from '@convoy/contracts';
import { CopyButton } from '../ui/copy-button';
import { SelectOnFocus } from '../ui/select-on-focus';
import { WebhookDeliveryLog } from './webhook-delivery-log';
import { EVENT_LABELS } from './webhook-labels';
import { WebhooksStore } from './webhooks.store';

/** The endpoints and the selected one's delivery log are refreshed this often while the page is visible. */
const LOG_REFRESH_MS = 5000;

/** `/webhooks` and `/webhooks/:id` (admins): signed HTTP callbacks for integrators, with their delivery log. */
@Component({
  selector: 'cv-webhooks-page',
  imports: [FormsModule, CopyButton, SelectOnFocus, WebhookDeliveryLog],
  providers: [WebhooksStore],
  template: `
    <div class="cv-page">
      <header class="cv-page-head">
        <div>
          <h1>Webhooks</h1>
          <p>
            Convoy POSTs each event you choose to your endpoint, signed the Standard Webhooks way
            (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>), and retries for about a day.
          </p>
        </div>
      </header>
      <span class="cv-visually-hidden" aria-live="polite">{{ store.notice() }}</span>

      <div class="cv-split">
        <section class="cv-card" aria-labelledby="new-webhook-title">
          <h2 id="new-webhook-title">New endpoint</h2>
          <form (ngSubmit)="create()" class="form" data-testid="webhook-form">
            <div class="cv-field">
              <label for="webhook-url">URL</label>
              <input id="webhook-url" name="url" type="url" required placeholder="https://erp.example.com/convoy" [(ngModel)]="url" data-testid="webhook-url" />
              <p class="cv-hint">https, on a public host.</p>
            </div>
            <div class="cv-field">
              <label for="webhook-description">Description <span class="cv-optional">optional</span></label>
              <input id="webhook-description" name="description" maxlength="500" [(ngModel)]="description" data-testid="webhook-description" />
            </div>
            <fieldset class="events">
              <legend class="cv-label">Events</legend>
              @for (type of eventTypes; track type) {
                <label class="check">
                  <input type="checkbox" [checked]="chosen().has(type)" (change)="toggle(type)" [attr.data-testid]="'webhook-event-' + type" />
                  {{ eventLabels[type] }} <code class="cv-sub">{{ type }}</code>
                </label>
              }
            </fieldset>
            @if (store.createError(); as error) {
              <p class="cv-alert" role="alert" data-testid="webhook-create-error">{{ error }}</p>
            }
            <div class="actions">
              <button type="submit" class="cv-btn cv-btn--primary" [disabled]="store.creating() || !url.trim() || chosen().size === 0" data-testid="webhook-create">
                Add endpoint
              </button>
            </div>
          </form>
        </section>

        @if (store.created(); as created) {
          <section class="cv-card created" aria-labelledby="created-webhook-title" data-testid="created-webhook">
            <h2 id="created-webhook-title" tabindex="-1">Endpoint added</h2>
            <p class="cv-alert cv-alert--warn">
              <span><strong>Copy the signing secret now: you will not see it again.</strong> Your endpoint verifies each delivery with it.</span>
            </p>
            <div class="copy-row">
              <input type="text" class="cv-mono" readonly [value]="created.secret" cvSelectOnFocus aria-label="Signing secret" data-testid="created-webhook-secret" />
              <cv-copy-button [text]="created.secret" label="Copy the signing secret" shortLabel="Copy secret" [primary]="true" testId="copy-webhook-secret" />
            </div>
            <div class="actions">
              <button type="button" class="cv-btn" (click)="store.dismissCreated()" data-testid="created-webhook-done">I have copied it</button>
            </div>
          </section>
        } @else {
          <section class="cv-card" aria-labelledby="verify-title">
            <h2 id="verify-title">Verifying deliveries</h2>
            <p>Use an official Standard Webhooks library with the endpoint's secret, for example in Node:</p>
            <pre class="snippet"><code>{{ snippet }}</code></pre>
            <p class="cv-hint">Deduplicate on <code>webhook-id</code>: it is the event's id, the same on every retry.</p>
          </section>
        }
      </div>

      <section aria-labelledby="endpoints-title">
        <h2 id="endpoints-title">Endpoints</h2>
        @if (store.loadError(); as error) {
          <p class="cv-alert" role="alert">{{ error }}</p>
        }
        @if (store.changeError(); as error) {
          <p class="cv-alert" role="alert" data-testid="webhook-change-error">{{ error }}</p>
        }
        @if (store.loaded() && store.webhooks().length === 0) {
          <p class="cv-empty">No endpoints yet.</p>
        }
        <ul class="endpoints">
          @for (hook of store.webhooks(); track hook.id) {
            <li class="cv-card endpoint" [class.selected]="store.deliveriesFor() === hook.id" data-testid="webhook-row" [attr.data-webhook-url]="hook.url">
              <div class="head">
                <div class="what">
                  <strong class="cv-mono url">{{ hook.url }}</strong>
                  @if (hook.description) {
                    <span class="cv-sub">{{ hook.description }}</span>
                  }
                </div>
                @if (hook.enabled) {
                  <span class="cv-badge" data-tone="ok" data-testid="webhook-state">Enabled</span>
                } @else {
                  <span class="cv-badge" data-tone="danger" data-testid="webhook-state">Disabled</span>
                }
              </div>
              @if (!hook.enabled && hook.disabledReason) {
                <p class="cv-alert cv-alert--warn" data-testid="webhook-disabled-reason"><span>Convoy disabled it: {{ hook.disabledReason }}</span></p>
              }
              @if (editing() === hook.id) {
                <fieldset class="events">
                  <legend class="cv-label">Events</legend>
                  @for (type of eventTypes; track type) {
                    <label class="check">
                      <input type="checkbox" [checked]="editChosen().has(type)" (change)="toggleEdit(type)" />
                      {{ eventLabels[type] }}
                    </label>
                  }
                </fieldset>
                <div class="actions">
                  <button type="button" class="cv-btn cv-btn--primary cv-btn--sm" [disabled]="editChosen().size === 0 || store.isChanging(hook.id)" (click)="saveEvents(hook)">Save events</button>
                  <button type="button" class="cv-btn cv-btn--ghost cv-btn--sm" (click)="editing.set(null)">Cancel</button>
                </div>
              } @else {
                <p class="cv-sub">{{ describeEvents(hook) }}</p>
              }
              <div class="actions">
                <button type="button" class="cv-btn cv-btn--sm" (click)="openLog(hook.id)" [attr.aria-pressed]="store.deliveriesFor() === hook.id" data-testid="webhook-show-log">
                  Delivery log
                </button>
                <button type="button" class="cv-btn cv-btn--sm" (click)="sendTest(hook.id)" data-testid="webhook-send-test">Send test event</button>
                <button type="button" class="cv-btn cv-btn--sm" (click)="startEdit(hook)">Edit events</button>
                <button type="button" class="cv-btn cv-btn--sm" [disabled]="store.isChanging(hook.id)" (click)="store.update(hook.id, { enabled: !hook.enabled })" data-testid="webhook-toggle">
                  {{ hook.enabled ? 'Disable' : 'Enable' }}
                </button>
                <button type="button" class="cv-btn cv-btn--sm cv-btn--danger" (click)="remove(hook)">Delete</button>
              </div>
            </li>
          }
        </ul>
      </section>

      @if (store.deliveriesFor(); as selected) {
        <cv-webhook-delivery-log
          [deliveries]="store.deliveries()"
          [error]="store.deliveriesError()"
          [endpoint]="urlOf(selected)"
          [endpointEnabled]="isEnabled(selected)"
          (retry)="store.retry(selected, $event)"
          (refresh)="store.loadDeliveries(selected)"
        />
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      height: 100%;
      overflow-y: auto;
    }
    .form {
      display: grid;
      gap: 12px;
    }
    .events {
      border: 0;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
      gap: 4px 12px;
    }
    .events legend {
      margin-bottom: 6px;
    }
    .check {
      display: flex;
      align-items: center;
      gap: 6px;
      font-size: 14px;
    }
    .created {
      display: grid;
      gap: 12px;
      border-color: var(--cv-accent);
      box-shadow: 0 0 0 3px var(--cv-accent-soft), var(--cv-shadow);
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
    .endpoints {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 12px;
    }
    .endpoint {
      display: grid;
      gap: 8px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .endpoint.selected {
      border-color: var(--cv-accent);
    }
    .head {
      display: flex;
      justify-content: space-between;
      gap: 12px;
      align-items: flex-start;
    }
    .what {
      display: grid;
      gap: 2px;
      min-width: 0;
    }
    .url {
      overflow-wrap: anywhere;
    }
    h2 {
      font-size: 17px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhooksPage {
  /** `/webhooks/:id` (the admin notice links there) opens that endpoint's log. */
  readonly id = input<string | undefined>();

  protected readonly store = inject(WebhooksStore);
  private readonly router = inject(Router);
  protected readonly eventTypes = CONVOY_EVENT_TYPES;
  protected readonly eventLabels = EVENT_LABELS;
  protected url = '';
  protected description = '';
  protected readonly chosen = signal<ReadonlySet<ConvoyEventType>>(new Set(['visit.arrived', 'visit.departed']));
  protected readonly editing = signal<string | null>(null);
  protected readonly editChosen = signal<ReadonlySet<ConvoyEventType>>(new Set());
  protected readonly snippet = VERIFY_SNIPPET;

  constructor() {
    void this.store.load();
    effect(() => {
      const id = this.id() ?? null;
      untracked(() => this.store.showDeliveries(id));
    });
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      // Convoy may disable an endpoint meanwhile (410, a day of failures): the list shows it
      void this.store.load();
      const selected = this.store.deliveriesFor();
      if (selected) void this.store.loadDeliveries(selected);
    }, LOG_REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected toggle(type: ConvoyEventType): void {
    this.chosen.update((set) => flip(set, type));
  }

  protected toggleEdit(type: ConvoyEventType): void {
    this.editChosen.update((set) => flip(set, type));
  }

  protected async create(): Promise<void> {
    const created = await this.store.create({
      url: this.url.trim(),
      events: CONVOY_EVENT_TYPES.filter((type) => this.chosen().has(type)),
      description: this.description.trim(),
    });
    if (created) {
      this.url = '';
      this.description = '';
    }
  }

  protected startEdit(hook: WebhookDto): void {
    this.editChosen.set(new Set(hook.events));
    this.editing.set(hook.id);
  }

  protected async saveEvents(hook: WebhookDto): Promise<void> {
    const events = CONVOY_EVENT_TYPES.filter((type) => this.editChosen().has(type));
    if (await this.store.update(hook.id, { events }, 'Could not change the events')) this.editing.set(null);
  }

  /** Queues a test event and shows the log it appears in. */
  protected async sendTest(id: string): Promise<void> {
    await this.store.sendTest(id);
    this.openLog(id);
  }

  protected openLog(id: string): void {
    void this.router.navigate(['/webhooks', id]);
  }

  protected async remove(hook: WebhookDto): Promise<void> {
    if (!confirm(`Delete the endpoint ${hook.url} and its delivery log? Deliveries not sent yet are dropped.`)) return;
    if ((await this.store.remove(hook.id)) && this.id() === hook.id) void this.router.navigate(['/webhooks']);
  }

  protected describeEvents(hook: WebhookDto): string {
    return hook.events.map((type) => EVENT_LABELS[type]).join(', ');
  }

  protected isEnabled(id: string): boolean {
    return this.store.webhooks().find((hook) => hook.id === id)?.enabled ?? true;
  }

  protected urlOf(id: string): string {
    return this.store.webhooks().find((hook) => hook.id === id)?.url ?? '';
  }
}

function flip<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

const VERIFY_SNIPPET = `import { Webhook } from 'standardwebhooks';

const wh = new Webhook(process.env.CONVOY_WEBHOOK_SECRET); // whsec_…
// raw body (string) and the request's headers:
const event = wh.verify(rawBody, headers); // throws if forged or stale`;
