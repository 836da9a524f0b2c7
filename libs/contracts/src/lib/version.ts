/** Shown in /api/config, the OpenAPI document and the start-up banner. */
export const CONVOY_VERSION = '0.1.0';
