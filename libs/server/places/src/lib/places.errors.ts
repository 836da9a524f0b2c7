import { BadRequestException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { PlaceImportProblem } from '@convoy/contracts';

export enum PlacesErrorCode {
  NotFound = 'PLACE_NOT_FOUND',
  InvalidShape = 'PLACE_INVALID_SHAPE',
  UnsupportedImport = 'PLACE_IMPORT_UNSUPPORTED',
  ImportInvalid = 'PLACE_IMPORT_INVALID',
}

export const placeNotFound = () =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', code: PlacesErrorCode.NotFound, message: 'No such place' });

export const invalidShape = (reason: string) =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', code: PlacesErrorCode.InvalidShape, message: reason });

export const unsupportedImport = (message: string) =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', code: PlacesErrorCode.UnsupportedImport, message });

/** A real import with any bad row imports nothing: 422 with every problem. */
export const importInvalid = (problems: PlaceImportProblem[]) =>
  new UnprocessableEntityException({
    statusCode: 422,
    error: 'Unprocessable Entity',
    code: PlacesErrorCode.ImportInvalid,
    message: `${problems.length} bad row${problems.length === 1 ? '' : 's'}: nothing was imported`,
    problems,
  });
