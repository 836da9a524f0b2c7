import { ChangeDetectionStrategy, Component, computed, type ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { AuthStore } from '../core/auth/auth.store';
import { safeReturnUrl } from '../core/auth/return-url';
import { PublicConfigStore } from '../core/config/public-config.store';
import { Logo } from '../ui/logo';
import { signInNotice } from './sign-in-reasons';

@Component({
  selector: 'cv-login-page',
  imports: [ReactiveFormsModule, Logo],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  protected readonly auth = inject(AuthStore);
  protected readonly config = inject(PublicConfigStore);
  private readonly router = inject(Router);

  /** `?returnUrl=` set by the guard: where to go once signed in. */
  readonly returnUrl = input<string | undefined>();
  /**
   * `?reason=` set when the session ended under the user's feet: `expired` after a 401, or why the
   * server closed the live feed (`signed-out`, `account-disabled`, `password-changed`, …).
   */
  readonly reason = input<string | undefined>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  protected readonly submitted = signal(false);
  protected readonly showPassword = signal(false);
  protected readonly notice = computed(() => (this.auth.error() ? null : signInNotice(this.reason())));

  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected invalid(field: 'email' | 'password'): boolean {
    const control = this.form.controls[field];
    return control.invalid && (this.submitted() || control.touched);
  }

  protected togglePassword(): void {
    this.showPassword.update((shown) => !shown);
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    if (this.form.invalid) {
      (this.form.controls.email.invalid ? this.emailInput() : this.passwordInput()).nativeElement.focus();
      return;
    }
    const { email, password } = this.form.getRawValue();
    const ok = await this.auth.login({ email: email.trim(), password });
    if (ok) {
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      return;
    }
    // keep the email, let them retype the password
    this.form.controls.password.reset();
    this.submitted.set(false);
    this.passwordInput().nativeElement.focus();
  }
}
