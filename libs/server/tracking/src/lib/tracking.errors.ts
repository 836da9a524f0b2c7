import { NotFoundException } from '@nestjs/common';

export enum TrackingErrorCode {
  DriverNotFound = 'DRIVER_NOT_FOUND',
}

export const driverNotFound = () =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', code: TrackingErrorCode.DriverNotFound, message: 'No such driver' });

/** ingest() for a driver that does not exist (deleted meanwhile, or a stale binding). */
export class UnknownDriverError extends Error {
  override name = 'UnknownDriverError';
}
