import { ChangeDetectionStrategy, Component, DOCUMENT, type ElementRef, inject, signal, viewChild } from '@angular/core';
import type { ApiTokenDto } from '@convoy/contracts';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { LocalDateTimePipe } from '../ui/local-date-time';
import { ROLE_LABELS } from '../ui/role-labels';
import { apiTokenState, type ApiTokenState, ApiTokensStore } from './api-tokens.store';

const STATE_LABELS: Record<ApiTokenState, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };
const STATE_TONES: Record<ApiTokenState, string> = { active: 'ok', expired: 'neutral', revoked: 'danger' };

/** Every API token: what it is for, its role, when it was last used, and revoking (confirmed). */
@Component({
  selector: 'cv-api-tokens-table',
  imports: [ConfirmDialog, LocalDateTimePipe],
  templateUrl: './api-tokens-table.html',
  styleUrl: './api-tokens-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokensTable {
  protected readonly store = inject(ApiTokensStore);
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly stateLabels = STATE_LABELS;
  protected readonly stateTones = STATE_TONES;
  protected readonly state = apiTokenState;
  protected readonly toRevoke = signal<ApiTokenDto | null>(null);
  protected readonly announcement = signal('');

  private readonly document = inject(DOCUMENT);
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected askRevoke(token: ApiTokenDto): void {
    this.toRevoke.set(token);
    this.confirm().open();
  }

  protected async revoke(): Promise<void> {
    const token = this.toRevoke();
    if (token && (await this.store.revoke(token.id))) {
      this.announcement.set(`The token ${token.name} was revoked.`);
    }
  }

  /** Cancelled: focus went back to the row's Revoke button. Confirmed: that button is busy or gone. */
  protected onDialogClosed(): void {
    const active = this.document.activeElement;
    if (!active || active === this.document.body) {
      this.heading().nativeElement.focus();
    }
  }
}
