import { Controller, Delete, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, RequireRole } from '@convoy/server/auth';
import { DevicesService } from './devices.service';

@ApiTags('drivers')
@Controller('api/drivers')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Delete(':id/device')
  @RequireRole('dispatcher')
  @HttpCode(204)
  @ApiOperation({ summary: "Disconnect the driver's browser or GPS app: its key stops working at once; the history stays" })
  @ApiNoContentResponse({ description: 'Disconnected (or there was no device)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.devices.revoke(id);
  }
}
