import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { UserDto } from '@convoy/contracts';
import { CurrentPrincipal } from '../decorators/current-principal.decorator';
import { PersonOnly } from '../decorators/person-only.decorator';
import { RequireRole } from '../decorators/roles.decorator';
import { ErrorResponseDto } from '../dto/error-response.dto';
import { CreateUserDto, UpdateUserDto, UserResponseDto } from '../dto/user.dto';
import type { Principal } from '../principal';
import { UsersService } from '../services/users.service';

@ApiTags('users')
@Controller('api/users')
@RequireRole('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List the managers who can sign in' })
  @ApiOkResponse({ type: UserResponseDto, isArray: true })
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Post()
  @PersonOnly()
  @ApiOperation({ summary: 'Create a user' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Email already used' })
  create(@Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(body);
  }

  @Patch(':id')
  @PersonOnly()
  @ApiOperation({
    summary: "Change a user's role, disable / re-enable them, or reset their password",
    description:
      'A reset password must be changed at their next sign-in, and their sessions end. Your own password is changed with POST /api/auth/password (USER_OWN_PASSWORD_VIA_CHANGE here).',
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Would leave no active admin, or changes yourself' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(principal.user.id, id, body);
  }
}
