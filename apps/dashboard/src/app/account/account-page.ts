import { ChangeDetectionStrategy, Component, computed, type ElementRef, inject, signal, viewChild } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AuthStore } from '../core/auth/auth.store';
import { NEW_PASSWORD_VALIDATORS, PASSWORD_LENGTH_RULE, PASSWORD_TOO_SHORT, PasswordField } from '../ui/password-field';
import { ROLE_LABELS } from '../ui/role-labels';
import { PasswordChangeStore } from './password-change.store';
import { TelegramAlerts } from './telegram-alerts';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

const FIELDS: readonly Field[] = ['currentPassword', 'newPassword', 'confirmPassword'];
const FIELD_IDS: Record<Field, string> = {
  currentPassword: 'account-current-password',
  newPassword: 'account-new-password',
  confirmPassword: 'account-confirm-password',
};

/** `/account`: who you are signed in as, changing your own password, and your Telegram chat for alerts. */
@Component({
  selector: 'cv-account-page',
  imports: [PasswordField, ReactiveFormsModule, RouterLink, TelegramAlerts],
  providers: [PasswordChangeStore],
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPage {
  protected readonly auth = inject(AuthStore);
  protected readonly store = inject(PasswordChangeStore);
  /** Sent here because the password was set by someone else (see `passwordChangedGuard`). */
  protected readonly changeRequired = this.auth.mustChangePassword();
  protected readonly tooShort = PASSWORD_TOO_SHORT;
  protected readonly newPasswordHint = `${PASSWORD_LENGTH_RULE}; a few words make a good one.`;
  protected readonly roleLabel = computed(() => {
    const user = this.auth.user();
    return user ? ROLE_LABELS[user.role] : '';
  });

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', [Validators.required]],
      newPassword: ['', NEW_PASSWORD_VALIDATORS],
      confirmPassword: ['', [Validators.required]],
    },
    { validators: [passwordsMatch] },
  );
  protected readonly submitted = signal(false);
  protected readonly showPasswords = signal(false);
  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formEl');

  protected invalid(field: Field): boolean {
    const control = this.form.controls[field];
    const shown = this.submitted() || control.touched;
    if (field === 'confirmPassword') {
      return shown && (control.invalid || this.form.hasError('mismatch'));
    }
    return shown && control.invalid;
  }

  protected confirmError(): string | null {
    if (!this.invalid('confirmPassword')) {
      return null;
    }
    return this.form.controls.confirmPassword.value ? 'This does not match the new password.' : 'Type the new password again.';
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    if (this.form.invalid) {
      const first = FIELDS.find((field) => this.invalid(field));
      this.focus(`#${FIELD_IDS[first ?? 'currentPassword']}`);
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    if (await this.store.change({ currentPassword, newPassword })) {
      this.form.reset();
      this.submitted.set(false);
    } else {
      this.form.controls.currentPassword.reset();
      this.focus(`#${FIELD_IDS.currentPassword}`);
    }
  }

  private focus(selector: string): void {
    this.formElement().nativeElement.querySelector<HTMLElement>(selector)?.focus();
  }
}

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const next = group.get('newPassword')?.value as string;
  const confirm = group.get('confirmPassword')?.value as string;
  return confirm && next !== confirm ? { mismatch: true } : null;
}
