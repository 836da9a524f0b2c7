import { BadRequestException } from '@nestjs/common';

export enum EventsErrorCode {
  UnknownCursor = 'EVENTS_UNKNOWN_CURSOR',
}

/** `after` names no stored event (never was, or aged out by retention): start again without it. */
export const unknownCursor = () =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: EventsErrorCode.UnknownCursor,
    message: 'No event with the id given as `after` (it may have aged out): poll again without `after`',
  });
