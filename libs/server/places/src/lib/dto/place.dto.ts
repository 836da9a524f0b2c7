import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBooleanString, IsIn, IsNumber, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import {
  PLACE_EXPORT_FORMATS,
  PLACE_KINDS,
  PLACE_MAX_RADIUS_M,
  PLACE_MIN_RADIUS_M,
  type CreatePlaceRequest,
  type GeoJsonPolygon,
  type LatLon,
  type PlaceDto,
  type PlaceExportFormat,
  type PlaceImportProblem,
  type PlaceImportResult,
  type PlaceKind,
} from '@convoy/contracts';

const POLYGON_SCHEMA = {
  type: 'object',
  description: 'GeoJSON Polygon geometry: one closed ring of [lon, lat], 3–500 vertices, not crossing itself',
  example: { type: 'Polygon', coordinates: [[[13.40, 52.52], [13.41, 52.52], [13.41, 52.53], [13.40, 52.52]]] },
  properties: {
    type: { type: 'string', enum: ['Polygon'] },
    coordinates: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' } } } },
  },
} as const;

export class LatLonDto implements LatLon {
  @ApiProperty({ example: 52.52, minimum: -90, maximum: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lat!: number;

  @ApiProperty({ example: 13.405, minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lon!: number;
}

export class CreatePlaceDto implements CreatePlaceRequest {
  @ApiProperty({ example: 'Depot North', maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ enum: PLACE_KINDS, enumName: 'PlaceKind', default: 'other', example: 'depot' })
  @IsOptional()
  @IsIn(PLACE_KINDS)
  kind?: PlaceKind;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, example: 'Gate 3, ask for Anna' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;

  @ApiPropertyOptional({ type: LatLonDto, description: 'Circle centre (with radiusM)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LatLonDto)
  center?: LatLonDto;

  @ApiPropertyOptional({ minimum: PLACE_MIN_RADIUS_M, maximum: PLACE_MAX_RADIUS_M, example: 150, description: 'Circle radius in metres' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  radiusM?: number;

  @ApiPropertyOptional(POLYGON_SCHEMA)
  @IsOptional()
  @IsObject()
  polygon?: GeoJsonPolygon;
}

/** Every field optional; a new shape replaces the old one. */
export class UpdatePlaceDto extends CreatePlaceDto {
  @ApiPropertyOptional({ example: 'Depot North', maxLength: 120 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  declare name: string;
}

export class PlaceResponseDto implements PlaceDto {
  @ApiProperty({ format: 'uuid', example: '3f1c2b9e-7a4d-4c1e-9b2a-5d6e7f8a9b0c' })
  id!: string;

  @ApiProperty({ example: 'Depot North' })
  name!: string;

  @ApiProperty({ enum: PLACE_KINDS, enumName: 'PlaceKind', example: 'depot' })
  kind!: PlaceKind;

  @ApiProperty({ type: String, nullable: true, example: 'Gate 3, ask for Anna' })
  note!: string | null;

  @ApiProperty({ type: LatLonDto, nullable: true, description: 'Circle centre; null for a polygon' })
  center!: LatLonDto | null;

  @ApiProperty({ type: Number, nullable: true, example: 150 })
  radiusM!: number | null;

  @ApiProperty({ ...POLYGON_SCHEMA, nullable: true })
  polygon!: GeoJsonPolygon | null;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:31:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:31:00.000Z' })
  updatedAt!: string;
}

export class PlaceListQueryDto {
  @ApiPropertyOptional({ enum: PLACE_EXPORT_FORMATS, default: 'json', description: 'csv / geojson: a file the import reads back' })
  @IsOptional()
  @IsIn(PLACE_EXPORT_FORMATS)
  format?: PlaceExportFormat;

  @ApiPropertyOptional({ description: 'Only places whose name or note contains this (case-insensitive)', example: 'depot' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  q?: string;
}

export class PlaceImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'true: answer what would be created; change nothing' })
  @IsOptional()
  @IsBooleanString()
  dryRun?: string;
}

export class PlaceImportProblemDto implements PlaceImportProblem {
  @ApiProperty({ example: 3, description: 'Line in the file (CSV header = 1); GeoJSON: the feature number' })
  line!: number;

  @ApiProperty({ example: 'radius_m must be between 25 and 5000 metres' })
  reason!: string;
}

export class PlaceImportResultDto implements PlaceImportResult {
  @ApiProperty({ example: false })
  dryRun!: boolean;

  @ApiProperty({ type: CreatePlaceDto, isArray: true })
  places!: CreatePlaceDto[];

  @ApiProperty({ example: 2 })
  created!: number;

  @ApiProperty({ type: PlaceImportProblemDto, isArray: true })
  problems!: PlaceImportProblemDto[];
}

export class PlaceImportRefusedDto {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ example: 'Unprocessable Entity' })
  error!: string;

  @ApiProperty({ example: 'PLACE_IMPORT_INVALID' })
  code!: string;

  @ApiProperty({ example: '1 bad row: nothing was imported' })
  message!: string;

  @ApiProperty({ type: PlaceImportProblemDto, isArray: true })
  problems!: PlaceImportProblemDto[];
}
