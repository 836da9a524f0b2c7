import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { StopDto, SummaryRowDto, TripDto } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { ErrorResponseDto } from '@convoy/server/auth';
import { DriverReportQueryDto, ReportQueryDto, StopResponseDto, SummaryQueryDto, SummaryRowResponseDto, TripResponseDto } from './dto/report.dto';
import { stopsToCsv, summaryToCsv, tripsToCsv } from './report-csv';
import { localDate, resolveRange, type ReportRange } from './report-range';
import { invalidRange } from './reports.errors';
import { ReportsService } from './reports.service';

const SEMANTICS =
  'A trip starts when the driver starts moving and ends once they have not moved for the minimal parking duration ' +
  '(default 180 s); trips under 500 m and 300 s are merged into the stop around them; a gap without data over 1 h ends a trip. ' +
  'Defaults per install (REPORT_*). `format=csv` gives a file with times in `tz`.';

const fileContent = (model: object, example: string) => ({
  'application/json': { schema: { type: 'array', items: { $ref: getSchemaPath(model as never) } } },
  'text/csv': { schema: { type: 'string', example } },
});

@ApiTags('reports')
@ApiExtraModels(TripResponseDto, StopResponseDto, SummaryRowResponseDto)
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly config: AppConfig,
  ) {}

  @Get('trips')
  @ApiOperation({ summary: "A driver's trips in a range", description: SEMANTICS })
  @ApiOkResponse({ content: fileContent(TripResponseDto, 'start_at,end_at,duration_s,distance_m,…\n') })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async trips(@Query() query: DriverReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TripDto[] | string> {
    const range = this.range(query);
    const report = await this.reports.driverReport(query.driverId, range);
    if (query.format !== 'csv') return report.trips;
    return this.file(reply, `trips-${localDate(range.from, range.tz)}.csv`, tripsToCsv(report.trips, range.tz, report.placeNames));
  }

  @Get('stops')
  @ApiOperation({ summary: "A driver's stops in a range, each naming the place it is in", description: SEMANTICS })
  @ApiOkResponse({ content: fileContent(StopResponseDto, 'start_at,end_at,duration_s,lat,lon,place\n') })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async stops(@Query() query: DriverReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<StopDto[] | string> {
    const range = this.range(query);
    const report = await this.reports.driverReport(query.driverId, range);
    if (query.format !== 'csv') return report.stops;
    return this.file(reply, `stops-${localDate(range.from, range.tz)}.csv`, stopsToCsv(report.stops, range.tz));
  }

  @Get('summary')
  @ApiOperation({
    summary: 'Per driver: distance, driving and stopped time, trips, stops, max speed, first and last position',
    description:
      `${SEMANTICS} Whole closed days (\`from\` and \`to\` given as days, ended over 6 minutes ago) answer from rows kept ` +
      'once computed (the last REPORT_PREPARE_DAYS days are prepared ahead); a point stored late for such a day makes ' +
      "that driver's row computed again, so the numbers always match the trips and stops reports.",
  })
  @ApiOkResponse({ content: fileContent(SummaryRowResponseDto, 'driver,distance_m,driving_s,stopped_s,trips,stops,…\n') })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async summary(@Query() query: SummaryQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SummaryRowDto[] | string> {
    const range = this.range(query);
    const rows = await this.reports.summary(range, query.driverId);
    if (query.format !== 'csv') return rows;
    return this.file(reply, `summary-${localDate(range.from, range.tz)}.csv`, summaryToCsv(rows, range.tz));
  }

  private range(query: ReportQueryDto): ReportRange {
    const range = resolveRange(query.from, query.to, query.tz ?? this.config.telegram.timeZone);
    if (typeof range === 'string') throw invalidRange(range);
    return range;
  }

  private file(reply: FastifyReply, filename: string, body: string): string {
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
