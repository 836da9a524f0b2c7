import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DriverDto } from '@convoy/contracts';
import { ErrorResponseDto } from '@convoy/server/auth';
import { LinksService } from '@convoy/server/links';
import { driverNotFound, DriversService } from '@convoy/server/tracking';
import { SeedDriverLocationDto } from './seed-driver.dto';

/** The seed's routes, kept for integrations written against it (same auth as every /api route). */
@ApiTags('drivers (seed-compatible)')
@Controller('api')
export class SeedDriversController {
  constructor(
    private readonly drivers: DriversService,
    private readonly links: LinksService,
  ) {}

  @Get('all-drivers')
  @ApiOperation({ summary: 'Every driver, flat (seed-compatible); latitude … last_update are null before the first position' })
  @ApiOkResponse({ type: SeedDriverLocationDto, isArray: true })
  async allDrivers(): Promise<SeedDriverLocationDto[]> {
    return (await this.drivers.list()).map(toSeedLocation);
  }

  @Get('driver-location/:id')
  @ApiOperation({ summary: "One driver's latest location, flat (seed-compatible)" })
  @ApiOperation({
    summary: "One driver's latest location, flat (seed-compatible)",
    description: '`null` until the first position — also for the driver id a link reserved (`GET /generate-link`) before it is redeemed.',
  })
  @ApiOkResponse({ type: SeedDriverLocationDto, description: 'The location, or null before the first position' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async driverLocation(@Param('id', new ParseUUIDPipe()) id: string): Promise<SeedDriverLocationDto | null> {
    const driver = await this.drivers.find(id);
    if (driver) return driver.lastPosition ? toSeedLocation(driver) : null;
    const reserving = await this.links.findByReservedDriver(id);
    if (!reserving) throw driverNotFound();
    // a Telegram user who already had a driver keeps it: the reserved id then names that one
    const bound = reserving.redeemedDriverId && reserving.redeemedDriverId !== id ? await this.drivers.find(reserving.redeemedDriverId) : null;
    return bound?.lastPosition ? toSeedLocation(bound) : null;
  }
}

function toSeedLocation(driver: DriverDto): SeedDriverLocationDto {
  const p = driver.lastPosition;
  return {
    driver_id: driver.id,
    name: driver.name,
    username: driver.telegram?.username ?? driver.name,
    status: driver.status,
    latitude: p?.latitude ?? null,
    longitude: p?.longitude ?? null,
    accuracy: p?.accuracy ?? null,
    speed: p?.speed ?? null,
    heading: p?.heading ?? null,
    timestamp: p?.recordedAt ?? null,
    last_update: p?.recordedAt ?? null,
    battery: p?.battery ?? null,
  };
}
