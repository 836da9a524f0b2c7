import { BadRequestException, NotFoundException } from '@nestjs/common';

export enum ReportsErrorCode {
  InvalidRange = 'REPORT_RANGE_INVALID',
  DriverNotFound = 'DRIVER_NOT_FOUND',
}

export const invalidRange = (message: string) =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', code: ReportsErrorCode.InvalidRange, message });

export const driverNotFound = () =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', code: ReportsErrorCode.DriverNotFound, message: 'No such driver' });
