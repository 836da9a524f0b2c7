/** `code` of a 400 answer whose body or query broke the request's rules (`message` lists each field). */
export const VALIDATION_FAILED = 'VALIDATION_FAILED';

/** Body of every error answer of the API. `message` is safe to show; details stay in the server log. */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
}
