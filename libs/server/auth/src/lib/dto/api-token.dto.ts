import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ROLES,
  type ApiTokenDto,
  type CreateApiTokenRequest,
  type CreatedApiTokenResponse,
  type Role,
} from '@convoy/contracts';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class ApiTokenResponseDto implements ApiTokenDto {
  @ApiProperty({ format: 'uuid', example: '0b7e4c0a-3f5d-4a43-8d0e-1f1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ example: 'ERP integration' })
  name!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', example: 'viewer' })
  role!: Role;

  @ApiProperty({ example: 'cvt_Xb1mVh8c', description: 'First characters of the secret' })
  prefix!: string;

  @ApiProperty({ example: 'admin@example.com', description: 'Email of the user who created it' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-24T08:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null })
  expiresAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-24T09:30:00.000Z' })
  lastUsedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null })
  revokedAt!: string | null;
}

export class CreatedApiTokenResponseDto extends ApiTokenResponseDto implements CreatedApiTokenResponse {
  @ApiProperty({
    example: 'cvt_Xb1mVh8cPqL5sNf4eRj6uYgKiOoWxA3q2-7wZkT0aD9',
    description: 'The secret, shown only in this response. Send it as `Authorization: Bearer <token>`.',
  })
  token!: string;
}

export class CreateApiTokenDto implements CreateApiTokenRequest {
  @ApiProperty({ example: 'ERP integration', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', example: 'viewer' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ example: 365, minimum: 1, maximum: 3650, description: 'Omit for no expiry' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}
