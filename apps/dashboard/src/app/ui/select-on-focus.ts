import { Directive } from '@angular/core';

/** A read-only field to copy from: focusing it selects all of it, ready for Ctrl+C. */
@Directive({
  selector: 'input[cvSelectOnFocus]',
  host: { '(focus)': 'select($event)' },
})
export class SelectOnFocus {
  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
