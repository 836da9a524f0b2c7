import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { copyToClipboard } from '../ui/clipboard';
import { SelectOnFocus } from '../ui/select-on-focus';

let nextId = 0;

/** A read-only value with a label and a Copy button, in the join page's language. */
@Component({
  selector: 'cv-join-copy-field',
  imports: [SelectOnFocus],
  template: `
    <label [for]="id">{{ label() }}</label>
    <div class="row">
      <input [id]="id" type="text" class="cv-mono" readonly [value]="value()" cvSelectOnFocus [attr.data-testid]="testId()" />
      <button type="button" class="cv-btn" (click)="copy()">{{ state() === 'copied' ? copiedLabel() : copyLabel() }}</button>
    </div>
    <span class="cv-visually-hidden" aria-live="polite">{{ state() === 'copied' ? copiedLabel() : '' }}</span>
    @if (state() === 'failed') {
      <p class="failed" role="alert">{{ failedLabel() }}</p>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 4px;
    }
    label {
      font-weight: 600;
      font-size: 13px;
    }
    .row {
      display: flex;
      gap: 6px;
    }
    input {
      min-width: 0;
      flex: 1;
      height: 38px;
      padding: 0 10px;
      font-size: 12.5px;
    }
    .failed {
      margin: 0;
      color: var(--cv-danger-text);
      font-size: 12.5px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JoinCopyField {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly copyLabel = input.required<string>();
  readonly copiedLabel = input.required<string>();
  readonly failedLabel = input.required<string>();
  readonly testId = input<string | null>(null);

  protected readonly id = `cv-join-copy-${++nextId}`;
  protected readonly state = signal<'idle' | 'copied' | 'failed'>('idle');
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.timer && clearTimeout(this.timer));
  }

  protected async copy(): Promise<void> {
    const copied = await copyToClipboard(this.value());
    this.state.set(copied ? 'copied' : 'failed');
    if (this.timer) clearTimeout(this.timer);
    if (copied) this.timer = setTimeout(() => this.state.set('idle'), 2500);
  }
}
