import { ChangeDetectionStrategy, Component, computed, type ElementRef, input, output, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Role, SessionUser } from '@convoy/contracts';

const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', dispatcher: 'Dispatcher', viewer: 'Viewer' };

/**
 * The signed-in account, top right: a disclosure button (email + role) opening a small panel with
 * "Account and password" and "Sign out". Escape or a click elsewhere closes it; focus returns to the button.
 */
@Component({
  selector: 'cv-user-menu',
  imports: [RouterLink],
  templateUrl: './user-menu.html',
  styleUrl: './user-menu.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'onDocumentClick($event)',
    '(keydown.escape)': 'close(true)',
  },
})
export class UserMenu {
  readonly user = input.required<SessionUser>();
  readonly busy = input(false);
  readonly signOut = output<void>();

  protected readonly open = signal(false);
  protected readonly roleLabel = computed(() => ROLE_LABELS[this.user().role] ?? this.user().role);
  protected readonly initial = computed(() => this.user().email.charAt(0).toUpperCase());

  private readonly trigger = viewChild.required<ElementRef<HTMLButtonElement>>('trigger');
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('root');

  protected toggle(): void {
    this.open.update((open) => !open);
  }

  close(restoreFocus = false): void {
    if (!this.open()) {
      return;
    }
    this.open.set(false);
    if (restoreFocus) {
      this.trigger().nativeElement.focus();
    }
  }

  protected onDocumentClick(event: MouseEvent): void {
    if (this.open() && !this.host().nativeElement.contains(event.target as Node | null)) {
      this.close();
    }
  }
}
