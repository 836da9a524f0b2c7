import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DriverDto } from '@convoy/contracts';
import { ErrorResponseDto } from '@convoy/server/auth';
import { DriversService } from '../drivers.service';
import { SeedDriverLocationDto } from '../dto/seed-driver.dto';

/** The seed's routes, kept for integrations written against it (same auth as every /api route). */
@ApiTags('drivers (seed-compatible)')
@Controller('api')
export class SeedDriversController {
  constructor(private readonly drivers: DriversService) {}

  @Get('all-drivers')
  @ApiOperation({ summary: 'Every driver with a known position, flat (seed-compatible)' })
  @ApiOkResponse({ type: SeedDriverLocationDto, isArray: true })
  async allDrivers(): Promise<SeedDriverLocationDto[]> {
    return (await this.drivers.list()).map(toSeedLocation);
  }

  @Get('driver-location/:id')
  @ApiOperation({ summary: "One driver's latest location, flat (seed-compatible)" })
  @ApiOkResponse({ type: SeedDriverLocationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async driverLocation(@Param('id', new ParseUUIDPipe()) id: string): Promise<SeedDriverLocationDto> {
    return toSeedLocation(await this.drivers.get(id));
  }
}

function toSeedLocation(driver: DriverDto): SeedDriverLocationDto {
  const p = driver.lastPosition;
  return {
    driver_id: driver.id,
    name: driver.name,
    status: driver.status,
    latitude: p?.latitude ?? null,
    longitude: p?.longitude ?? null,
    accuracy: p?.accuracy ?? null,
    speed: p?.speed ?? null,
    heading: p?.heading ?? null,
    timestamp: p?.recordedAt ?? null,
  };
}
