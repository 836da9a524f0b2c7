import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NotificationDto, NotificationListDto, NotificationsReadDto } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../core/http/api-paths';

/** `/api/notifications`: the signed-in user's own inbox. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(options: { unread?: boolean; limit?: number; before?: string } = {}): Promise<NotificationListDto> {
    const params: Record<string, string> = {};
    if (options.unread) params['unread'] = 'true';
    if (options.limit) params['limit'] = String(options.limit);
    if (options.before) params['before'] = options.before;
    return firstValueFrom(this.http.get<NotificationListDto>(API.notifications, { params }));
  }

  markRead(id: string): Promise<NotificationDto | null> {
    return firstValueFrom(this.http.post<NotificationDto | null>(`${API.notifications}/${encodeURIComponent(id)}/read`, {}));
  }

  /** Every unread entry of the user, also those not loaded. */
  markAllRead(): Promise<NotificationsReadDto> {
    return firstValueFrom(this.http.post<NotificationsReadDto>(`${API.notifications}/read-all`, {}));
  }
}
