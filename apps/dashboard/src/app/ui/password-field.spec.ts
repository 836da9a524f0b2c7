import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { NEW_PASSWORD_VALIDATORS, PASSWORD_TOO_SHORT, PasswordField } from './password-field';

@Component({
  imports: [PasswordField, ReactiveFormsModule],
  template: `
    <form [formGroup]="form">
      <cv-password-field
        formControlName="password"
        label="New password"
        inputId="new-password"
        hint="At least 12 characters."
        [error]="error()"
        [alertId]="alertId()"
        [toggle]="toggle()"
        [(visible)]="visible"
        [generate]="generate()"
      />
    </form>
    <p id="form-alert">The server said no</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly form = new FormGroup({ password: new FormControl('', { nonNullable: true, validators: NEW_PASSWORD_VALIDATORS }) });
  readonly error = signal<string | null>(null);
  readonly alertId = signal<string | null>(null);
  readonly toggle = signal(true);
  readonly generate = signal(false);
  readonly visible = signal(false);
}

describe('PasswordField', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let el: HTMLElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  const input = (): HTMLInputElement => {
    const found = el.querySelector<HTMLInputElement>('input');
    if (!found) throw new Error('no input');
    return found;
  };
  const button = (name: string): HTMLButtonElement | undefined =>
    Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
  const describedBy = (): string | null => {
    const id = input().getAttribute('aria-describedby');
    return id ? (el.querySelector(`#${id}`)?.textContent?.trim() ?? null) : null;
  };
  function type(value: string): void {
    input().value = value;
    input().dispatchEvent(new Event('input'));
  }

  it('is a labelled password input, described by its hint', () => {
    const label = el.querySelector('label');
    expect(label?.textContent).toBe('New password');
    expect(label?.htmlFor).toBe(input().id);
    expect(input().type).toBe('password');
    expect(input().autocomplete).toBe('new-password');
    expect(input().getAttribute('aria-invalid')).toBe('false');
    expect(describedBy()).toBe('At least 12 characters.');
  });

  it("keeps the form's control and the input in step, both ways", async () => {
    type('a long enough passphrase');
    expect(host.form.controls.password.value).toBe('a long enough passphrase');
    expect(host.form.valid).toBe(true);

    // a reset right after typing (no rendering in between) still empties the input
    type('another passphrase');
    host.form.reset();
    await fixture.whenStable();
    expect(input().value).toBe('');

    host.form.setValue({ password: 'set by the form' });
    await fixture.whenStable();
    expect(input().value).toBe('set by the form');
  });

  it('marks the control touched when the input loses focus', () => {
    expect(host.form.controls.password.touched).toBe(false);
    input().dispatchEvent(new Event('blur'));
    expect(host.form.controls.password.touched).toBe(true);
  });

  it('shows the error in place of the hint, marks the input invalid and is described by it', async () => {
    host.error.set(PASSWORD_TOO_SHORT);
    await fixture.whenStable();

    expect(el.querySelector('.cv-field-error')?.textContent).toBe('At least 12 characters.');
    expect(el.querySelector('.cv-hint')).toBeNull();
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(describedBy()).toBe('At least 12 characters.');

    host.error.set(null);
    await fixture.whenStable();
    expect(el.querySelector('.cv-field-error')).toBeNull();
    expect(input().getAttribute('aria-invalid')).toBe('false');
    expect(describedBy()).toBe('At least 12 characters.');
  });

  it('points at an alert elsewhere on the page when one is about this field', async () => {
    host.alertId.set('form-alert');
    await fixture.whenStable();

    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(describedBy()).toBe('The server said no');
  });

  it('shows and hides the password with its own button', async () => {
    type('a long enough passphrase');
    const toggle = button('Show');
    expect(toggle?.getAttribute('aria-pressed')).toBe('false');
    expect(toggle?.getAttribute('aria-controls')).toBe(input().id);

    toggle?.click();
    await fixture.whenStable();
    expect(input().type).toBe('text');
    expect(toggle?.textContent?.trim()).toBe('Hide');
    expect(toggle?.getAttribute('aria-pressed')).toBe('true');
    expect(host.visible()).toBe(true);

    toggle?.click();
    await fixture.whenStable();
    expect(input().type).toBe('password');
    expect(toggle?.textContent?.trim()).toBe('Show');
  });

  it('can leave showing to its owner (one "Show passwords" for a whole form)', async () => {
    host.toggle.set(false);
    await fixture.whenStable();
    expect(button('Show')).toBeUndefined();

    host.visible.set(true);
    await fixture.whenStable();
    expect(input().type).toBe('text');
  });

  it('generates a strong password on request, fills it in and shows it, to pass on', async () => {
    expect(button('Generate')).toBeUndefined();
    host.generate.set(true);
    await fixture.whenStable();

    button('Generate')?.click();
    await fixture.whenStable();

    const generated = host.form.controls.password.value;
    expect(generated).toMatch(/^[a-zA-Z2-9]{18}$/);
    expect(input().value).toBe(generated);
    expect(input().type).toBe('text');
    expect(host.form.valid).toBe(true);
  });

  it('is disabled with its control', async () => {
    host.generate.set(true);
    host.form.controls.password.disable();
    await fixture.whenStable();

    expect(input().disabled).toBe(true);
    expect(button('Generate')?.disabled).toBe(true);
  });
});
