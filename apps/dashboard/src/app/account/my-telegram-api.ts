import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MyTelegramDto, TelegramLinkDto } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../core/http/api-paths';

/** `/api/me/telegram*`: the signed-in user's own Telegram chat for alerts (not a driver link). */
@Injectable({ providedIn: 'root' })
export class MyTelegramApi {
  private readonly http = inject(HttpClient);

  status(): Promise<MyTelegramDto> {
    return firstValueFrom(this.http.get<MyTelegramDto>(API.myTelegram));
  }

  createLink(): Promise<TelegramLinkDto> {
    return firstValueFrom(this.http.post<TelegramLinkDto>(API.myTelegramLink, {}));
  }

  unlink(): Promise<void> {
    return firstValueFrom(this.http.delete<void>(API.myTelegram));
  }
}
