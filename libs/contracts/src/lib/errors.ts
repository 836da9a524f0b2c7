/** Body of every error answer of the API. `message` is safe to show; details stay in the server log. */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
}
