import type { DriverDto, DriverStatus, PositionDto } from '@convoy/contracts';

/** Cities the simulated fleet is spread around (Europe, like the dashboard's default view). */
const CITIES: ReadonlyArray<[number, number]> = [
  [50.08, 14.43], [52.52, 13.4], [48.21, 16.37], [47.5, 19.04], [52.23, 21.01], [48.86, 2.35], [51.51, -0.13],
  [40.42, -3.7], [41.9, 12.5], [45.46, 9.19], [53.55, 9.99], [50.11, 8.68], [48.14, 11.58], [55.68, 12.57],
  [59.33, 18.07], [59.91, 10.75], [60.17, 24.94], [52.37, 4.9], [50.85, 4.35], [47.37, 8.54], [46.05, 14.51],
  [45.81, 15.98], [44.79, 20.45], [42.7, 23.32], [44.43, 26.1], [38.72, -9.14], [41.39, 2.17], [43.3, 5.37],
  [45.76, 4.84], [53.35, -6.26], [54.69, 25.28], [56.95, 24.11], [59.44, 24.75], [50.45, 30.52], [51.11, 17.03],
  [49.2, 16.61], [48.15, 17.11], [37.98, 23.73], [40.64, 22.94], [53.48, -2.24],
];

/** Deterministic pseudo-random numbers (mulberry32): the same fleet on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimDriver {
  dto: DriverDto;
  latitude: number;
  longitude: number;
  heading: number;
  /** m/s */
  speed: number;
  /** When this driver last reported (ms): the next step covers the time since. */
  reportedAt: number;
}

/** `count` drivers around the cities: mostly live, some stale, offline or ended, a few demo. */
export function createFleet(count: number, now = Date.now()): SimDriver[] {
  const next = random(42);
  const fleet: SimDriver[] = [];
  for (let i = 0; i < count; i++) {
    const [lat, lng] = CITIES[i % CITIES.length];
    const spread = 0.6 * Math.sqrt(next());
    const angle = next() * 2 * Math.PI;
    const latitude = lat + spread * Math.sin(angle);
    const longitude = lng + spread * Math.cos(angle) * 1.5;
    const roll = next();
    const status: DriverStatus = roll < 0.7 ? 'live' : roll < 0.85 ? 'stale' : roll < 0.95 ? 'offline' : 'sharing-ended';
    const ageMs = status === 'live' ? next() * 20_000 : status === 'stale' ? 120_000 + next() * 600_000 : 3_600_000 * (1 + next() * 24);
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const heading = Math.round(next() * 359) + 1;
    const speed = 5 + next() * 25;
    const lastPosition: PositionDto = {
      driverId: id,
      latitude,
      longitude,
      accuracy: Math.round(5 + next() * 40),
      heading,
      speed,
      recordedAt: new Date(now - ageMs).toISOString(),
      source: 'telegram-live',
    };
    fleet.push({
      latitude,
      longitude,
      heading,
      speed,
      reportedAt: now - ageMs,
      dto: {
        id,
        name: `Driver ${String(i + 1).padStart(5, '0')}`,
        status,
        telegram: { userId: 700_000_000 + i, username: `driver_${i + 1}`, firstName: 'Sim', lastName: `${i + 1}`, languageCode: 'en' },
        lastPosition,
        liveUntil: null,
        sharingSince: status === 'live' || status === 'stale' ? new Date(now - 3_600_000).toISOString() : null,
        sharingEndedAt: null,
        demo: i % 20 === 0,
        createdAt: new Date(now - 86_400_000).toISOString(),
        erasedAt: null,
        erasedBy: null,
      },
    });
  }
  return fleet;
}

/**
 * Moves `driver` along its heading for the time since its last report (1–60 s, turning a little) and
 * returns the new position, as a driving device would report it.
 */
export function step(driver: SimDriver, next: () => number, now = Date.now()): PositionDto {
  const seconds = Math.min(60, Math.max(1, (now - driver.reportedAt) / 1000));
  driver.reportedAt = now;
  driver.heading = (driver.heading + (next() - 0.5) * 30 + 360) % 360 || 360;
  const metres = driver.speed * seconds;
  const radians = (driver.heading * Math.PI) / 180;
  driver.latitude += (metres * Math.cos(radians)) / 111_320;
  driver.longitude += (metres * Math.sin(radians)) / (111_320 * Math.cos((driver.latitude * Math.PI) / 180));
  const position: PositionDto = {
    driverId: driver.dto.id,
    latitude: Number(driver.latitude.toFixed(6)),
    longitude: Number(driver.longitude.toFixed(6)),
    accuracy: 10,
    heading: Math.round(driver.heading),
    speed: driver.speed,
    recordedAt: new Date(now).toISOString(),
    source: 'telegram-live',
  };
  driver.dto.lastPosition = position;
  return position;
}
