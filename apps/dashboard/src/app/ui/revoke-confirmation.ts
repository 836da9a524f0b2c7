import { DOCUMENT, type ElementRef, inject, type Signal, signal } from '@angular/core';
import type { ConfirmDialog } from './confirm-dialog';

export interface RevokeConfirmationOptions<T> {
  /** The dialog that asks first. */
  readonly dialog: Signal<ConfirmDialog>;
  /** Where focus goes when the row's button is busy or gone (the list's heading). */
  readonly fallbackFocus: Signal<ElementRef<HTMLElement>>;
  /** What a screen reader hears once it worked. */
  readonly announce: (item: T) => string;
}

/**
 * "Revoke?" on a row of a list: which item the confirmation dialog is about, revoking it through the
 * store once confirmed, a polite announcement when that worked, and focus kept on the list after the
 * dialog closed. Made in a component's field initializer (it injects the document).
 */
export class RevokeConfirmation<T extends { readonly id: string }> {
  private readonly _item = signal<T | null>(null);
  private readonly _announcement = signal('');
  private readonly document = inject(DOCUMENT);

  /** The item the dialog asks about. */
  readonly item = this._item.asReadonly();
  /** For an `aria-live="polite"` region. */
  readonly announcement = this._announcement.asReadonly();

  constructor(
    private readonly store: { revoke(id: string): Promise<boolean> },
    private readonly options: RevokeConfirmationOptions<T>,
  ) {}

  ask(item: T): void {
    this._item.set(item);
    this.options.dialog().open();
  }

  async confirm(): Promise<void> {
    const item = this._item();
    if (item && (await this.store.revoke(item.id))) {
      this._announcement.set(this.options.announce(item));
    }
  }

  /** Cancelled: focus went back to the row's Revoke button. Confirmed: that button is busy or gone. */
  onClosed(): void {
    const active = this.document.activeElement;
    if (!active || active === this.document.body) {
      this.options.fallbackFocus().nativeElement.focus();
    }
  }
}
