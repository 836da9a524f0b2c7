import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { VisitDto } from '@convoy/contracts';
import { ErrorResponseDto } from '@convoy/server/auth';
import { VisitQueryDto, VisitResponseDto } from './dto/visit.dto';
import { visitsToCsv } from './visits-csv';
import { VisitsService } from './visits.service';

@ApiTags('visits')
@Controller('api/visits')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get()
  @ApiOperation({
    summary: "Drivers' stays at places overlapping a range (default the last 24 h), oldest arrival first, as JSON or CSV",
    description: 'An open visit has `departedAt: null` and its dwell until now. At most 93 days, at most 50,000 visits per answer.',
  })
  @ApiExtraModels(VisitResponseDto)
  @ApiOkResponse({
    content: {
      'application/json': { schema: { type: 'array', items: { $ref: getSchemaPath(VisitResponseDto) } } },
      'text/csv': {
        schema: {
          type: 'string',
          example: 'id,driver_id,driver_name,place_id,place_name,arrived_at,departed_at,dwell_seconds\n',
        },
      },
    },
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid query, RANGE_INVALID, RANGE_TOO_LONG or VISITS_TOO_MANY' })
  async list(@Query() query: VisitQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<VisitDto[] | string> {
    const visits = await this.visits.list(query);
    if ((query.format ?? 'json') === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="visits.csv"');
      return visitsToCsv(visits);
    }
    return visits;
  }
}
