import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from '@convoy/contracts';

export const REQUIRED_ROLE = 'convoy:requiredRole';

/** The lowest role allowed (admin ⊃ dispatcher ⊃ viewer). Without it any signed-in role may call. */
export const RequireRole = (role: Role) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLE, role),
    ApiForbiddenResponse({ description: `Needs the ${role} role or higher` }),
  );
