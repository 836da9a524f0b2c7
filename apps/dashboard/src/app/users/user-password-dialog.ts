import { ChangeDetectionStrategy, Component, inject, output, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { UserDto } from '@convoy/contracts';
import { ModalDialog } from '../ui/modal-dialog';
import { NEW_PASSWORD_VALIDATORS, PASSWORD_TOO_SHORT, PasswordField } from '../ui/password-field';
import { UsersStore } from './users.store';

/** An admin sets a new password for someone who lost theirs; the server ends that user's sessions. */
@Component({
  selector: 'cv-user-password-dialog',
  imports: [ModalDialog, PasswordField, ReactiveFormsModule],
  templateUrl: './user-password-dialog.html',
  styleUrl: './user-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserPasswordDialog {
  protected readonly store = inject(UsersStore);
  /** After the password was changed. */
  readonly changed = output<UserDto>();

  protected readonly user = signal<UserDto | null>(null);
  protected readonly tooShort = PASSWORD_TOO_SHORT;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', NEW_PASSWORD_VALIDATORS],
  });
  private readonly password = this.form.controls.password;
  protected readonly submitted = signal(false);
  protected readonly showPassword = signal(false);
  protected readonly dialog = viewChild.required(ModalDialog);

  open(user: UserDto): void {
    this.user.set(user);
    this.password.reset();
    this.submitted.set(false);
    this.showPassword.set(false);
    this.store.clearRowError(user.id);
    this.dialog().open();
  }

  protected invalid(): boolean {
    return this.password.invalid && (this.submitted() || this.password.touched);
  }

  protected async submit(field: PasswordField): Promise<void> {
    const user = this.user();
    this.submitted.set(true);
    if (!user || this.password.invalid) {
      field.focus();
      return;
    }
    const updated = await this.store.update(user.id, { password: this.password.value }, 'Could not set the password');
    if (updated) {
      this.dialog().close();
      this.changed.emit(updated);
    } else {
      field.focus();
    }
  }
}
