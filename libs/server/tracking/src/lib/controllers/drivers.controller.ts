import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Query, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { DriverDto, PositionHistoryDto } from '@convoy/contracts';
import { ErrorResponseDto, RequireRole } from '@convoy/server/auth';
import type { FastifyReply } from 'fastify';
import { DriversService } from '../drivers.service';
import {
  DriverResponseDto,
  PositionHistoryQueryDto,
  PositionHistoryResponseDto,
  UpdateDriverDto,
} from '../dto/driver.dto';
import { toCsv, toGeoJson, toGpx } from '../export/position-export';
import { PositionHistoryService } from '../position-history.service';

@ApiTags('drivers')
@Controller('api/drivers')
export class DriversController {
  constructor(
    private readonly drivers: DriversService,
    private readonly history: PositionHistoryService,
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
    description: 'Ranges with more than 5,000 points are thinned evenly in time (first and last kept); `downsampled` says so.',
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
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async positions(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PositionHistoryQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PositionHistoryDto | string> {
    const history = await this.history.history(id, query.from, query.to);
    const format = query.format ?? 'json';
    if (format === 'json') return history;
    const driver = await this.drivers.get(id);
    const file = format === 'csv' ? toCsv(history) : format === 'gpx' ? toGpx(history, driver.name) : toGeoJson(history, driver.name);
    const filename = `${driver.name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'driver'}-${history.from.slice(0, 10)}.${file.extension}`;
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return file.body;
  }
}
