import { ChangeDetectionStrategy, Component, type ElementRef, inject, input, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LinkDto } from '@convoy/contracts';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { LocalDateTime, LocalDateTimePipe } from '../ui/local-date-time';
import { RevokeConfirmation } from '../ui/revoke-confirmation';
import { LINK_STATUS_LABELS, LINK_STATUS_TONES } from './link-status';
import { LINK_FILTERS, LinksStore } from './links.store';

/** Every link with its status, a status filter, and (for dispatchers) revoking a pending one. */
@Component({
  selector: 'cv-links-table',
  imports: [RouterLink, ConfirmDialog, LocalDateTime, LocalDateTimePipe],
  templateUrl: './links-table.html',
  styleUrl: './links-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LinksTable {
  protected readonly store = inject(LinksStore);
  /** Dispatchers and admins may revoke; viewers only look. */
  readonly canManage = input(false);

  protected readonly filters = LINK_FILTERS;
  protected readonly labels = LINK_STATUS_LABELS;
  protected readonly tones = LINK_STATUS_TONES;
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  protected readonly revoking = new RevokeConfirmation<LinkDto>(this.store, {
    dialog: this.confirm,
    fallbackFocus: this.heading,
    announce: (link) => `The link for ${link.driverName} was revoked.`,
  });
}
