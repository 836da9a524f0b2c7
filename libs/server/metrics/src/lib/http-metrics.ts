import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConvoyMetrics } from './convoy-metrics';

/** Records every HTTP request's duration by route pattern (not raw URL: ids would explode cardinality). */
export function instrumentHttp(app: NestFastifyApplication): void {
  const metrics = app.get(ConvoyMetrics);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      metrics.httpDuration.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
}
