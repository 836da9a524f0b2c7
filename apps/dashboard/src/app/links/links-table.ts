import { ChangeDetectionStrategy, Component, DOCUMENT, type ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LinkDto } from '@convoy/contracts';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { LocalDateTimePipe } from '../ui/local-date-time';
import { LINK_STATUS_LABELS, LINK_STATUS_TONES } from './link-status';
import { LINK_FILTERS, LinksStore } from './links.store';

/** Every link with its status, a status filter, and (for dispatchers) revoking a pending one. */
@Component({
  selector: 'cv-links-table',
  imports: [RouterLink, ConfirmDialog, LocalDateTimePipe],
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
  /** The link the confirmation dialog is about. */
  protected readonly toRevoke = signal<LinkDto | null>(null);
  protected readonly announcement = signal('');

  private readonly document = inject(DOCUMENT);
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected askRevoke(link: LinkDto): void {
    this.toRevoke.set(link);
    this.confirm().open();
  }

  protected async revoke(): Promise<void> {
    const link = this.toRevoke();
    if (!link) {
      return;
    }
    if (await this.store.revoke(link.id)) {
      this.announcement.set(`The link for ${link.driverName} was revoked.`);
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
