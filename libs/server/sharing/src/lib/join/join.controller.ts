import { Body, Controller, Get, GoneException, HttpCode, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiExcludeEndpoint, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JoinLinkInfo, JoinResponse } from '@convoy/contracts';
import { bearerToken, ErrorResponseDto, Public } from '@convoy/server/auth';
import { LinkRedemptionError, LinkRedemptionFailure, requestOrigin } from '@convoy/server/links';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DeviceIngestService } from '../devices/device-ingest.service';
import { EnrolmentService } from '../enrolment/enrolment.service';
import { JoinLinkInfoDto, JoinRequestDto, JoinResponseDto } from './join.dto';
import { JoinLinks } from './join-links.service';

/**
 * The public join page's API (no session: the link token, or the device key a browser already holds).
 * 404 for an unknown link, 410 for an expired, revoked or used one — except for the browser that
 * redeemed it, which keeps its page.
 */
@ApiTags('driver')
@Controller()
export class JoinController {
  constructor(
    private readonly joinLinks: JoinLinks,
    private readonly enrolment: EnrolmentService,
    private readonly ingest: DeviceIngestService,
  ) {}

  @Get('api/join/:token')
  @Public()
  @ApiOperation({ summary: "What the join page shows: the driver's name and the Telegram link (when a bot is configured)" })
  @ApiOkResponse({ type: JoinLinkInfoDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'LINK_NOT_FOUND' })
  @ApiGoneResponse({ type: ErrorResponseDto, description: 'LINK_EXPIRED, LINK_REVOKED, LINK_ALREADY_USED' })
  async info(@Param('token') token: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<JoinLinkInfo> {
    this.ingest.limit(null, request.ip, reply);
    const view = await this.joinLinks.view(token, bearerToken(request));
    if (view.failure) throw refusal(view.failure);
    return view.info;
  }

  @Post('api/join/:token')
  @Public()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Redeem the link for this browser or a GPS app: a device key (shown once) and the URLs to send points to',
    description: 'The browser that redeemed it sends its key as Authorization: Bearer and gets its existing binding back.',
  })
  @ApiCreatedResponse({ type: JoinResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiGoneResponse({ type: ErrorResponseDto })
  async join(
    @Param('token') token: string,
    @Body() body: JoinRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JoinResponse> {
    this.ingest.limit(null, request.ip, reply);
    try {
      const { driver, deviceKey } = await this.enrolment.redeem(token, { channel: body.channel, deviceKey: bearerToken(request) });
      const origin = this.joinLinks.origin(requestOrigin(request));
      return {
        driverId: driver.id,
        driverName: driver.name,
        deviceKey: deviceKey as string,
        ingest: { osmandUrl: `${origin}/ingest/osmand`, owntracksUrl: `${origin}/ingest/owntracks`, trackUrl: `${origin}/api/track` },
      };
    } catch (error) {
      if (error instanceof LinkRedemptionError) throw refusal(error.failure);
      throw error;
    }
  }

  /** The page itself: the dashboard's index.html with the status the link deserves (the SPA shows why). */
  @Get('join/:token')
  @Public()
  @ApiExcludeEndpoint()
  async page(@Param('token') token: string, @Res() reply: FastifyReply & { sendDashboardPage?: (cacheControl: 'no-store') => void }): Promise<void> {
    const view = await this.joinLinks.view(token, null);
    const status = !view.failure ? 200 : view.failure === LinkRedemptionFailure.Unknown ? 404 : 410;
    // the http lib decorates replies with the dashboard page (its CSP nonce lets the page's styles apply)
    const sendDashboardPage = reply.sendDashboardPage;
    if (typeof sendDashboardPage !== 'function') {
      reply.status(status).send(view.failure ? { statusCode: status, code: failureCode(view.failure) } : view.info);
      return;
    }
    sendDashboardPage.call(reply.status(status), 'no-store');
  }
}

const CODES: Record<LinkRedemptionFailure, string> = {
  [LinkRedemptionFailure.Unknown]: 'LINK_NOT_FOUND',
  [LinkRedemptionFailure.Expired]: 'LINK_EXPIRED',
  [LinkRedemptionFailure.Revoked]: 'LINK_REVOKED',
  [LinkRedemptionFailure.AlreadyUsed]: 'LINK_ALREADY_USED',
};

function failureCode(failure: LinkRedemptionFailure): string {
  return CODES[failure];
}

function refusal(failure: LinkRedemptionFailure): NotFoundException | GoneException {
  const message = 'This link cannot be used: ask your dispatcher for a new one';
  if (failure === LinkRedemptionFailure.Unknown) {
    return new NotFoundException({ statusCode: 404, error: 'Not Found', code: CODES[failure], message });
  }
  return new GoneException({ statusCode: 410, error: 'Gone', code: CODES[failure], message });
}
