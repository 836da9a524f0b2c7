import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type LoginResponse, type MeResponse, type Role, type SessionUser } from '@convoy/contracts';

export class SessionUserDto implements SessionUser {
  @ApiProperty({ format: 'uuid', example: '6f1c2b1e-8a4e-4f7e-9a53-2d0f1c3b9e11' })
  id!: string;

  @ApiProperty({ example: 'dispatch@example.com' })
  email!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', example: 'dispatcher' })
  role!: Role;

  @ApiProperty({
    example: false,
    description:
      'The password was set by someone else (first admin, an admin reset, the CLI): change it with POST /api/auth/password before anything else. Always false for API tokens.',
  })
  mustChangePassword!: boolean;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ type: SessionUserDto })
  user!: SessionUserDto;

  @ApiProperty({
    description: 'Opaque bearer token; also set as the httpOnly session cookie',
    example: 'cvs_3q2-7wZkT0aD9Xb1mVh8cPqL5sNf4eRj6uYgKiOoWxA',
  })
  accessToken!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:00.000Z' })
  expiresAt!: string;
}

export class MeResponseDto implements MeResponse {
  @ApiProperty({ type: SessionUserDto })
  user!: SessionUserDto;

  @ApiProperty({ enum: ['session', 'api-token'], example: 'session' })
  via!: 'session' | 'api-token';
}
