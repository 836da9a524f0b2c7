import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../dto/error-response.dto';

export const PERSON_ONLY = 'convoy:personOnly';

/**
 * The route acts for a person (accounts, tokens, passwords): a signed-in session may call it, an
 * integrator API token may not (403 AUTH_PERSON_REQUIRED), whatever the token's role.
 */
export const PersonOnly = () =>
  applyDecorators(
    SetMetadata(PERSON_ONLY, true),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Called with an API token (AUTH_PERSON_REQUIRED)' }),
  );
