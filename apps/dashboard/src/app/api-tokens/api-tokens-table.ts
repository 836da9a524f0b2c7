import { ChangeDetectionStrategy, Component, type ElementRef, inject, viewChild } from '@angular/core';
import type { ApiTokenDto } from '@convoy/contracts';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { LocalDateTime } from '../ui/local-date-time';
import { RevokeConfirmation } from '../ui/revoke-confirmation';
import { ROLE_LABELS } from '../ui/role-labels';
import { apiTokenState, type ApiTokenState, ApiTokensStore } from './api-tokens.store';

const STATE_LABELS: Record<ApiTokenState, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };
const STATE_TONES: Record<ApiTokenState, string> = { active: 'ok', expired: 'neutral', revoked: 'danger' };

/** Every API token: what it is for, its role, when it was last used, and revoking (confirmed). */
@Component({
  selector: 'cv-api-tokens-table',
  imports: [ConfirmDialog, LocalDateTime],
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
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  protected readonly revoking = new RevokeConfirmation<ApiTokenDto>(this.store, {
    dialog: this.confirm,
    fallbackFocus: this.heading,
    announce: (token) => `The token ${token.name} was revoked.`,
  });
}
