import { ChangeDetectionStrategy, Component, type ElementRef, computed, effect, input, output, signal, viewChild } from '@angular/core';

/**
 * "Erase this driver's data?" A modal `<dialog>` asking for the driver's name, typed, before the
 * irreversible erasure (GitHub's "type the repository name" pattern). Escape cancels.
 */
@Component({
  selector: 'cv-erase-driver-dialog',
  template: `
    <dialog #dialog aria-labelledby="erase-driver-title" aria-describedby="erase-driver-text" (cancel)="onCancel($event)" data-testid="erase-dialog">
      <form (submit)="submit($event)">
        <h2 id="erase-driver-title">Erase {{ name() }}’s data?</h2>
        <p id="erase-driver-text">
          This deletes every position they sent, their Telegram account details, their name and the notes on their
          links, and withdraws those links. The list keeps an entry saying that a dispatcher erased a driver’s data,
          without any personal data. It cannot be undone.
        </p>
        <label for="erase-confirm-name">Type <strong>{{ name() }}</strong> to confirm</label>
        <input
          id="erase-confirm-name"
          #confirmInput
          type="text"
          autocomplete="off"
          spellcheck="false"
          [value]="typed()"
          (input)="typed.set(confirmInput.value)"
          [disabled]="busy()"
          data-testid="erase-confirm-name"
        />
        @if (error(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
        <div class="actions">
          <button type="button" [disabled]="busy()" (click)="cancelled.emit()">Cancel</button>
          <button type="submit" class="danger" [disabled]="busy() || !matches()" data-testid="confirm-erase">
            {{ busy() ? 'Erasing…' : 'Erase driver data' }}
          </button>
        </div>
      </form>
    </dialog>
  `,
  styles: `
    dialog {
      width: min(460px, calc(100vw - 32px));
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
    label {
      display: block;
      margin-bottom: 6px;
      font-weight: 500;
    }
    input {
      box-sizing: border-box;
      width: 100%;
      height: 36px;
      margin-bottom: 14px;
      padding: 0 10px;
      border: 1px solid var(--cv-border-strong);
      border-radius: 8px;
      background: var(--cv-surface);
      color: var(--cv-text);
      font: inherit;
    }
    input:focus-visible {
      outline: 2px solid var(--cv-accent);
      outline-offset: 1px;
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
    button:disabled {
      cursor: not-allowed;
      opacity: 0.6;
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
export class EraseDriverDialog {
  readonly name = input.required<string>();
  readonly open = input(false);
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  /** The name as typed (the API checks it again). */
  readonly confirmed = output<string>();
  readonly cancelled = output<void>();

  protected readonly typed = signal('');
  /** Exactly the name (spaces at the ends aside): a near miss does not erase anyone. */
  protected readonly matches = computed(() => this.typed().trim() === this.name().trim());

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly confirmInput = viewChild.required<ElementRef<HTMLInputElement>>('confirmInput');

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.open() && !dialog.open) {
        this.typed.set('');
        dialog.showModal();
        this.confirmInput().nativeElement.focus();
      } else if (!this.open() && dialog.open) dialog.close();
    });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.matches() && !this.busy()) this.confirmed.emit(this.typed().trim());
  }

  protected onCancel(event: Event): void {
    event.preventDefault(); // Escape: let the owner decide (it may be busy erasing)
    if (!this.busy()) this.cancelled.emit();
  }
}
