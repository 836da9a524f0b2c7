import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ConvoyEvent } from '@convoy/contracts';
import { ErrorResponseDto, RequireRole } from '@convoy/server/auth';
import { EventListQueryDto, EventResponseDto } from './dto/event.dto';
import { EventQueryService } from './event-query.service';

@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(private readonly events: EventQueryService) {}

  @Get()
  @RequireRole('dispatcher')
  @ApiOperation({
    summary: 'The event stream (driver.*, visit.*, message.*): newest first, or after a cursor for integrators who poll',
  })
  @ApiOkResponse({ type: EventResponseDto, isArray: true })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'A bad filter, or `after` names no stored event (EVENTS_UNKNOWN_CURSOR)' })
  list(@Query() query: EventListQueryDto): Promise<ConvoyEvent[]> {
    return this.events.list(query);
  }
}
