import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';

export enum WebhooksErrorCode {
  NotFound = 'WEBHOOK_NOT_FOUND',
  DeliveryNotFound = 'WEBHOOK_DELIVERY_NOT_FOUND',
  UrlRefused = 'WEBHOOK_URL_REFUSED',
  Disabled = 'WEBHOOK_DISABLED',
}

export const webhookNotFound = () =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', code: WebhooksErrorCode.NotFound, message: 'No such webhook' });

export const deliveryNotFound = () =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', code: WebhooksErrorCode.DeliveryNotFound, message: 'No such delivery of this webhook' });

export const urlRefused = (reason: string) =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', code: WebhooksErrorCode.UrlRefused, message: `url ${reason}` });

export const webhookDisabled = () =>
  new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    code: WebhooksErrorCode.Disabled,
    message: 'The webhook is disabled: enable it before retrying deliveries',
  });
