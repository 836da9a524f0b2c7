import RBush from 'rbush';
import { boundingBox, grow, metresOutside, type PlaceShape } from './place-shape';

/** What the index and the visit rule need of a place. */
export interface IndexedPlace {
  id: string;
  shape: PlaceShape;
}

interface Entry {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  place: IndexedPlace;
}

/** Finds places by id and by "which places contain (or lie within m metres of) this point". */
export interface PlaceLookup {
  byId(id: string): IndexedPlace | undefined;
  /** Places within `marginM` of the point (0: containing it), with how far outside each the point is. */
  near(lat: number, lon: number, marginM?: number): { place: IndexedPlace; metresOutside: number }[];
}

/**
 * An R-tree (rbush) over the places' bounding boxes: a lookup costs O(log n) plus the exact test of
 * the few candidates, so 10,000 places cost about what 10 do. Places can be added and removed.
 */
export class PlaceIndex implements PlaceLookup {
  private readonly tree = new RBush<Entry>();
  private readonly entries = new Map<string, Entry>();

  constructor(places: IndexedPlace[] = []) {
    const entries = places.map((place) => this.entryOf(place));
    for (const entry of entries) this.entries.set(entry.place.id, entry);
    this.tree.load(entries);
  }

  get size(): number {
    return this.entries.size;
  }

  upsert(place: IndexedPlace): void {
    this.remove(place.id);
    const entry = this.entryOf(place);
    this.entries.set(place.id, entry);
    this.tree.insert(entry);
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.tree.remove(entry);
    this.entries.delete(id);
  }

  byId(id: string): IndexedPlace | undefined {
    return this.entries.get(id)?.place;
  }

  near(lat: number, lon: number, marginM = 0): { place: IndexedPlace; metresOutside: number }[] {
    const box = grow({ minLat: lat, maxLat: lat, minLon: lon, maxLon: lon }, marginM);
    const found: { place: IndexedPlace; metresOutside: number }[] = [];
    for (const entry of this.tree.search({ minX: box.minLon, minY: box.minLat, maxX: box.maxLon, maxY: box.maxLat })) {
      const outside = metresOutside(entry.place.shape, lat, lon);
      if (outside <= marginM) found.push({ place: entry.place, metresOutside: outside });
    }
    return found;
  }

  /** Places whose shape contains the point. */
  containing(lat: number, lon: number): IndexedPlace[] {
    return this.near(lat, lon, 0).map((hit) => hit.place);
  }

  private entryOf(place: IndexedPlace): Entry {
    const box = boundingBox(place.shape);
    return { minX: box.minLon, minY: box.minLat, maxX: box.maxLon, maxY: box.maxLat, place };
  }
}
