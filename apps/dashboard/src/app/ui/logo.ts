import { ChangeDetectionStrategy, Component } from '@angular/core';

/** The Convoy mark: a map pin in a rounded square. Decorative; the product name sits next to it. */
@Component({
  selector: 'cv-logo',
  template: `
    <svg viewBox="0 0 32 32" width="100%" height="100%" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--cv-accent)" />
      <path
        d="M16 6.5c-4.1 0-7.4 3.2-7.4 7.2 0 5.3 7.4 11.8 7.4 11.8s7.4-6.5 7.4-11.8c0-4-3.3-7.2-7.4-7.2Zm0 10a2.9 2.9 0 1 1 0-5.8 2.9 2.9 0 0 1 0 5.8Z"
        fill="#fff"
      />
    </svg>
  `,
  styles: ':host { display: inline-block; width: 28px; height: 28px; flex: none; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Logo {}
