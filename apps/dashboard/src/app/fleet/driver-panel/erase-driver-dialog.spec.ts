import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { polyfillDialog } from '../../ui/dialog-test-polyfill';
import { EraseDriverDialog } from './erase-driver-dialog';

@Component({
  imports: [EraseDriverDialog],
  template: `<cv-erase-driver-dialog name="Jan Novák" [open]="open()" (confirmed)="confirmed.push($event)" (cancelled)="open.set(false)" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly open = signal(true);
  readonly confirmed: string[] = [];
}

describe('EraseDriverDialog', () => {
  let fixture: ComponentFixture<Host>;
  let el: HTMLElement;

  beforeAll(polyfillDialog);

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await fixture.whenStable();
  });
  afterEach(() => el.remove());

  const input = () => el.querySelector<HTMLInputElement>('[data-testid="erase-confirm-name"]') as HTMLInputElement;
  const confirm = () => el.querySelector<HTMLButtonElement>('[data-testid="confirm-erase"]') as HTMLButtonElement;
  async function type(text: string): Promise<void> {
    input().value = text;
    input().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('opens asking for the driver’s name, with the erase button disabled and the field focused', () => {
    expect(el.querySelector('dialog')?.hasAttribute('open')).toBe(true);
    expect(el.querySelector('h2')?.textContent).toBe('Erase Jan Novák’s data?');
    expect(el.querySelector('label')?.textContent).toContain('Type Jan Novák to confirm');
    expect(document.activeElement).toBe(input());
    expect(confirm().disabled).toBe(true);
  });

  it('erases nothing on a near miss; the exact name enables it and confirms with it', async () => {
    await type('jan novák');
    expect(confirm().disabled).toBe(true);
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    expect(fixture.componentInstance.confirmed).toEqual([]);

    await type(' Jan Novák ');
    expect(confirm().disabled).toBe(false);
    confirm().click();
    expect(fixture.componentInstance.confirmed).toEqual(['Jan Novák']);
  });

  it('starts empty again when reopened', async () => {
    await type('Jan Novák');
    fixture.componentInstance.open.set(false);
    await fixture.whenStable();
    fixture.componentInstance.open.set(true);
    await fixture.whenStable();
    expect(input().value).toBe('');
    expect(confirm().disabled).toBe(true);
  });
});
