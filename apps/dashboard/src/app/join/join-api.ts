import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { JoinChannel, JoinLinkInfo, JoinRequest, JoinResponse, MessageDto, TrackPointRequest, TrackResponse } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../core/http/api-paths';

export function joinPath(token: string): string {
  return `${API.join}/${encodeURIComponent(token)}`;
}

/**
 * The driver side of a link (issue #13): no dashboard session, only the link token and then the
 * device key this browser was given (`Authorization: Bearer`).
 */
@Injectable({ providedIn: 'root' })
export class JoinApi {
  private readonly http = inject(HttpClient);

  /** `GET /api/join/:token`: the driver's name and the Telegram deep link; 404/410 when it is of no use. */
  info(token: string): Promise<JoinLinkInfo> {
    return firstValueFrom(this.http.get<JoinLinkInfo>(joinPath(token)));
  }

  /**
   * `POST /api/join/:token`: binds this browser (or a GPS app set up from it) to the driver. The key
   * this browser already holds for the link goes along, so the server answers with the existing
   * binding instead of refusing a used link.
   */
  redeem(token: string, channel: JoinChannel, deviceKey: string | null): Promise<JoinResponse> {
    const body: JoinRequest = { channel };
    return firstValueFrom(this.http.post<JoinResponse>(joinPath(token), body, { headers: bearer(deviceKey) }));
  }

  /**
   * `POST /api/track` with an array of points. Same origin, not `ingest.trackUrl`: the page is served
   * by the API it talks to, and PUBLIC_URL may name another origin (a proxy's https address).
   */
  track(deviceKey: string, points: readonly TrackPointRequest[]): Promise<TrackResponse> {
    return firstValueFrom(this.http.post<TrackResponse>(API.track, points, { headers: bearer(deviceKey) }));
  }

  /** `GET /api/track/messages`: the conversation with dispatch (fetching delivers what was waiting). */
  messages(deviceKey: string): Promise<MessageDto[]> {
    return firstValueFrom(this.http.get<MessageDto[]>(`${API.track}/messages`, { headers: bearer(deviceKey) }));
  }

  /** `POST /api/track/messages/:id/reply`: the driver tapped one of a message's quick replies. */
  replyWith(deviceKey: string, messageId: string, option: number): Promise<MessageDto> {
    return firstValueFrom(
      this.http.post<MessageDto>(`${API.track}/messages/${encodeURIComponent(messageId)}/reply`, { option }, { headers: bearer(deviceKey) }),
    );
  }

  /** `DELETE /api/track`: the driver stopped sharing (status `sharing-ended`). */
  stop(deviceKey: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(API.track, { headers: bearer(deviceKey) }));
  }
}

function bearer(deviceKey: string | null): HttpHeaders {
  return deviceKey ? new HttpHeaders({ Authorization: `Bearer ${deviceKey}` }) : new HttpHeaders();
}
