import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { WebhookDeliveryDto } from '@convoy/contracts';
import { LocalDateTime } from '../ui/local-date-time';
import { DELIVERY_STATUS_LABELS, DELIVERY_STATUS_TONES, EVENT_LABELS } from './webhook-labels';

/** One endpoint's newest deliveries: status, attempts, last answer, next retry, and a Retry button. */
@Component({
  selector: 'cv-webhook-delivery-log',
  imports: [LocalDateTime],
  template: `
    <section class="log" aria-labelledby="delivery-log-title" data-testid="delivery-log">
      <div class="head">
        <h2 id="delivery-log-title">Delivery log <span class="cv-sub cv-mono">{{ endpoint() }}</span></h2>
        <button type="button" class="cv-btn cv-btn--sm cv-btn--ghost" (click)="refresh.emit()">Refresh</button>
      </div>
      @if (error(); as message) {
        <p class="cv-alert" role="alert">{{ message }}</p>
      }
      @if (deliveries().length === 0) {
        <p class="cv-empty">Nothing sent yet. "Send test event" shows here within a second.</p>
      } @else {
        <div class="cv-table-wrap">
          <table class="cv-table" aria-labelledby="delivery-log-title">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last answer</th>
                <th scope="col">Next retry</th>
                <th scope="col"><span class="cv-visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              @for (delivery of deliveries(); track delivery.id) {
                <tr data-testid="delivery-row" [attr.data-status]="delivery.status">
                  <td data-label="Event">
                    <div>
                      <strong>{{ eventLabels[delivery.eventType] }}</strong>
                      <span class="cv-sub"><time [cvLocalDateTime]="delivery.createdAt"></time></span>
                    </div>
                  </td>
                  <td data-label="Status">
                    <span class="cv-badge" [attr.data-tone]="tones[delivery.status]" data-testid="delivery-status">{{ statusLabels[delivery.status] }}</span>
                  </td>
                  <td data-label="Attempts">{{ delivery.attempts }}</td>
                  <td data-label="Last answer" data-testid="delivery-answer">
                    @if (delivery.lastResponseCode !== null) {
                      <span class="cv-mono">HTTP {{ delivery.lastResponseCode }}</span>
                    }
                    @if (delivery.lastError && delivery.status !== 'delivered' && delivery.lastError !== 'HTTP ' + delivery.lastResponseCode) {
                      <span class="cv-sub">{{ delivery.lastError }}</span>
                    }
                    @if (delivery.lastResponseCode === null && !delivery.lastError) {
                      <span class="cv-sub">–</span>
                    }
                  </td>
                  <td data-label="Next retry">
                    @if (delivery.nextAttemptAt) {
                      <time [cvLocalDateTime]="delivery.nextAttemptAt"></time>
                    } @else {
                      <span class="cv-sub">–</span>
                    }
                  </td>
                  <td>
                    <button
                      type="button"
                      class="cv-btn cv-btn--sm"
                      [disabled]="!endpointEnabled()"
                      [attr.title]="endpointEnabled() ? null : 'Enable the endpoint to retry'"
                      (click)="retry.emit(delivery.id)"
                      data-testid="delivery-retry"
                    >
                      {{ delivery.status === 'delivered' ? 'Send again' : 'Retry now' }}
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    .log {
      display: grid;
      gap: 10px;
      margin-top: 20px;
    }
    .head {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 12px;
    }
    h2 {
      margin: 0;
      font-size: 17px;
      overflow-wrap: anywhere;
    }
    td > div {
      display: grid;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhookDeliveryLog {
  readonly deliveries = input.required<readonly WebhookDeliveryDto[]>();
  readonly error = input<string | null>(null);
  readonly endpoint = input('');
  /** Retries are refused while the endpoint is disabled (a test event is not). */
  readonly endpointEnabled = input(true);
  readonly retry = output<string>();
  readonly refresh = output<void>();

  protected readonly eventLabels = EVENT_LABELS;
  protected readonly statusLabels = DELIVERY_STATUS_LABELS;
  protected readonly tones = DELIVERY_STATUS_TONES;
}
