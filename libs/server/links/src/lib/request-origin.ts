import type { FastifyRequest } from 'fastify';

/** `https://host:port` as the client reached us (X-Forwarded-* believed only per TRUST_PROXY). */
export function requestOrigin(request: Pick<FastifyRequest, 'protocol' | 'host'>): string {
  return `${request.protocol}://${request.host}`;
}
