import { ApiProperty } from '@nestjs/swagger';
import type { HealthResponse } from '@convoy/contracts';

export class HealthResponseDto implements HealthResponse {
  @ApiProperty({ enum: ['healthy', 'unhealthy'], example: 'healthy' })
  status!: 'healthy' | 'unhealthy';

  @ApiProperty({ enum: ['convoy-api'], example: 'convoy-api' })
  service!: 'convoy-api';

  @ApiProperty({ enum: ['connected', 'disconnected'], example: 'connected' })
  database!: 'connected' | 'disconnected';
}
