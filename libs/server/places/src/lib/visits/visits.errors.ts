import { BadRequestException } from '@nestjs/common';

export enum VisitsErrorCode {
  TooMany = 'VISITS_TOO_MANY',
}

/** More visits than one answer carries: the caller narrows the range or filters by driver or place. */
export const tooManyVisits = (max: number) =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: VisitsErrorCode.TooMany,
    message: `More than ${max} visits in this range: ask for a shorter range, one driver or one place`,
  });
