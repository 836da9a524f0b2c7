import { ChangeDetectionStrategy, Component, inject, output, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { Role, UserDto } from '@convoy/contracts';
import { ModalDialog } from '../ui/modal-dialog';
import { NEW_PASSWORD_VALIDATORS, PASSWORD_LENGTH_RULE, PASSWORD_TOO_SHORT, PasswordField } from '../ui/password-field';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_OPTIONS } from '../ui/role-labels';
import { UsersStore } from './users.store';

/** "New user": email, role and a first password (typed or generated) → `POST /api/users`. */
@Component({
  selector: 'cv-user-create-dialog',
  imports: [ModalDialog, PasswordField, ReactiveFormsModule],
  templateUrl: './user-create-dialog.html',
  styleUrl: './user-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserCreateDialog {
  protected readonly store = inject(UsersStore);
  readonly created = output<UserDto>();

  protected readonly roles = ROLE_OPTIONS;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleDescriptions = ROLE_DESCRIPTIONS;
  protected readonly tooShort = PASSWORD_TOO_SHORT;
  protected readonly passwordHint = `${PASSWORD_LENGTH_RULE}. Give it to them safely; they can change it under Account.`;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(320)]],
    role: ['viewer' as Role, [Validators.required]],
    password: ['', NEW_PASSWORD_VALIDATORS],
  });
  protected readonly submitted = signal(false);
  protected readonly showPassword = signal(false);
  protected readonly dialog = viewChild.required(ModalDialog);

  open(): void {
    this.form.reset();
    this.submitted.set(false);
    this.showPassword.set(false);
    this.store.clearCreateError();
    this.dialog().open();
  }

  protected invalid(field: 'email' | 'password'): boolean {
    const control = this.form.controls[field];
    return control.invalid && (this.submitted() || control.touched);
  }

  protected async submit(form: HTMLFormElement): Promise<void> {
    this.submitted.set(true);
    if (this.form.invalid) {
      form.querySelector<HTMLElement>(this.invalid('email') ? '#new-user-email' : '#new-user-password')?.focus();
      return;
    }
    const { email, role, password } = this.form.getRawValue();
    const user = await this.store.create({ email: email.trim(), role, password });
    if (user) {
      this.dialog().close();
      this.created.emit(user);
    } else {
      form.querySelector<HTMLElement>('#new-user-email')?.focus();
    }
  }
}
