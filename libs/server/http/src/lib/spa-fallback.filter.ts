import { type ArgumentsHost, Catch, type HttpServer, NotFoundException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DashboardPage } from './dashboard-page';

/** Paths that belong to the API: a 404 there stays a JSON 404. */
const API_PREFIXES = ['/api', '/health', '/telegram', '/socket.io', '/metrics', '/ingest'];

/**
 * The dashboard uses path routing (`/drivers/42`): a browser GET for a path that is neither a file
 * nor an API route gets the dashboard's index.html, and Angular's router takes over.
 */
@Catch(NotFoundException)
export class SpaFallbackFilter extends BaseExceptionFilter {
  constructor(
    httpAdapter: HttpServer,
    private readonly page: DashboardPage,
  ) {
    super(httpAdapter);
  }

  override catch(exception: NotFoundException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const path = request.url.split('?')[0];
    const wantsPage =
      request.method === 'GET' &&
      !API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)) &&
      String(request.headers.accept ?? '').includes('text/html');
    if (wantsPage) {
      this.page.send(reply);
      return;
    }
    super.catch(exception, host);
  }
}
