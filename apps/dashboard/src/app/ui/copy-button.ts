import { ChangeDetectionStrategy, Component, computed, DestroyRef, DOCUMENT, inject, input, signal } from '@angular/core';
import { copyToClipboard } from './clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

const CONFIRMATION_MS = 2_500;

/**
 * One click puts `text` on the clipboard and says "Copied" (visibly, and to screen readers through
 * a polite live region). When the browser refuses, it asks for a manual copy instead.
 */
@Component({
  selector: 'cv-copy-button',
  template: `
    <button
      type="button"
      class="cv-btn"
      [class.cv-btn--primary]="primary()"
      [attr.aria-label]="state() === 'copied' ? null : label()"
      (click)="copy()"
      [attr.data-testid]="testId()"
    >
      @if (state() === 'copied') {
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
        </svg>
        Copied
      } @else {
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M7 2.5A2.5 2.5 0 0 0 4.5 5v.5H4A2.5 2.5 0 0 0 1.5 8v8A2.5 2.5 0 0 0 4 18.5h7a2.5 2.5 0 0 0 2.5-2.5v-.5h.5a2.5 2.5 0 0 0 2.5-2.5V5A2.5 2.5 0 0 0 14 2.5H7ZM12 15.5v.5a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5v6A2.5 2.5 0 0 0 7 15.5h5ZM6 5a1 1 0 0 1 1-1h7a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V5Z"
          />
        </svg>
        {{ caption() }}
      }
    </button>
    <span class="cv-visually-hidden" aria-live="polite">{{ announcement() }}</span>
    @if (state() === 'failed') {
      <span class="failed" role="alert">Your browser did not allow copying: select the text and press Ctrl+C (⌘C).</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .failed {
      font-size: 12.5px;
      color: var(--cv-danger-text);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CopyButton {
  /** What goes on the clipboard. */
  readonly text = input.required<string>();
  /** The button's accessible name, e.g. "Copy link". */
  readonly label = input('Copy');
  /** The visible text when shorter than the label ("Copy"); the label otherwise. */
  readonly shortLabel = input<string | undefined>();
  readonly primary = input(false);
  readonly testId = input<string | null>(null);

  protected readonly caption = computed(() => this.shortLabel() ?? this.label());
  protected readonly state = signal<CopyState>('idle');
  protected readonly announcement = signal('');
  private readonly document = inject(DOCUMENT);
  private resetTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.resetTimer));
  }

  protected async copy(): Promise<void> {
    const copied = await copyToClipboard(this.text(), this.document);
    this.state.set(copied ? 'copied' : 'failed');
    this.announcement.set(copied ? 'Copied to the clipboard' : '');
    clearTimeout(this.resetTimer);
    if (copied) {
      this.resetTimer = setTimeout(() => {
        this.state.set('idle');
        this.announcement.set('');
      }, CONFIRMATION_MS);
    }
  }
}
