import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DriversService } from '@convoy/server/tracking';
import type { CreatePlaceRequest, PlaceDto, PlaceImportResult, UpdatePlaceRequest } from '@convoy/contracts';
import { PlaceEntity } from './entities/place.entity';
import { PlaceIndex } from './geometry/place-index';
import { toIndexedPlace } from './entities/indexed-place';
import { type ParsedImport, placeFieldsProblem } from './import/place-import';
import { importInvalid, invalidShape, placeNotFound } from './places.errors';
import { LivePlaceIndex } from './visits/live-place-index';

@Injectable()
export class PlacesService {
  private readonly logger = new Logger(PlacesService.name);

  constructor(
    @InjectRepository(PlaceEntity) private readonly places: Repository<PlaceEntity>,
    private readonly liveIndex: LivePlaceIndex,
    private readonly drivers: DriversService,
  ) {}

  async list(search?: string): Promise<PlaceDto[]> {
    const query = this.places.createQueryBuilder('p').orderBy('lower(p.name)', 'ASC').addOrderBy('p.created_at', 'ASC');
    if (search?.trim()) {
      const pattern = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.where('(p.name ILIKE :pattern OR p.note ILIKE :pattern)', { pattern });
    }
    return (await query.getMany()).map(toPlaceDto);
  }

  async get(id: string): Promise<PlaceDto> {
    const place = await this.places.findOneBy({ id });
    if (!place) throw placeNotFound();
    return toPlaceDto(place);
  }

  async create(request: CreatePlaceRequest): Promise<PlaceDto> {
    const problem = placeFieldsProblem(request);
    if (problem) throw invalidShape(problem);
    const saved = await this.places.save(this.places.create(toColumns(request)));
    this.logger.log(`place ${saved.id} "${saved.name}" created`);
    await this.liveIndex.changed();
    return toPlaceDto(saved);
  }

  async update(id: string, changes: UpdatePlaceRequest): Promise<PlaceDto> {
    const place = await this.places.findOneBy({ id });
    if (!place) throw placeNotFound();
    const current = toPlaceDto(place);
    const newShape = changes.polygon !== undefined || changes.center !== undefined || changes.radiusM !== undefined;
    const merged: CreatePlaceRequest = {
      name: changes.name ?? current.name,
      kind: changes.kind ?? current.kind,
      note: changes.note === undefined ? current.note : changes.note,
      ...(newShape
        ? changes.polygon !== undefined
          ? { polygon: changes.polygon, center: changes.center, radiusM: changes.radiusM }
          : { center: changes.center ?? current.center ?? undefined, radiusM: changes.radiusM ?? current.radiusM ?? undefined }
        : current.polygon
          ? { polygon: current.polygon }
          : { center: current.center ?? undefined, radiusM: current.radiusM ?? undefined }),
    };
    const problem = placeFieldsProblem(merged);
    if (problem) throw invalidShape(problem);
    Object.assign(place, toColumns(merged));
    const saved = await this.places.save(place);
    await this.liveIndex.changed();
    await this.drivers.republish(await this.driversAt(id)); // their currentPlace has the new name
    return toPlaceDto(saved);
  }

  async remove(id: string): Promise<void> {
    const present = await this.driversAt(id);
    const result = await this.places.delete({ id });
    if (!result.affected) throw placeNotFound();
    await this.liveIndex.changed(); // its visits went with it (ON DELETE CASCADE)
    await this.drivers.republish(present); // no longer at any place
  }

  /** Drivers whose current place this is (an open visit). */
  private async driversAt(placeId: string): Promise<string[]> {
    const rows: Array<{ driver_id: string }> = await this.places.query(
      `SELECT DISTINCT driver_id FROM visits WHERE place_id = $1 AND departed_at IS NULL`,
      [placeId],
    );
    return rows.map((row) => row.driver_id);
  }

  /** Every row valid → all created in one transaction (unless `dryRun`); any bad row → nothing, 422. */
  async import(parsed: ParsedImport, dryRun: boolean): Promise<PlaceImportResult> {
    if (dryRun) return { dryRun, places: parsed.problems.length ? [] : parsed.places, created: 0, problems: parsed.problems };
    if (parsed.problems.length > 0) throw importInvalid(parsed.problems);
    await this.places.manager.transaction(async (manager) => {
      const repository = manager.getRepository(PlaceEntity);
      for (let i = 0; i < parsed.places.length; i += 500)
        await repository.insert(parsed.places.slice(i, i + 500).map((p) => toColumns(p)));
    });
    this.logger.log(`${parsed.places.length} places imported`);
    await this.liveIndex.changed();
    return { dryRun, places: parsed.places, created: parsed.places.length, problems: [] };
  }

  /** All places in a spatial index (for "which place is this stop at"). */
  async index(): Promise<PlaceIndex> {
    return new PlaceIndex((await this.places.find()).map(toIndexedPlace));
  }

  /** id → name of every place. */
  async names(): Promise<Map<string, string>> {
    return new Map((await this.places.find({ select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  }
}

function toColumns(request: CreatePlaceRequest): Partial<PlaceEntity> {
  const polygon = request.polygon ? { type: 'Polygon' as const, coordinates: request.polygon.coordinates } : null;
  return {
    name: request.name.trim(),
    kind: request.kind ?? 'other',
    note: request.note?.trim() || null,
    polygon,
    centerLat: polygon ? null : (request.center?.lat ?? null),
    centerLon: polygon ? null : (request.center?.lon ?? null),
    radiusM: polygon ? null : (request.radiusM ?? null),
  };
}

export function toPlaceDto(place: PlaceEntity): PlaceDto {
  const circle = place.polygon === null && place.centerLat !== null && place.centerLon !== null;
  return {
    id: place.id,
    name: place.name,
    kind: place.kind,
    note: place.note,
    center: circle ? { lat: place.centerLat as number, lon: place.centerLon as number } : null,
    radiusM: circle ? place.radiusM : null,
    polygon: place.polygon,
    createdAt: place.createdAt.toISOString(),
    updatedAt: place.updatedAt.toISOString(),
  };
}
