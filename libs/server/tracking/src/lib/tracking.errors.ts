import { BadRequestException, ConflictException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { MAX_HISTORY_RANGE_DAYS } from '@convoy/contracts';

export enum TrackingErrorCode {
  DriverNotFound = 'DRIVER_NOT_FOUND',
  DriverErased = 'DRIVER_ERASED',
  RangeInvalid = 'RANGE_INVALID',
  RangeTooLong = 'RANGE_TOO_LONG',
  ExportRateLimited = 'EXPORT_RATE_LIMITED',
  QueryTimeout = 'QUERY_TIMEOUT',
}

export const driverNotFound = () =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', code: TrackingErrorCode.DriverNotFound, message: 'No such driver' });

/** ingest() for a driver that does not exist (deleted meanwhile, or a stale binding). */
export class UnknownDriverError extends Error {
  override name = 'UnknownDriverError';
}

export const driverErased = () =>
  new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    code: TrackingErrorCode.DriverErased,
    message: 'This driver left and their data was erased; it can only be deleted',
  });

export const rangeInvalid = () =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', code: TrackingErrorCode.RangeInvalid, message: '`from` must be before `to`' });

export const rangeTooLong = () =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: TrackingErrorCode.RangeTooLong,
    message: `The range may span at most ${MAX_HISTORY_RANGE_DAYS} days; ask for several shorter ranges`,
  });

export const exportRateLimited = (retryAfterSeconds: number) =>
  new HttpException(
    {
      statusCode: 429,
      error: 'Too Many Requests',
      code: TrackingErrorCode.ExportRateLimited,
      message: `Too many exports; try again in ${retryAfterSeconds} s`,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );

/** Postgres cancelled the query at statement_timeout. */
export const queryTimeout = () =>
  new HttpException(
    { statusCode: 503, error: 'Service Unavailable', code: TrackingErrorCode.QueryTimeout, message: 'The database took too long; try a shorter range' },
    HttpStatus.SERVICE_UNAVAILABLE,
  );

/** SQLSTATE 57014 query_canceled: what statement_timeout raises. */
export function isQueryTimeout(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '57014';
}
