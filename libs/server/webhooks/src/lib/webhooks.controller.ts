import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CreatedWebhookDto, WebhookDeliveryDto, WebhookDto } from '@convoy/contracts';
import { ErrorResponseDto, PersonOnly, RequireRole } from '@convoy/server/auth';
import {
  CreatedWebhookResponse,
  CreateWebhookBody,
  DeliveryListQuery,
  UpdateWebhookBody,
  WebhookDeliveryResponse,
  WebhookResponse,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

/** Signed webhooks for integrators (admin). Creating or re-pointing one needs a person, not an API token. */
@ApiTags('webhooks')
@Controller('api/webhooks')
@RequireRole('admin')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'Every webhook endpoint' })
  @ApiOkResponse({ type: WebhookResponse, isArray: true })
  list(): Promise<WebhookDto[]> {
    return this.webhooks.list();
  }

  @Post()
  @PersonOnly()
  @ApiOperation({
    summary: 'Register an endpoint; the answer carries its signing secret (whsec_…) this once',
    description: 'Deliveries follow the Standard Webhooks specification: headers webhook-id (the event id), webhook-timestamp, webhook-signature (v1, HMAC-SHA256); body {type, timestamp, data}.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponse })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid fields, or a refused URL (WEBHOOK_URL_REFUSED: not https, loopback/private host)' })
  create(@Body() body: CreateWebhookBody): Promise<CreatedWebhookDto> {
    return this.webhooks.create(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook endpoint' })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<WebhookDto> {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @PersonOnly()
  @ApiOperation({ summary: 'Change URL, events, description, or enable/disable (disabling fails its pending deliveries)' })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateWebhookBody): Promise<WebhookDto> {
    return this.webhooks.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint and its delivery log' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The newest 100 deliveries: status, attempts, last response code or error, next retry' })
  @ApiOkResponse({ type: WebhookDeliveryResponse, isArray: true })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  deliveries(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: DeliveryListQuery): Promise<WebhookDeliveryDto[]> {
    return this.webhooks.listDeliveries(id, query.status);
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a delivery again now, with a fresh retry schedule (same webhook-id)' })
  @ApiOkResponse({ type: WebhookDeliveryResponse })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The endpoint is disabled (WEBHOOK_DISABLED)' })
  retry(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('deliveryId', new ParseUUIDPipe()) deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.retry(id, deliveryId);
  }

  @Post(':id/test')
  @ApiOperation({ summary: 'Queue a webhook.test event for this endpoint (also while it is disabled)' })
  @ApiCreatedResponse({ type: WebhookDeliveryResponse })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  sendTest(@Param('id', new ParseUUIDPipe()) id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.sendTest(id);
  }
}
