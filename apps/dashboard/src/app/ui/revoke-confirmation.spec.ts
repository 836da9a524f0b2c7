import { ChangeDetectionStrategy, Component, type ElementRef, viewChild } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ConfirmDialog } from './confirm-dialog';
import { polyfillDialog } from './dialog-test-polyfill';
import { RevokeConfirmation } from './revoke-confirmation';

interface Pass {
  id: string;
  holder: string;
}

@Component({
  imports: [ConfirmDialog],
  template: `
    <h2 #heading tabindex="-1">Passes</h2>
    <span aria-live="polite" data-testid="announcement">{{ revoking.announcement() }}</span>
    @for (pass of passes; track pass.id) {
      <button type="button" [attr.data-testid]="'revoke-' + pass.id" (click)="revoking.ask(pass)">Revoke</button>
    }
    <cv-confirm-dialog
      [heading]="'Revoke the pass of ' + (revoking.item()?.holder ?? '') + '?'"
      confirmLabel="Revoke pass"
      testId="revoke-dialog"
      (confirmed)="revoking.confirm()"
      (closed)="revoking.onClosed()"
    >
      <p>It stops working at once.</p>
    </cv-confirm-dialog>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly passes: Pass[] = [
    { id: 'p-1', holder: 'Eva' },
    { id: 'p-2', holder: 'Petr' },
  ];
  readonly revoked: string[] = [];
  answer = true;
  readonly store = {
    revoke: (id: string): Promise<boolean> => {
      this.revoked.push(id);
      return Promise.resolve(this.answer);
    },
  };
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  readonly revoking = new RevokeConfirmation<Pass>(this.store, {
    dialog: this.confirm,
    fallbackFocus: this.heading,
    announce: (pass) => `The pass of ${pass.holder} was revoked.`,
  });
}

describe('RevokeConfirmation', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let el: HTMLElement;

  beforeAll(polyfillDialog);

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await fixture.whenStable();
  });

  afterEach(() => el.remove());

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const q = <T extends HTMLElement = HTMLElement>(selector: string): T | null => el.querySelector<T>(selector);
  const dialog = () => q('[data-testid="revoke-dialog"]');

  it('asks about the chosen row first, and revokes nothing until confirmed', async () => {
    q<HTMLButtonElement>('[data-testid="revoke-p-2"]')?.click();
    await settle();

    expect(dialog()?.hasAttribute('open')).toBe(true);
    expect(dialog()?.querySelector('h2')?.textContent).toBe('Revoke the pass of Petr?');
    expect(host.revoked).toEqual([]);
  });

  it('revokes the item once confirmed and tells screen readers', async () => {
    q<HTMLButtonElement>('[data-testid="revoke-p-1"]')?.click();
    await settle();
    q<HTMLButtonElement>('[data-testid="confirm-button"]')?.click();
    await settle();

    expect(host.revoked).toEqual(['p-1']);
    expect(dialog()?.hasAttribute('open')).toBe(false);
    expect(q('[data-testid="announcement"]')?.textContent).toBe('The pass of Eva was revoked.');
  });

  it('announces nothing when revoking failed (the store shows why)', async () => {
    host.answer = false;
    q<HTMLButtonElement>('[data-testid="revoke-p-1"]')?.click();
    await settle();
    q<HTMLButtonElement>('[data-testid="confirm-button"]')?.click();
    await settle();

    expect(host.revoked).toEqual(['p-1']);
    expect(q('[data-testid="announcement"]')?.textContent).toBe('');
  });

  it("keeps focus on the list when the row's button cannot take it back", async () => {
    const rowButton = q<HTMLButtonElement>('[data-testid="revoke-p-1"]');
    rowButton?.focus();
    rowButton?.click();
    await settle();
    rowButton?.remove(); // the row changed meanwhile: its Revoke button is gone
    (document.activeElement as HTMLElement | null)?.blur(); // as when the focused dialog button goes away
    q<HTMLButtonElement>('[data-testid="confirm-button"]')?.click();
    await settle();

    expect(document.activeElement).toBe(q('h2'));
  });

  it('leaves focus where the dialog put it back on cancel', async () => {
    const rowButton = q<HTMLButtonElement>('[data-testid="revoke-p-2"]');
    rowButton?.focus();
    rowButton?.click();
    await settle();
    Array.from(dialog()?.querySelectorAll('button') ?? [])
      .find((b) => b.textContent?.trim() === 'Cancel')
      ?.click();
    await settle();

    expect(host.revoked).toEqual([]);
    expect(document.activeElement).toBe(rowButton);
  });
});
