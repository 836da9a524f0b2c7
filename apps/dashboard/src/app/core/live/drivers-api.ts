import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DriverDto, EraseDriverRequest, PositionExportFormat, PositionHistoryDto, UpdateDriverRequest } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';

export const DRIVERS_PATH = '/api/drivers';

/** A time range of a track, as instants. */
export interface TimeRange {
  from: Date;
  to: Date;
}

/** The REST side of drivers: list, one, rename, erase, delete, track history and its exports. */
@Injectable({ providedIn: 'root' })
export class DriversApi {
  private readonly http = inject(HttpClient);

  list(): Promise<DriverDto[]> {
    return firstValueFrom(this.http.get<DriverDto[]>(DRIVERS_PATH));
  }

  get(id: string): Promise<DriverDto> {
    return firstValueFrom(this.http.get<DriverDto>(driverPath(id)));
  }

  rename(id: string, name: string): Promise<DriverDto> {
    const body: UpdateDriverRequest = { name };
    return firstValueFrom(this.http.patch<DriverDto>(driverPath(id), body));
  }

  /** Erases the driver's personal data; `confirmName` is their current name, as typed by the dispatcher. */
  erase(id: string, confirmName: string): Promise<DriverDto> {
    const body: EraseDriverRequest = { confirmName };
    return firstValueFrom(this.http.post<DriverDto>(`${driverPath(id)}/erase`, body));
  }

  delete(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(driverPath(id)));
  }

  /**
   * `DELETE /api/drivers/:id/device`: the driver's browser or GPS app key stops working at once; the
   * history stays. Answers the driver as it is now (fetched again when the server sends no body).
   */
  async disconnectDevice(id: string): Promise<DriverDto> {
    const answer = await firstValueFrom(this.http.delete<DriverDto | null>(`${driverPath(id)}/device`));
    return answer && typeof answer === 'object' && answer.id === id ? answer : this.get(id);
  }

  history(id: string, range: TimeRange): Promise<PositionHistoryDto> {
    return firstValueFrom(this.http.get<PositionHistoryDto>(positionsUrl(id, range, 'json')));
  }
}

export function driverPath(id: string): string {
  return `${DRIVERS_PATH}/${encodeURIComponent(id)}`;
}

/** `GET /api/drivers/:id/positions?from&to&format`: JSON, or a file download for csv/gpx/geojson. */
export function positionsUrl(id: string, range: TimeRange, format: PositionExportFormat): string {
  const query = new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString(), format });
  return `${driverPath(id)}/positions?${query.toString()}`;
}
