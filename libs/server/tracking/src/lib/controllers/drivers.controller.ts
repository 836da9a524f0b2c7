import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { MAX_HISTORY_RANGE_DAYS, type DriverDto } from '@convoy/contracts';
import { CurrentPrincipal, ErrorResponseDto, type Principal, RequireRole } from '@convoy/server/auth';
import type { FastifyReply } from 'fastify';
import { DriversService } from '../drivers.service';
import {
  DriverResponseDto,
  PositionHistoryQueryDto,
  PositionHistoryResponseDto,
  UpdateDriverDto,
} from '../dto/driver.dto';
import { ExportLimiter } from '../export/export-limiter';
import { EXPORT_FORMATS } from '../export/position-export';
import { PositionExportService } from '../export/position-export.service';
import { HISTORY_POINT_CAP, type PositionHistoryJson, PositionHistoryService } from '../history/position-history.service';
import { positionRange } from '../position-range';
import { exportRateLimited } from '../tracking.errors';

@ApiTags('drivers')
@Controller('api/drivers')
export class DriversController {
  constructor(
    private readonly drivers: DriversService,
    private readonly history: PositionHistoryService,
    private readonly exports: PositionExportService,
    private readonly exportLimiter: ExportLimiter,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every driver with status and latest position' })
  @ApiOkResponse({ type: DriverResponseDto, isArray: true })
  list(): Promise<DriverDto[]> {
    return this.drivers.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One driver' })
  @ApiOkResponse({ type: DriverResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DriverDto> {
    return this.drivers.get(id);
  }

  @Patch(':id')
  @RequireRole('dispatcher')
  @ApiOperation({ summary: 'Rename a driver' })
  @ApiOkResponse({ type: DriverResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: '`DRIVER_ERASED`: an erased driver keeps no name' })
  rename(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateDriverDto): Promise<DriverDto> {
    return this.drivers.rename(id, body.name);
  }

  @Delete(':id')
  @RequireRole('dispatcher')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a driver and all their positions' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.drivers.remove(id);
  }

  @Get(':id/positions')
  @ApiOperation({
    summary: 'Track for a time range (default: the last 24 h) as JSON, CSV, GPX or GeoJSON',
    description:
      `JSON (for the map) carries at most ${HISTORY_POINT_CAP.toLocaleString('en')} points: longer ranges are thinned evenly in time ` +
      '(first and last kept), as `downsampled`, `maxPoints` and `thinningStep` say. csv, gpx and geojson contain every stored point ' +
      `of the range, streamed. A range may span at most ${MAX_HISTORY_RANGE_DAYS} days (400 \`RANGE_TOO_LONG\`). ` +
      'File exports are limited per user (`EXPORT_RATE_LIMIT` per minute, two at once; 429 `EXPORT_RATE_LIMITED` with Retry-After).',
  })
  @ApiExtraModels(PositionHistoryResponseDto)
  @ApiOkResponse({
    description: 'The track in the requested `format`; files come with a Content-Disposition filename',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PositionHistoryResponseDto) } },
      'text/csv': { schema: { type: 'string', example: 'recorded_at,latitude,longitude,accuracy_m,speed_mps,heading_deg,source\n' } },
      'application/gpx+xml': { schema: { type: 'string', example: '<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" …>' } },
      'application/geo+json': { schema: { type: 'object', example: { type: 'FeatureCollection', features: [] } } },
    },
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: '`RANGE_TOO_LONG`, `RANGE_INVALID` or `VALIDATION_FAILED`' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: '`EXPORT_RATE_LIMITED` (files only)' })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: '`QUERY_TIMEOUT`: the database took longer than its statement timeout' })
  async positions(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PositionHistoryQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PositionHistoryJson | StreamableFile> {
    const format = query.format ?? 'json';
    if (format === 'json') {
      const json = await this.history.history(id, query.from, query.to); // a PositionHistoryDto, already serialised
      reply.type('application/json; charset=utf-8');
      return json;
    }

    positionRange(query.from, query.to); // a bad range is a 400, not a spent export
    const admission = this.exportLimiter.admit(principal.user.id);
    if (!admission.admitted) {
      reply.header('retry-after', String(admission.retryAfterSeconds));
      throw exportRateLimited(admission.retryAfterSeconds);
    }
    try {
      const file = await this.exports.open(id, EXPORT_FORMATS[format], query.from, query.to);
      file.stream.once('close', admission.done);
      return new StreamableFile(file.stream, {
        type: file.contentType,
        disposition: `attachment; filename="${file.filename}"`,
      });
    } catch (error) {
      admission.done();
      throw error;
    }
  }
}
