import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SelectOnFocus } from './select-on-focus';

@Component({
  imports: [SelectOnFocus],
  template: `<input type="text" readonly value="cvt_Xb1mVh8cPqL5sNf4eRj6uYgKiOoWxA3q" cvSelectOnFocus />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {}

describe('SelectOnFocus', () => {
  it('selects the whole value when the field gets focus, ready to copy', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const input = (fixture.nativeElement as HTMLElement).querySelector('input');
    if (!input) throw new Error('no input');
    document.body.appendChild(fixture.nativeElement as HTMLElement);

    expect(input.selectionEnd).toBe(input.selectionStart);
    input.focus();
    expect(input.selectionStart).toBe(0);
    expect(input.selectionEnd).toBe(input.value.length);
    (fixture.nativeElement as HTMLElement).remove();
  });
});
