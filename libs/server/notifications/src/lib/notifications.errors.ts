import { BadRequestException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';

export enum NotificationsErrorCode {
  RuleNotFound = 'ALERT_RULE_NOT_FOUND',
  RuleInvalid = 'ALERT_RULE_INVALID',
  NotificationNotFound = 'NOTIFICATION_NOT_FOUND',
  TelegramUnavailable = 'TELEGRAM_LINK_UNAVAILABLE',
}

export const ruleNotFound = () =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', code: NotificationsErrorCode.RuleNotFound, message: 'No such alert rule' });

/** A rule that names things that do not exist, no recipient, bad quiet hours… `message` lists each problem. */
export const ruleInvalid = (problems: string[]) =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', code: NotificationsErrorCode.RuleInvalid, message: problems });

export const notificationNotFound = () =>
  new NotFoundException({
    statusCode: 404,
    error: 'Not Found',
    code: NotificationsErrorCode.NotificationNotFound,
    message: 'No such notification in your inbox',
  });

/** No bot token or username: no t.me link can be made. */
export const telegramUnavailable = (missing: string[]) =>
  new ServiceUnavailableException({
    statusCode: 503,
    error: 'Service Unavailable',
    code: NotificationsErrorCode.TelegramUnavailable,
    message: `Telegram alerts need ${missing.join(' and ')} to be set on the server`,
  });
