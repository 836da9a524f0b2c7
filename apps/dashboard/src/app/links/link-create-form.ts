import { ChangeDetectionStrategy, Component, computed, type ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { CreatedLinkResponse } from '@convoy/contracts';
import { DEFAULT_LINK_VALIDITY, type ValidityUnit, validityHours } from './link-expiry';
import { LinksStore } from './links.store';

/** Driver name, note and validity → `POST /api/links`. Emits the created link. */
@Component({
  selector: 'cv-link-create-form',
  imports: [ReactiveFormsModule],
  templateUrl: './link-create-form.html',
  styleUrl: './link-create-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LinkCreateForm {
  protected readonly store = inject(LinksStore);
  readonly created = output<CreatedLinkResponse>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    driverName: ['', [Validators.required, Validators.maxLength(120), Validators.pattern(/\S/)]],
    note: ['', [Validators.maxLength(500)]],
    amount: [DEFAULT_LINK_VALIDITY.amount as number | null],
    unit: [DEFAULT_LINK_VALIDITY.unit as ValidityUnit],
  });
  protected readonly submitted = signal(false);
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly hours = computed(() => {
    const { amount, unit } = this.value();
    return validityHours(amount, unit ?? 'days');
  });

  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');
  private readonly amountInput = viewChild.required<ElementRef<HTMLInputElement>>('amountInput');

  protected nameInvalid(): boolean {
    const control = this.form.controls.driverName;
    return control.invalid && (this.submitted() || control.touched);
  }

  protected noteInvalid(): boolean {
    return this.form.controls.note.invalid;
  }

  protected validityInvalid(): boolean {
    return this.hours() === null && (this.submitted() || this.form.controls.amount.touched);
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    const hours = this.hours();
    if (this.form.invalid || hours === null) {
      (this.form.controls.driverName.invalid ? this.nameInput() : this.amountInput()).nativeElement.focus();
      return;
    }
    const { driverName, note } = this.form.getRawValue();
    const created = await this.store.create({
      driverName: driverName.trim(),
      ...(note.trim() ? { note: note.trim() } : {}),
      expiresInHours: hours,
    });
    if (created) {
      this.form.controls.driverName.reset();
      this.form.controls.note.reset();
      this.submitted.set(false);
      this.created.emit(created);
    }
  }
}
