/** A driver's stay at a place (issue #9): opened by `visit.arrived`, closed by `visit.departed`. */
export interface VisitDto {
  id: string;
  driverId: string;
  placeId: string;
  arrivedAt: string;
  /** null while the driver is still there. */
  departedAt: string | null;
  /** Until the departure, or until now for an open visit. */
  dwellSeconds: number;
  /** The driver's current name and the place's, for lists and feeds (added to the fields). */
  driverName: string;
  placeName: string;
}

/** `DriverDto.currentPlace`: the driver's open visit (whatever their status; it ends only with a departure). */
export interface CurrentPlaceDto {
  /** The place's id. */
  id: string;
  name: string;
  /** The arrival time. */
  since: string;
}

/** GET /api/visits?driverId&placeId&from&to[&format=csv] */
export const VISIT_EXPORT_FORMATS = ['json', 'csv'] as const;
export type VisitExportFormat = (typeof VISIT_EXPORT_FORMATS)[number];

/** One element of the `visits` socket event: an arrival or a departure, with names for the activity feed. */
export interface VisitChange {
  type: 'arrived' | 'departed';
  visit: VisitDto;
  driverName: string;
  placeName: string;
}
