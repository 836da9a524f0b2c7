import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  forwardRef,
  input,
  model,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type ControlValueAccessor, FormControl, NG_VALUE_ACCESSOR, ReactiveFormsModule, Validators } from '@angular/forms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@convoy/contracts';
import { randomPassword } from './random-password';

/** The server's rule for a new password (contracts: enforced by its DTOs too). */
export const MIN_PASSWORD_LENGTH = PASSWORD_MIN_LENGTH;
/** The rule, for a new password's hint ("At least 12 characters; a few words make a good one."). */
export const PASSWORD_LENGTH_RULE = `At least ${MIN_PASSWORD_LENGTH} characters`;
/** A new password's message when it breaks the rule. */
export const PASSWORD_TOO_SHORT = `${PASSWORD_LENGTH_RULE}.`;
/** The validators of a new password's form control. */
export const NEW_PASSWORD_VALIDATORS = [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)];

/**
 * A labelled password input for reactive forms (`formControlName`): a hint below it, replaced by
 * the validation message while there is one, and either one describes the input. Optionally its own
 * Show/Hide toggle and a Generate button (which fills in a random password and shows it, to pass on).
 * The host is the form's `.cv-field`; the input's id (also its test id) is `inputId`.
 */
@Component({
  selector: 'cv-password-field',
  imports: [ReactiveFormsModule],
  template: `
    <label [for]="inputId()">{{ label() }}</label>
    <div class="row">
      <input
        #input
        [id]="inputId()"
        [type]="visible() ? 'text' : 'password'"
        [formControl]="control"
        [attr.autocomplete]="autocomplete()"
        [attr.data-autofocus]="initialFocus() ? '' : null"
        [attr.aria-invalid]="invalid()"
        [attr.aria-describedby]="describedBy()"
        [attr.data-testid]="inputId()"
        (blur)="onTouched()"
      />
      @if (toggle()) {
        <button
          type="button"
          class="cv-btn cv-btn--sm"
          [attr.aria-controls]="inputId()"
          [attr.aria-pressed]="visible()"
          (click)="visible.set(!visible())"
        >
          {{ visible() ? 'Hide' : 'Show' }}
        </button>
      }
      @if (generate()) {
        <button type="button" class="cv-btn cv-btn--sm" [disabled]="disabled()" (click)="fillGenerated()">Generate</button>
      }
    </div>
    @if (error(); as error) {
      <p [id]="inputId() + '-error'" class="cv-field-error">{{ error }}</p>
    } @else if (hint(); as hint) {
      <p [id]="inputId() + '-hint'" class="cv-hint">{{ hint }}</p>
    }
  `,
  styles: `
    .row {
      display: flex;
      gap: 6px;
    }
    input {
      flex: 1;
      min-width: 0;
    }
    .cv-btn {
      min-height: 40px;
    }
  `,
  host: { class: 'cv-field' },
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => PasswordField), multi: true }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordField implements ControlValueAccessor {
  readonly label = input.required<string>();
  /** The input's id, which its label, hint and message hang on; also its `data-testid`. */
  readonly inputId = input.required<string>();
  readonly autocomplete = input<'new-password' | 'current-password'>('new-password');
  /** Shown below the input while there is no error. */
  readonly hint = input<string | null>(null);
  /** Why the value is not accepted; the owner decides when to show it (after a submit, once touched…). */
  readonly error = input<string | null>(null);
  /** The id of a message elsewhere that is about this field (a failed submit's alert): it describes the input instead. */
  readonly alertId = input<string | null>(null);
  /** Its own Show/Hide button; off where one control shows every password of the form. */
  readonly toggle = input(true, { transform: booleanAttribute });
  /** A Generate button, for an admin who sets someone else's password. */
  readonly generate = input(false, { transform: booleanAttribute });
  /** Takes the focus when its dialog opens (`data-autofocus`, see ModalDialog). */
  readonly initialFocus = input(false, { transform: booleanAttribute });
  /** Whether the password shows as text. */
  readonly visible = model(false);

  /** The input's own control, kept in step with the owner's (`formControlName`). */
  protected readonly control = new FormControl('', { nonNullable: true });
  protected readonly disabled = signal(false);
  protected readonly invalid = computed(() => !!this.error() || !!this.alertId());
  protected readonly describedBy = computed(() => {
    const id = this.inputId();
    return this.alertId() ?? (this.error() ? `${id}-error` : this.hint() ? `${id}-hint` : null);
  });
  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('input');
  private onChange: (value: string) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  constructor() {
    this.control.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => this.onChange(value));
  }

  focus(): void {
    this.input().nativeElement.focus();
  }

  writeValue(value: string | null): void {
    this.control.setValue(value ?? '', { emitEvent: false });
  }

  registerOnChange(onChange: (value: string) => void): void {
    this.onChange = onChange;
  }

  registerOnTouched(onTouched: () => void): void {
    this.onTouched = onTouched;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
    if (disabled) {
      this.control.disable({ emitEvent: false });
    } else {
      this.control.enable({ emitEvent: false });
    }
  }

  protected fillGenerated(): void {
    this.control.setValue(randomPassword());
    this.visible.set(true);
  }
}
