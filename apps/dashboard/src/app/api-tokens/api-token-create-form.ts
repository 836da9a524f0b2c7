import { ChangeDetectionStrategy, Component, type ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { CreatedApiTokenResponse, Role } from '@convoy/contracts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_OPTIONS } from '../ui/role-labels';
import { DEFAULT_TOKEN_EXPIRY, expiresInDays, TOKEN_EXPIRY_CHOICES } from './api-token-expiry';
import { ApiTokensStore } from './api-tokens.store';

/** Name, role and lifetime → `POST /api/tokens`. Emits the created token (with its secret). */
@Component({
  selector: 'cv-api-token-create-form',
  imports: [ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="form" data-testid="token-form">
      <div class="cv-field">
        <label for="token-name">Name</label>
        <input
          #nameInput
          id="token-name"
          type="text"
          formControlName="name"
          autocomplete="off"
          maxlength="100"
          [attr.aria-invalid]="nameInvalid()"
          [attr.aria-describedby]="nameInvalid() ? 'token-name-error' : 'token-name-hint'"
          data-testid="token-name"
        />
        @if (nameInvalid()) {
          <p id="token-name-error" class="cv-field-error">Name the token after what uses it.</p>
        } @else {
          <p id="token-name-hint" class="cv-hint">What uses it, e.g. "ERP integration".</p>
        }
      </div>

      <div class="cv-field">
        <label for="token-role">Role</label>
        <select id="token-role" formControlName="role" aria-describedby="token-role-hint" data-testid="token-role">
          @for (role of roles; track role) {
            <option [value]="role">{{ roleLabels[role] }}</option>
          }
        </select>
        <p id="token-role-hint" class="cv-hint">
          {{ roleLabels[form.controls.role.value] }}: {{ roleDescriptions[form.controls.role.value] }}. Give it no more than it needs.
        </p>
      </div>

      <div class="cv-field">
        <label for="token-expiry">Expires</label>
        <select id="token-expiry" formControlName="expiry" aria-describedby="token-expiry-hint" data-testid="token-expiry">
          @for (choice of expiryChoices; track choice.value) {
            <option [value]="choice.value">{{ choice.label }}</option>
          }
        </select>
        <p id="token-expiry-hint" class="cv-hint">Rotate integrator secrets: a token that expires cannot leak forever.</p>
      </div>

      @if (store.createError(); as error) {
        <p class="cv-alert" role="alert" data-testid="token-create-error">{{ error }}</p>
      }

      <button
        type="submit"
        class="cv-btn cv-btn--primary submit"
        [disabled]="store.creating()"
        [attr.aria-busy]="store.creating()"
        data-testid="create-token"
      >
        {{ store.creating() ? 'Creating…' : 'Create token' }}
      </button>
    </form>
  `,
  styles: `
    .form {
      display: grid;
      gap: 16px;
    }
    .submit {
      min-height: 40px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokenCreateForm {
  protected readonly store = inject(ApiTokensStore);
  readonly created = output<CreatedApiTokenResponse>();

  protected readonly roles = ROLE_OPTIONS;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleDescriptions = ROLE_DESCRIPTIONS;
  protected readonly expiryChoices = TOKEN_EXPIRY_CHOICES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100), Validators.pattern(/\S/)]],
    role: ['viewer' as Role],
    expiry: [DEFAULT_TOKEN_EXPIRY],
  });
  protected readonly submitted = signal(false);
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');

  protected nameInvalid(): boolean {
    const control = this.form.controls.name;
    return control.invalid && (this.submitted() || control.touched);
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    if (this.form.invalid) {
      this.nameInput().nativeElement.focus();
      return;
    }
    const { name, role, expiry } = this.form.getRawValue();
    const days = expiresInDays(expiry);
    const created = await this.store.create({ name: name.trim(), role, ...(days ? { expiresInDays: days } : {}) });
    if (created) {
      this.form.controls.name.reset();
      this.submitted.set(false);
      this.created.emit(created);
    }
  }
}
