import { ChangeDetectionStrategy, Component, inject, input, signal, viewChild } from '@angular/core';
import { actionErrorMessage } from '../../core/http/api-error';
import { DriversApi } from '../../core/live/drivers-api';
import { LiveStore } from '../../core/live/live.store';
import { ConfirmDialog } from '../../ui/confirm-dialog';

/**
 * "Disconnect device…" (dispatcher+): after a confirmation, the driver's browser or GPS app key stops
 * working at once (`DELETE /api/drivers/:id/device`); the driver and their history stay.
 */
@Component({
  selector: 'cv-disconnect-device',
  imports: [ConfirmDialog],
  template: `
    <button type="button" class="cv-btn" [disabled]="busy()" [attr.aria-busy]="busy()" (click)="dialog().open()" data-testid="disconnect-device">
      {{ busy() ? 'Disconnecting…' : 'Disconnect device…' }}
    </button>
    @if (error(); as message) {
      <p class="error" role="alert" data-testid="disconnect-error">{{ message }}</p>
    }
    <cv-confirm-dialog [heading]="'Disconnect ' + name() + '’s device?'" confirmLabel="Disconnect" testId="disconnect-dialog" (confirmed)="disconnect()">
      <p>
        The {{ what() }} stops sending positions at once: its key no longer works. The driver and their history stay. To track
        them again, send a new link.
      </p>
    </cv-confirm-dialog>
  `,
  styles: `
    :host {
      display: grid;
      gap: 6px;
      justify-items: start;
    }
    .error {
      margin: 0;
      color: var(--cv-danger-text);
      font-size: 13px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DisconnectDevice {
  readonly driverId = input.required<string>();
  readonly name = input.required<string>();
  /** "browser" or "GPS app", for the confirmation text. */
  readonly what = input.required<string>();

  private readonly api = inject(DriversApi);
  private readonly live = inject(LiveStore);
  protected readonly dialog = viewChild.required(ConfirmDialog);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async disconnect(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const driver = await this.api.disconnectDevice(this.driverId());
      this.live.applyLocally({ type: 'upsert', driver });
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not disconnect the device'));
    } finally {
      this.busy.set(false);
    }
  }
}
