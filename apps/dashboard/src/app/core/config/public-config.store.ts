import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { PublicConfigDto } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { errorStatus } from '../http/api-error';
import { API } from '../http/api-paths';
import { missingBotSettings } from './bot-setup';

/** Used only when `/api/config` cannot be read, so the map still has a base layer. */
export const FALLBACK_TILES = {
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  tileAttribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
} as const;

/** `GET /api/config` (public): tile server, bot status, version. Loaded once per page. */
@Injectable({ providedIn: 'root' })
export class PublicConfigStore {
  private readonly http = inject(HttpClient);
  private readonly _config = signal<PublicConfigDto | null>(null);
  private readonly _error = signal<string | null>(null);
  private loading: Promise<PublicConfigDto | null> | null = null;

  readonly config = this._config.asReadonly();
  readonly error = this._error.asReadonly();
  /** The bot settings the server lacks (links cannot be redeemed until they are set); empty while unknown. */
  readonly missingBotSettings = computed(() => missingBotSettings(this._config()));
  readonly version = computed(() => this._config()?.version ?? null);

  load(): Promise<PublicConfigDto | null> {
    this.loading ??= firstValueFrom(this.http.get<PublicConfigDto>(API.config)).then(
      (config) => {
        this._config.set(config);
        return config;
      },
      (error: unknown) => {
        this._error.set(`Could not load the server settings (${errorStatus(error) ?? 'error'}).`);
        this.loading = null; // a later call may retry
        return null;
      },
    );
    return this.loading;
  }
}
