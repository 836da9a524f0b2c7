import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, type CreateUserRequest, type Role, type UpdateUserRequest, type UserDto } from '@convoy/contracts';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class UserResponseDto implements UserDto {
  @ApiProperty({ format: 'uuid', example: '6f1c2b1e-8a4e-4f7e-9a53-2d0f1c3b9e11' })
  id!: string;

  @ApiProperty({ example: 'dispatch@example.com' })
  email!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', example: 'dispatcher' })
  role!: Role;

  @ApiProperty({ example: false })
  disabled!: boolean;

  @ApiProperty({ format: 'date-time', example: '2026-11-24T08:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-24T09:30:00.000Z' })
  lastLoginAt!: string | null;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'dispatch@example.com' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'a long passphrase', minLength: PASSWORD_MIN_LENGTH, format: 'password' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', example: 'dispatcher' })
  @IsIn(ROLES)
  role!: Role;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role', example: 'viewer' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: true, description: 'A disabled user cannot sign in; their sessions end' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ example: 'a new long passphrase', minLength: PASSWORD_MIN_LENGTH, format: 'password' })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}
