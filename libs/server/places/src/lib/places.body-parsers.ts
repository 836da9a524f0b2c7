import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** Import files are bigger than API calls: up to 10,000 rows. */
export const IMPORT_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
export const IMPORT_CONTENT_TYPES = ['text/csv', 'application/geo+json'];

/**
 * Lets Fastify accept the import's files as raw bytes (decoded strictly as UTF-8 by the import), so
 * `POST /api/places/import` takes a CSV or GeoJSON file as the body with its own content type.
 */
@Injectable()
export class PlacesBodyParsers implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.addContentTypeParser !== 'function') return;
    for (const type of IMPORT_CONTENT_TYPES) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    }
  }
}
