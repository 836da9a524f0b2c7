import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, viewChild } from '@angular/core';
import { AuthStore } from '../core/auth/auth.store';
import { PublicConfigStore } from '../core/config/public-config.store';
import { SettingNames } from '../ui/setting-names';
import { CreatedLinkCard } from './created-link-card';
import { LinkCreateForm } from './link-create-form';
import { LinksStore } from './links.store';
import { LinksTable } from './links-table';

/**
 * `/links`: create a tracking link for a driver and hand it over (copy, QR), then follow every
 * link's fate. Viewers see the list only; creating and revoking needs the dispatcher role.
 */
@Component({
  selector: 'cv-links-page',
  imports: [LinkCreateForm, CreatedLinkCard, LinksTable, SettingNames],
  providers: [LinksStore],
  templateUrl: './links-page.html',
  styleUrl: './links-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LinksPage {
  protected readonly store = inject(LinksStore);
  protected readonly config = inject(PublicConfigStore);
  private readonly auth = inject(AuthStore);

  protected readonly canManage = computed(() => this.auth.can('dispatcher'));
  protected readonly botUsername = computed(() => this.config.config()?.botUsername ?? null);
  private readonly createdCard = viewChild(CreatedLinkCard);
  private readonly injector = inject(Injector);

  constructor() {
    void this.store.load();
    void this.config.load();
  }

  /** Takes the user to the result card, once it is rendered. */
  protected onCreated(): void {
    afterNextRender(() => this.createdCard()?.focus(), { injector: this.injector });
  }
}
