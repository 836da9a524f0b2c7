import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { StopDto, SummaryRowDto, TripDto } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../core/http/api-paths';

/** Calendar days (`YYYY-MM-DD`), cut by the server in its TIME_ZONE. */
export interface ReportDays {
  from: string;
  to: string;
}

/** `/api/reports/*`: JSON for the page, the same query with `format=csv` for downloads. */
export function reportUrl(kind: 'trips' | 'stops' | 'summary', days: ReportDays, driverId?: string, format: 'json' | 'csv' = 'json'): string {
  const query = new URLSearchParams({ from: days.from, to: days.to });
  if (driverId) query.set('driverId', driverId);
  if (format === 'csv') query.set('format', 'csv');
  return `${API.reports}/${kind}?${query.toString()}`;
}

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  summary(days: ReportDays): Promise<SummaryRowDto[]> {
    return firstValueFrom(this.http.get<SummaryRowDto[]>(reportUrl('summary', days)));
  }

  trips(driverId: string, days: ReportDays): Promise<TripDto[]> {
    return firstValueFrom(this.http.get<TripDto[]>(reportUrl('trips', days, driverId)));
  }

  stops(driverId: string, days: ReportDays): Promise<StopDto[]> {
    return firstValueFrom(this.http.get<StopDto[]>(reportUrl('stops', days, driverId)));
  }
}
