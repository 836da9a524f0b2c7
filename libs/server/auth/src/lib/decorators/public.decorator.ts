import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'convoy:isPublic';
/** OpenAPI marker read when the document is built: public operations get `security: []`. */
export const PUBLIC_EXTENSION = 'x-convoy-public';

/** Opts a route out of the global authentication guard. Every other route needs a principal. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));
