import { ConflictException, NotFoundException } from '@nestjs/common';

export enum MessagesErrorCode {
  DriverCannotReceive = 'MESSAGE_DRIVER_CANNOT_RECEIVE',
  NotFound = 'MESSAGE_NOT_FOUND',
  QuickReplyUnknown = 'MESSAGE_QUICK_REPLY_UNKNOWN',
}

/** GPS-app, unbound or erased drivers (and Telegram drivers while the bot is disabled) have no way to read a message. */
export const driverCannotReceive = (why: string) =>
  new ConflictException({ statusCode: 409, error: 'Conflict', code: MessagesErrorCode.DriverCannotReceive, message: why });

export const messageNotFound = () =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', code: MessagesErrorCode.NotFound, message: 'No such message for this driver' });

export const quickReplyUnknown = () =>
  new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    code: MessagesErrorCode.QuickReplyUnknown,
    message: 'That answer is not one the message offered, or the message was already answered',
  });
