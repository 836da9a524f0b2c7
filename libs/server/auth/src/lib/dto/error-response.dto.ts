import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorResponse } from '@convoy/contracts';

export class ErrorResponseDto implements ErrorResponse {
  @ApiProperty({ example: 401 })
  statusCode!: number;

  @ApiProperty({ example: 'Unauthorized' })
  error!: string;

  @ApiProperty({ example: 'Sign in, or send a valid Bearer token', oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  message!: string | string[];

  @ApiPropertyOptional({ example: 'AUTH_NOT_AUTHENTICATED' })
  code?: string;
}
