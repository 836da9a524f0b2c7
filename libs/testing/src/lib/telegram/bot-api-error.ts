/** `parameters` of a failed Bot API answer (flood wait, group migrated to a supergroup). */
export interface BotApiErrorParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

/** The body Telegram answers with on failure; the HTTP status equals `error_code`. */
export interface BotApiErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: BotApiErrorParameters;
}

/** Thrown by method handlers; the double turns it into Telegram's error answer. */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: BotApiErrorParameters,
  ) {
    super(`${errorCode}: ${description}`);
    this.name = 'BotApiError';
  }

  toBody(): BotApiErrorBody {
    return {
      ok: false,
      error_code: this.errorCode,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export const badRequest = (reason: string): BotApiError => new BotApiError(400, `Bad Request: ${reason}`);
export const forbidden = (reason: string): BotApiError => new BotApiError(403, `Forbidden: ${reason}`);
export const conflict = (reason: string): BotApiError => new BotApiError(409, `Conflict: ${reason}`);

/** The descriptions Telegram gives when a test injects a failure without one. */
export function defaultDescription(errorCode: number, retryAfter?: number): string {
  switch (errorCode) {
    case 400:
      return 'Bad Request';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'Not Found';
    case 409:
      return 'Conflict';
    case 429:
      return `Too Many Requests: retry after ${retryAfter ?? 1}`;
    case 500:
      return 'Internal Server Error';
    case 502:
      return 'Bad Gateway';
    default:
      return 'Error';
  }
}
