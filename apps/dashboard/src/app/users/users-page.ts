import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import type { UserDto } from '@convoy/contracts';
import { AuthStore } from '../core/auth/auth.store';
import { UserCreateDialog } from './user-create-dialog';
import { UserPasswordDialog } from './user-password-dialog';
import { UsersStore } from './users.store';
import { UsersTable } from './users-table';

/** `/users` (admins): who can sign in to Convoy, with which role. */
@Component({
  selector: 'cv-users-page',
  imports: [UsersTable, UserCreateDialog, UserPasswordDialog],
  providers: [UsersStore],
  template: `
    <div class="cv-page">
      <header class="cv-page-head">
        <div>
          <h1>Users</h1>
          <p>The people who sign in to this dashboard. Viewers watch, dispatchers also manage links and drivers, admins run everything.</p>
        </div>
        <button type="button" class="cv-btn cv-btn--primary" (click)="createDialog().open()" data-testid="new-user">
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M10 4a1 1 0 0 1 1 1v4h4a1 1 0 1 1 0 2h-4v4a1 1 0 1 1-2 0v-4H5a1 1 0 1 1 0-2h4V5a1 1 0 0 1 1-1Z" />
          </svg>
          New user
        </button>
      </header>

      <div role="status" class="status">
        @if (status(); as status) {
          <p class="cv-alert cv-alert--ok" data-testid="users-status">{{ status }}</p>
        }
      </div>
      @if (store.loadError(); as error) {
        <p class="cv-alert" role="alert">{{ error }}</p>
      }

      <cv-users-table [currentUserId]="currentUserId()" (setPassword)="passwordDialog().open($event)" (changed)="status.set($event)" />
    </div>

    <cv-user-create-dialog (created)="onCreated($event)" />
    <cv-user-password-dialog (changed)="status.set('New password set for ' + $event.email + '. Their sessions ended.')" />
  `,
  styles: ':host { display: block; height: 100%; overflow-y: auto; } .status:empty { display: none; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  protected readonly store = inject(UsersStore);
  private readonly auth = inject(AuthStore);

  protected readonly currentUserId = computed(() => this.auth.user()?.id ?? '');
  /** The last change that worked, as a sentence. */
  protected readonly status = signal('');
  protected readonly createDialog = viewChild.required(UserCreateDialog);
  protected readonly passwordDialog = viewChild.required(UserPasswordDialog);

  constructor() {
    void this.store.load();
  }

  protected onCreated(user: UserDto): void {
    this.status.set(`${user.email} was added. They can sign in now.`);
  }
}
