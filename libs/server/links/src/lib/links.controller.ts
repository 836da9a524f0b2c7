import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CreatedLinkResponse, LinkDto, SeedGeneratedLinkResponse } from '@convoy/contracts';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, ErrorResponseDto, RequireRole, type Principal } from '@convoy/server/auth';
import { CreatedLinkResponseDto, CreateLinkDto, LinkResponseDto, SeedGeneratedLinkResponseDto } from './dto/link.dto';
import { requestOrigin } from './request-origin';
import { LinksService } from './links.service';

@ApiTags('links')
@Controller()
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Post('api/links')
  @RequireRole('dispatcher')
  @ApiOperation({ summary: 'Create a single-use tracking link for a driver (token shown once)' })
  @ApiCreatedResponse({ type: CreatedLinkResponseDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateLinkDto,
    @Req() request: FastifyRequest,
  ): Promise<CreatedLinkResponse> {
    return this.links.create(principal.user, body, requestOrigin(request));
  }

  @Post('generate-link')
  @RequireRole('dispatcher')
  @ApiOperation({ summary: 'Seed-compatible alias of POST /api/links' })
  @ApiCreatedResponse({ type: CreatedLinkResponseDto })
  generate(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateLinkDto,
    @Req() request: FastifyRequest,
  ): Promise<CreatedLinkResponse> {
    return this.links.create(principal.user, body, requestOrigin(request));
  }

  @Get('generate-link')
  @RequireRole('dispatcher')
  @ApiOperation({
    summary: "Seed-compatible: a link with a default driver name, answering the seed's driver_id, tracking_link, instructions beside Convoy's fields",
    description: '`driver_id` is reserved now: poll `GET /api/driver-location/{driver_id}` (null until the first position).',
  })
  @ApiOkResponse({ type: SeedGeneratedLinkResponseDto })
  generateSeed(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<SeedGeneratedLinkResponse> {
    return this.links.createSeedLink(principal.user, requestOrigin(request));
  }

  @Get('api/links')
  @ApiOperation({ summary: 'Links with their status (pending, redeemed, expired, revoked)' })
  @ApiOkResponse({ type: LinkResponseDto, isArray: true })
  list(): Promise<LinkDto[]> {
    return this.links.list();
  }

  @Delete('api/links/:id')
  @RequireRole('dispatcher')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a link: it can no longer be redeemed' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.links.revoke(id);
  }
}
