import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DriverDto } from '@convoy/contracts';
import { ErrorResponseDto, RequireRole } from '@convoy/server/auth';
import { DriverResponseDto, DriversService, EraseDriverDto } from '@convoy/server/tracking';
import { DriverErasureService } from './driver-erasure.service';
import { erasureNotConfirmed } from './privacy.errors';

@ApiTags('drivers')
@Controller('api/drivers')
export class DriverErasureController {
  constructor(
    private readonly erasure: DriverErasureService,
    private readonly drivers: DriversService,
  ) {}

  @Post(':id/erase')
  @RequireRole('dispatcher')
  @HttpCode(200)
  @ApiOperation({
    summary: "Erase a driver's personal data",
    description:
      'Deletes every position, the Telegram identity (ids, username, names, language), the name and the notes of their links, ' +
      'and withdraws those links; the driver stays in the list as an erased entry (`erasedAt`, `erasedBy`) without personal data. ' +
      "`confirmName` must be the driver's current name. Erasing an erased driver again changes nothing.",
  })
  @ApiOkResponse({ type: DriverResponseDto, description: 'The erased entry' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: '`ERASURE_NOT_CONFIRMED`: `confirmName` is not the driver’s name' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async erase(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: EraseDriverDto): Promise<DriverDto> {
    const driver = await this.drivers.get(id);
    if (driver.erasedAt) return driver;
    if (body.confirmName.trim() !== driver.name.trim()) throw erasureNotConfirmed();
    return this.erasure.erase(id, 'dispatcher');
  }
}
