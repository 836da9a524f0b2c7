import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PlaceDto, PlaceImportResult } from '@convoy/contracts';
import { ErrorResponseDto, RequireRole } from '@convoy/server/auth';
import {
  CreatePlaceDto,
  PlaceImportQueryDto,
  PlaceImportRefusedDto,
  PlaceImportResultDto,
  PlaceListQueryDto,
  PlaceResponseDto,
  UpdatePlaceDto,
} from './dto/place.dto';
import { placesToCsv, placesToGeoJson } from './import/place-export';
import { decodeUtf8, parsePlacesCsv, parsePlacesGeoJson } from './import/place-import';
import { unsupportedImport } from './places.errors';
import { PlacesService } from './places.service';

@ApiTags('places')
@Controller('api/places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get()
  @ApiOperation({ summary: 'Every place (by name), or the same as a CSV / GeoJSON file the import reads back' })
  @ApiExtraModels(PlaceResponseDto)
  @ApiOkResponse({
    description: 'JSON list, or a file with a Content-Disposition filename',
    content: {
      'application/json': { schema: { type: 'array', items: { $ref: getSchemaPath(PlaceResponseDto) } } },
      'text/csv': { schema: { type: 'string', example: 'name,lat,lon,radius_m,kind,note,polygon\nDepot North,52.52,13.405,150,depot,,\n' } },
      'application/geo+json': { schema: { type: 'object', example: { type: 'FeatureCollection', features: [] } } },
    },
  })
  async list(@Query() query: PlaceListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<PlaceDto[] | string> {
    const places = await this.places.list(query.q);
    const format = query.format ?? 'json';
    if (format === 'json') return places;
    const csv = format === 'csv';
    reply.header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/geo+json');
    reply.header('content-disposition', `attachment; filename="places.${csv ? 'csv' : 'geojson'}"`);
    return csv ? placesToCsv(places) : placesToGeoJson(places);
  }

  @Post()
  @RequireRole('dispatcher')
  @ApiOperation({ summary: 'Create a place: a circle (center + radiusM, 25 m–5 km) or a GeoJSON polygon' })
  @ApiCreatedResponse({ type: PlaceResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid fields or shape (code PLACE_INVALID_SHAPE)' })
  create(@Body() body: CreatePlaceDto): Promise<PlaceDto> {
    return this.places.create(body);
  }

  @Post('import')
  @RequireRole('dispatcher')
  @ApiOperation({
    summary: 'Import many places from a CSV (name,lat,lon,radius_m,kind,note) or a GeoJSON FeatureCollection',
    description:
      'The file is the body, with its content type. Any bad row → nothing is imported (422 listing every bad row); ' +
      '`dryRun=true` answers what would be created and the bad rows, and changes nothing.',
  })
  @ApiConsumes('text/csv', 'application/geo+json')
  @ApiBody({ schema: { type: 'string', example: 'name,lat,lon,radius_m,kind,note\nDepot North,52.52,13.405,150,depot,Gate 3\n' } })
  @ApiOkResponse({ type: PlaceImportResultDto, description: 'Dry run' })
  @ApiCreatedResponse({ type: PlaceImportResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Not UTF-8, or an unsupported content type' })
  @ApiUnprocessableEntityResponse({ type: PlaceImportRefusedDto })
  async import(
    @Req() request: FastifyRequest,
    @Headers('content-type') contentType: string | undefined,
    @Query() query: PlaceImportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlaceImportResult> {
    const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
    const body = request.body;
    let text: string | null;
    if (Buffer.isBuffer(body) || typeof body === 'string') text = decodeUtf8(body);
    else if (mediaType === 'application/json' && body && typeof body === 'object') text = JSON.stringify(body);
    else throw unsupportedImport('send the file as the body with Content-Type text/csv or application/geo+json');
    if (text === null) throw unsupportedImport('the file is not UTF-8 text: save it as UTF-8 (CSV UTF-8) and try again');
    const parsed = mediaType === 'text/csv' ? parsePlacesCsv(text) : parsePlacesGeoJson(text);
    const dryRun = query.dryRun === 'true';
    const result = await this.places.import(parsed, dryRun);
    reply.status(dryRun ? 200 : 201);
    return result;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One place' })
  @ApiOkResponse({ type: PlaceResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PlaceDto> {
    return this.places.get(id);
  }

  @Patch(':id')
  @RequireRole('dispatcher')
  @ApiOperation({ summary: 'Change a place; a new shape (circle or polygon) replaces the old one' })
  @ApiOkResponse({ type: PlaceResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdatePlaceDto): Promise<PlaceDto> {
    return this.places.update(id, body);
  }

  @Delete(':id')
  @RequireRole('dispatcher')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a place' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.places.remove(id);
  }
}
