import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { VALIDATION_FAILED } from '@convoy/contracts';

/**
 * The global body/query validation: unknown fields refused, values transformed to their DTO types, and
 * a refusal shaped like every other error answer (ErrorResponse with `code`). A missing field is one
 * message ("name is required"), not every rule an absent value happens to break.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({ statusCode: 400, error: 'Bad Request', code: VALIDATION_FAILED, message: fieldMessages(errors) }),
  });
}

/** What is wrong with each field; nested fields are named by their path (`stops.1.order must …`). */
export function fieldMessages(errors: readonly ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const missing = error.constraints && (error.value === undefined || error.value === null);
    const messages = missing ? [`${error.property} is required`] : Object.values(error.constraints ?? {});
    const own = messages.map((message) => (path ? `${path}.${message}` : message));
    const children = fieldMessages(error.children ?? [], path ? `${path}.${error.property}` : error.property);
    return [...own, ...children];
  });
}
