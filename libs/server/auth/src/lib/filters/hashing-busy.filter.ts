import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { AUTH_ERROR_CODES, type ErrorResponse } from '@convoy/contracts';
import type { FastifyReply } from 'fastify';
import { HashingBusyError } from '../crypto/hashing-slots';

/** Password hashing at capacity → 503 with `Retry-After`, so clients and proxies back off. */
@Catch(HashingBusyError)
export class HashingBusyFilter implements ExceptionFilter<HashingBusyError> {
  private readonly logger = new Logger(HashingBusyFilter.name);

  catch(error: HashingBusyError, host: ArgumentsHost): void {
    this.logger.warn('Password hashing at capacity: a request was told to retry');
    const body: ErrorResponse = {
      statusCode: 503,
      error: 'Service Unavailable',
      code: AUTH_ERROR_CODES.busy,
      message: `Too many sign-ins at once; try again in ${error.retryAfterSeconds} s`,
    };
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(503)
      .header('retry-after', String(error.retryAfterSeconds))
      .send(body);
  }
}
