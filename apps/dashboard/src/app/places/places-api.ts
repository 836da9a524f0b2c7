import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreatePlaceRequest, PlaceDto, PlaceImportResult, UpdatePlaceRequest } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../core/http/api-paths';

/** The file kinds the import takes, by what the browser or the file name says. */
export function importContentType(file: { name: string; type: string }): 'text/csv' | 'application/geo+json' | null {
  const name = file.name.toLowerCase();
  if (file.type === 'text/csv' || name.endsWith('.csv') || name.endsWith('.txt')) return 'text/csv';
  if (file.type === 'application/geo+json' || name.endsWith('.geojson') || name.endsWith('.json')) return 'application/geo+json';
  return null;
}

/** `/api/places`: the places page and the fleet map's places layer. */
@Injectable({ providedIn: 'root' })
export class PlacesApi {
  private readonly http = inject(HttpClient);

  list(): Promise<PlaceDto[]> {
    return firstValueFrom(this.http.get<PlaceDto[]>(API.places));
  }

  create(place: CreatePlaceRequest): Promise<PlaceDto> {
    return firstValueFrom(this.http.post<PlaceDto>(API.places, place));
  }

  update(id: string, changes: UpdatePlaceRequest): Promise<PlaceDto> {
    return firstValueFrom(this.http.patch<PlaceDto>(`${API.places}/${id}`, changes));
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${API.places}/${id}`));
  }

  /** Sends the file as the body with its content type; `dryRun` changes nothing. */
  import(file: Blob, contentType: string, dryRun: boolean): Promise<PlaceImportResult> {
    return firstValueFrom(
      this.http.post<PlaceImportResult>(`${API.placesImport}?dryRun=${dryRun}`, file, {
        headers: new HttpHeaders({ 'content-type': contentType }),
      }),
    );
  }
}
