import { ChangeDetectionStrategy, Component, inject, input, output, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Role, UserDto } from '@convoy/contracts';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { LocalDateTime, LocalDateTimePipe } from '../ui/local-date-time';
import { ROLE_LABELS, ROLE_OPTIONS } from '../ui/role-labels';
import { UsersStore } from './users.store';

/**
 * The users with their role (changed in place), state and last sign-in; disable (confirmed) or
 * enable, and a new password. Your own row cannot lock you out: no role change, no disabling.
 */
@Component({
  selector: 'cv-users-table',
  imports: [RouterLink, ConfirmDialog, LocalDateTime, LocalDateTimePipe],
  templateUrl: './users-table.html',
  styleUrl: './users-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersTable {
  protected readonly store = inject(UsersStore);
  /** The signed-in admin's id. */
  readonly currentUserId = input.required<string>();
  readonly setPassword = output<UserDto>();
  /** Something worth announcing happened ("x is now a viewer"). */
  readonly changed = output<string>();

  protected readonly roles = ROLE_OPTIONS;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly toDisable = signal<UserDto | null>(null);
  private readonly confirmDisable = viewChild.required(ConfirmDialog);

  protected async changeRole(user: UserDto, select: HTMLSelectElement): Promise<void> {
    const role = select.value as Role;
    if (role === user.role) {
      return;
    }
    const updated = await this.store.update(user.id, { role }, 'Could not change the role');
    if (updated) {
      this.changed.emit(`${updated.email} is now ${ROLE_LABELS[updated.role].toLowerCase()}.`);
    } else {
      select.value = user.role; // the server said no: show what is really stored
    }
  }

  protected askDisable(user: UserDto): void {
    this.toDisable.set(user);
    this.confirmDisable().open();
  }

  protected async disable(): Promise<void> {
    const user = this.toDisable();
    if (user && (await this.store.update(user.id, { disabled: true }, 'Could not disable the user'))) {
      this.changed.emit(`${user.email} is disabled and was signed out.`);
    }
  }

  protected async enable(user: UserDto): Promise<void> {
    if (await this.store.update(user.id, { disabled: false }, 'Could not enable the user')) {
      this.changed.emit(`${user.email} can sign in again.`);
    }
  }
}
