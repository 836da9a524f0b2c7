import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  type ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { CloseIcon } from './close-icon';

let nextId = 0;

/**
 * A modal built on the native `<dialog>`: the browser traps focus inside, makes the page behind it
 * inert and closes it on Escape. Focus starts on the control marked `data-autofocus` (else the
 * browser's choice, the first control).
 * On close, focus goes back to what had it before, when that is still on the page; the owner may
 * move it elsewhere on `closed` (e.g. when the row it came from is gone).
 */
@Component({
  selector: 'cv-modal-dialog',
  imports: [CloseIcon],
  template: `
    <dialog #dialog class="dialog" [attr.aria-labelledby]="headingId" (close)="onClose()" [attr.data-testid]="testId()">
      <header class="head">
        <h2 [id]="headingId">{{ heading() }}</h2>
        <button type="button" class="close" aria-label="Close" (click)="close()">
          <cv-close-icon />
        </button>
      </header>
      @if (isOpen()) {
        <ng-content />
      }
    </dialog>
  `,
  styles: `
    .dialog {
      width: min(460px, calc(100vw - 24px));
      max-height: calc(100dvh - 48px);
      padding: 0;
      border: 1px solid var(--cv-border);
      border-radius: 14px;
      background: var(--cv-surface);
      color: var(--cv-text);
      box-shadow: var(--cv-shadow-lg);
    }
    .dialog::backdrop {
      background: rgb(15 17 21 / 55%);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      padding: 16px 16px 0 20px;
    }
    h2 {
      margin: 0;
      font-size: 17px;
      font-weight: 650;
      letter-spacing: -0.01em;
    }
    .close {
      display: grid;
      place-items: center;
      width: 30px;
      height: 30px;
      flex: none;
      border: 0;
      border-radius: 7px;
      background: transparent;
      color: var(--cv-text-muted);
      cursor: pointer;
    }
    .close:hover {
      background: var(--cv-hover);
      color: var(--cv-text);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModalDialog {
  readonly heading = input.required<string>();
  readonly testId = input<string | null>(null);
  /** After the dialog closed, whether by a button, Escape or the owner. */
  readonly closed = output<void>();

  protected readonly headingId = `cv-dialog-title-${++nextId}`;
  /** The projected content exists only while open, so each opening starts fresh. */
  protected readonly isOpen = signal(false);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private returnFocusTo: HTMLElement | null = null;

  open(): void {
    const dialog = this.dialog().nativeElement;
    if (dialog.open) {
      return;
    }
    this.returnFocusTo = this.document.activeElement as HTMLElement | null;
    this.isOpen.set(true);
    // once the content is rendered, so the control marked `data-autofocus` exists to take focus
    afterNextRender(
      () => {
        if (this.isOpen() && !dialog.open) {
          dialog.showModal();
          dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
        }
      },
      { injector: this.injector },
    );
  }

  close(): void {
    const dialog = this.dialog().nativeElement;
    if (dialog.open) {
      dialog.close();
    } else if (this.isOpen()) {
      this.onClose();
    }
  }

  protected onClose(): void {
    this.isOpen.set(false);
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target?.isConnected && !(target as HTMLButtonElement).disabled) {
      target.focus();
    }
    this.closed.emit();
  }
}
