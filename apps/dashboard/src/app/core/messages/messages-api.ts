import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MessageDto, MessageThreadDto, SendMessageRequest } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { DRIVERS_PATH } from '../live/drivers-api';

/** A driver's conversation with dispatch: read, write, mark the driver's replies read. */
@Injectable({ providedIn: 'root' })
export class MessagesApi {
  private readonly http = inject(HttpClient);

  thread(driverId: string): Promise<MessageThreadDto> {
    return firstValueFrom(this.http.get<MessageThreadDto>(messagesPath(driverId)));
  }

  send(driverId: string, request: SendMessageRequest): Promise<MessageDto> {
    return firstValueFrom(this.http.post<MessageDto>(messagesPath(driverId), request));
  }

  markRead(driverId: string): Promise<{ read: number }> {
    return firstValueFrom(this.http.post<{ read: number }>(`${messagesPath(driverId)}/read`, {}));
  }
}

function messagesPath(driverId: string): string {
  return `${DRIVERS_PATH}/${encodeURIComponent(driverId)}/messages`;
}
