import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from '../core/auth/auth.store';
import { PublicConfigStore } from '../core/config/public-config.store';
import { NotificationBell } from '../notifications/notification-bell';
import { NotificationToasts } from '../notifications/notification-toasts';
import { NotificationsStore } from '../notifications/notifications.store';
import { CloseIcon } from '../ui/close-icon';
import { Logo } from '../ui/logo';
import { SettingNames } from '../ui/setting-names';
import { UserMenu } from './user-menu';

const BOT_BANNER_DISMISSED = 'convoy.botBannerDismissed';

/** The signed-in frame: header, notices, and the routed page filling the rest of the viewport. */
@Component({
  selector: 'cv-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, Logo, UserMenu, CloseIcon, SettingNames, NotificationBell, NotificationToasts],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  protected readonly auth = inject(AuthStore);
  protected readonly config = inject(PublicConfigStore);
  private readonly router = inject(Router);

  protected readonly signingOut = signal(false);
  protected readonly botBannerDismissed = signal(readFlag(BOT_BANNER_DISMISSED));

  constructor() {
    // the inbox and its toasts follow the signed-in user on every page
    const notifications = inject(NotificationsStore);
    notifications.start();
    inject(DestroyRef).onDestroy(() => notifications.stop());
  }

  protected async signOut(): Promise<void> {
    if (this.signingOut()) {
      return;
    }
    this.signingOut.set(true);
    try {
      await this.auth.logout();
      await this.router.navigateByUrl('/login');
    } finally {
      this.signingOut.set(false);
    }
  }

  protected dismissBotBanner(): void {
    this.botBannerDismissed.set(true);
    writeFlag(BOT_BANNER_DISMISSED);
  }
}

/** Dismissals last for the browser tab's session: the setting may be fixed by the next visit. */
function readFlag(key: string): boolean {
  try {
    return sessionStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string): void {
  try {
    sessionStorage.setItem(key, '1');
  } catch {
    // storage disabled: the banner simply comes back next time
  }
}
