import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@convoy/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'dispatch@example.com' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}
