import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CONVOY_EVENT_TYPES,
  WEBHOOK_DELIVERY_STATUSES,
  type ConvoyEventType,
  type CreatedWebhookDto,
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
  type WebhookDeliveryDto,
  type WebhookDeliveryStatus,
  type WebhookDto,
} from '@convoy/contracts';

export const WEBHOOK_URL_MAX = 2048;
export const WEBHOOK_DESCRIPTION_MAX = 500;

export class CreateWebhookBody implements CreateWebhookRequest {
  @ApiProperty({
    example: 'https://erp.example.com/convoy-webhook',
    maxLength: WEBHOOK_URL_MAX,
    description: 'https; loopback, private, link-local and multicast hosts are refused unless WEBHOOK_ALLOW_PRIVATE=1 (which also allows http)',
  })
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX)
  url!: string;

  @ApiProperty({ enum: CONVOY_EVENT_TYPES, enumName: 'ConvoyEventType', isArray: true, example: ['visit.arrived', 'visit.departed'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'events must name at least one event type' })
  @ArrayMaxSize(CONVOY_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(CONVOY_EVENT_TYPES, { each: true, message: `each of events must be one of ${CONVOY_EVENT_TYPES.join(', ')}` })
  events!: ConvoyEventType[];

  @ApiPropertyOptional({ example: 'ERP: arrivals at depots', maxLength: WEBHOOK_DESCRIPTION_MAX, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_DESCRIPTION_MAX)
  description?: string;

  @ApiPropertyOptional({ default: true, example: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateWebhookBody implements UpdateWebhookRequest {
  @ApiPropertyOptional({ example: 'https://erp.example.com/convoy-webhook', maxLength: WEBHOOK_URL_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX)
  url?: string;

  @ApiPropertyOptional({ enum: CONVOY_EVENT_TYPES, enumName: 'ConvoyEventType', isArray: true, example: ['visit.arrived'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'events must name at least one event type' })
  @ArrayMaxSize(CONVOY_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(CONVOY_EVENT_TYPES, { each: true, message: `each of events must be one of ${CONVOY_EVENT_TYPES.join(', ')}` })
  events?: ConvoyEventType[];

  @ApiPropertyOptional({ maxLength: WEBHOOK_DESCRIPTION_MAX, example: 'ERP: arrivals at depots' })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_DESCRIPTION_MAX)
  description?: string;

  @ApiPropertyOptional({ description: 'true re-enables an endpoint Convoy disabled (clears disabledReason)', example: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookResponse implements WebhookDto {
  @ApiProperty({ format: 'uuid', example: '3f9a8c2e-5b1d-4e7a-9c3f-2a6b8d0e1f47' })
  id!: string;

  @ApiProperty({ example: 'https://erp.example.com/convoy-webhook' })
  url!: string;

  @ApiProperty({ enum: CONVOY_EVENT_TYPES, enumName: 'ConvoyEventType', isArray: true, example: ['visit.arrived', 'visit.departed'] })
  events!: ConvoyEventType[];

  @ApiProperty({ example: 'ERP: arrivals at depots' })
  description!: string;

  @ApiProperty({ example: true })
  enabled!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'The endpoint answered 410 Gone', description: 'Why Convoy disabled it; null when enabled or disabled by a person' })
  disabledReason!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T10:00:00.000Z' })
  updatedAt!: string;
}

export class CreatedWebhookResponse extends WebhookResponse implements CreatedWebhookDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The Standard Webhooks signing secret, shown this once' })
  secret!: string;
}

export class WebhookDeliveryResponse implements WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', example: '3f9a8c2e-5b1d-4e7a-9c3f-2a6b8d0e1f47' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '3f9a8c2e-5b1d-4e7a-9c3f-2a6b8d0e1f47' })
  webhookId!: string;

  @ApiProperty({ format: 'uuid', description: 'The event id: the webhook-id header (the same on every retry)', example: '9b2d4f6a-1c3e-4a5b-8d7f-0e2a4c6b8d1f' })
  eventId!: string;

  @ApiProperty({ enum: [...CONVOY_EVENT_TYPES, 'webhook.test'], example: 'visit.arrived' })
  eventType!: ConvoyEventType | 'webhook.test';

  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES, enumName: 'WebhookDeliveryStatus', example: 'delivered' })
  status!: WebhookDeliveryStatus;

  @ApiProperty({ example: 1 })
  attempts!: number;

  @ApiProperty({ type: Number, nullable: true, example: 200 })
  lastResponseCode!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'no answer within 10 s' })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Pending: when the next attempt is due', example: '2026-12-01T10:05:00.000Z' })
  nextAttemptAt!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-01T10:00:01.000Z' })
  deliveredAt!: string | null;
}

export class DeliveryListQuery {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES, description: 'Only deliveries with this status', example: 'failed' })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus;
}
