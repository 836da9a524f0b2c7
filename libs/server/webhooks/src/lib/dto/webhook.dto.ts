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

  @ApiPropertyOptional({ default: true })
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

  @ApiPropertyOptional({ enum: CONVOY_EVENT_TYPES, enumName: 'ConvoyEventType', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'events must name at least one event type' })
  @ArrayMaxSize(CONVOY_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(CONVOY_EVENT_TYPES, { each: true, message: `each of events must be one of ${CONVOY_EVENT_TYPES.join(', ')}` })
  events?: ConvoyEventType[];

  @ApiPropertyOptional({ maxLength: WEBHOOK_DESCRIPTION_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_DESCRIPTION_MAX)
  description?: string;

  @ApiPropertyOptional({ description: 'true re-enables an endpoint Convoy disabled (clears disabledReason)' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookResponse implements WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'https://erp.example.com/convoy-webhook' })
  url!: string;

  @ApiProperty({ enum: CONVOY_EVENT_TYPES, enumName: 'ConvoyEventType', isArray: true })
  events!: ConvoyEventType[];

  @ApiProperty({ example: 'ERP: arrivals at depots' })
  description!: string;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'The endpoint answered 410 Gone', description: 'Why Convoy disabled it; null when enabled or disabled by a person' })
  disabledReason!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class CreatedWebhookResponse extends WebhookResponse implements CreatedWebhookDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The Standard Webhooks signing secret, shown this once' })
  secret!: string;
}

export class WebhookDeliveryResponse implements WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  webhookId!: string;

  @ApiProperty({ format: 'uuid', description: 'The event id: the webhook-id header (the same on every retry)' })
  eventId!: string;

  @ApiProperty({ enum: [...CONVOY_EVENT_TYPES, 'webhook.test'], example: 'visit.arrived' })
  eventType!: ConvoyEventType | 'webhook.test';

  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES, enumName: 'WebhookDeliveryStatus' })
  status!: WebhookDeliveryStatus;

  @ApiProperty({ example: 1 })
  attempts!: number;

  @ApiProperty({ type: Number, nullable: true, example: 200 })
  lastResponseCode!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'no answer within 10 s' })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Pending: when the next attempt is due' })
  nextAttemptAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;
}

export class DeliveryListQuery {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES, description: 'Only deliveries with this status' })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus;
}
