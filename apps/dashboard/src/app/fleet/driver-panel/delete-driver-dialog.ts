import { ChangeDetectionStrategy, Component, type ElementRef, effect, input, output, viewChild } from '@angular/core';

/** "Delete this driver and all their positions?" A modal `<dialog>`: focus stays inside, Escape cancels. */
@Component({
  selector: 'cv-delete-driver-dialog',
  template: `
    <dialog #dialog aria-labelledby="delete-driver-title" aria-describedby="delete-driver-text" (cancel)="onCancel($event)" data-testid="delete-dialog">
      <h2 id="delete-driver-title">Delete {{ name() }}?</h2>
      <p id="delete-driver-text">
        This removes the driver and every position they ever sent, including exports made from them later. It
        cannot be undone. The driver's Telegram chat stays, but their link no longer works.
      </p>
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      <div class="actions">
        <button type="button" autofocus [disabled]="busy()" (click)="cancelled.emit()">Cancel</button>
        <button type="button" class="danger" [disabled]="busy()" (click)="confirmed.emit()" data-testid="confirm-delete">
          {{ busy() ? 'Deleting…' : 'Delete driver' }}
        </button>
      </div>
    </dialog>
  `,
  styles: `
    dialog {
      width: min(420px, calc(100vw - 32px));
      padding: 20px 22px;
      border: 1px solid var(--cv-border);
      border-radius: 12px;
      background: var(--cv-surface);
      color: var(--cv-text);
      box-shadow: var(--cv-shadow-lg);
    }
    dialog::backdrop {
      background: rgb(15 17 21 / 45%);
    }
    h2 {
      margin: 0 0 8px;
      font-size: 17px;
    }
    p {
      margin: 0 0 14px;
      color: var(--cv-text-muted);
    }
    .error {
      color: var(--cv-danger-text);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    button {
      height: 36px;
      padding: 0 14px;
      border: 1px solid var(--cv-border-strong);
      border-radius: 8px;
      background: var(--cv-surface);
      font-weight: 600;
      cursor: pointer;
    }
    .danger {
      border-color: #b42318;
      background: #d92d20;
      color: #fff;
    }
    .danger:hover:not(:disabled) {
      background: #b42318;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeleteDriverDialog {
  readonly name = input.required<string>();
  readonly open = input(false);
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.open() && !dialog.open) dialog.showModal();
      else if (!this.open() && dialog.open) dialog.close();
    });
  }

  protected onCancel(event: Event): void {
    event.preventDefault(); // Escape: let the owner decide (it may be busy deleting)
    if (!this.busy()) this.cancelled.emit();
  }
}
