import { ChangeDetectionStrategy, Component, input, output, viewChild } from '@angular/core';
import { ModalDialog } from './modal-dialog';

/**
 * "Are you sure?" before something that cannot be undone. Focus starts on Cancel, the harmless
 * choice; Escape cancels too. The projected content explains what will happen.
 */
@Component({
  selector: 'cv-confirm-dialog',
  imports: [ModalDialog],
  template: `
    <cv-modal-dialog [heading]="heading()" [testId]="testId()" (closed)="closed.emit()">
      <div class="body">
        <ng-content />
      </div>
      <div class="cv-dialog-actions">
        <button type="button" class="cv-btn" data-autofocus (click)="dialog().close()">Cancel</button>
        <button type="button" class="cv-btn cv-btn--danger" (click)="confirm()" data-testid="confirm-button">
          {{ confirmLabel() }}
        </button>
      </div>
    </cv-modal-dialog>
  `,
  styles: `
    .body {
      padding: 8px 20px 4px;
      color: var(--cv-text-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  readonly heading = input.required<string>();
  readonly confirmLabel = input.required<string>();
  readonly testId = input<string | null>(null);
  readonly confirmed = output<void>();
  /** After it closed, confirmed or not. */
  readonly closed = output<void>();

  protected readonly dialog = viewChild.required(ModalDialog);

  open(): void {
    this.dialog().open();
  }

  protected confirm(): void {
    this.confirmed.emit();
    this.dialog().close();
  }
}
