import { HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

const FAILED = { statusCode: 500, message: 'Internal server error' };

/**
 * The error answer of a plain Fastify ingest route, as Nest's exception layer gives it on every other
 * route: an HttpException (401 unknown device, 429 with Retry-After already set, 400 no usable point)
 * answers its own status and body; anything else (the database is down) is logged and answers 500,
 * so the app sends the point again.
 */
export function sendIngestError(reply: FastifyReply, error: unknown, logger: { error(message: string): void }): FastifyReply {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    return reply.code(error.getStatus()).send(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
  }
  logger.error(`Ingest failed: ${(error as Error)?.message ?? String(error)}`);
  return reply.code(500).send(FAILED);
}
