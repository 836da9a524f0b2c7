import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ApiTokenDto, CreatedApiTokenResponse } from '@convoy/contracts';
import { CurrentPrincipal } from '../decorators/current-principal.decorator';
import { PersonOnly } from '../decorators/person-only.decorator';
import { RequireRole } from '../decorators/roles.decorator';
import { ApiTokenResponseDto, CreateApiTokenDto, CreatedApiTokenResponseDto } from '../dto/api-token.dto';
import { ErrorResponseDto } from '../dto/error-response.dto';
import type { Principal } from '../principal';
import { ApiTokensService } from '../services/api-tokens.service';

@ApiTags('api-tokens')
@Controller('api/tokens')
@RequireRole('admin')
export class ApiTokensController {
  constructor(private readonly apiTokens: ApiTokensService) {}

  @Get()
  @ApiOperation({ summary: 'List integrator API tokens (secrets are never shown again)' })
  @ApiOkResponse({ type: ApiTokenResponseDto, isArray: true })
  list(): Promise<ApiTokenDto[]> {
    return this.apiTokens.list();
  }

  @Post()
  @PersonOnly()
  @ApiOperation({ summary: 'Create an API token; the secret is in this response only' })
  @ApiCreatedResponse({ type: CreatedApiTokenResponseDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenResponse> {
    return this.apiTokens.create(principal.user, body);
  }

  @Delete(':id')
  @PersonOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API token: it stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.apiTokens.revoke(id);
  }
}
