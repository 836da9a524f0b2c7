import { badRequest } from './bot-api-error';
import type { BotApiParams } from './bot-api-request';

/**
 * Typed access to call parameters, lenient the way the Bot API is: numbers and booleans may come as
 * strings (form bodies), integers out of range are clamped, and a missing required one is a 400.
 */
export class ParamReader {
  constructor(private readonly params: BotApiParams) {}

  has(name: string): boolean {
    const value = this.params[name];
    return value !== undefined && value !== null && value !== '';
  }

  /** `chat_id`: an integer id or "@username". */
  chatId(name = 'chat_id'): number | string {
    const value = this.params[name];
    if (value === undefined || value === null || value === '') throw badRequest(`${name} is empty`);
    if (typeof value === 'number') return value;
    const text = String(value).trim();
    if (text.startsWith('@')) return text;
    const id = Number(text);
    if (!Number.isSafeInteger(id)) throw badRequest('chat not found');
    return id;
  }

  requiredInt(name: string, missing = `${name} is empty`): number {
    const value = this.optionalInt(name);
    if (value === undefined) throw badRequest(missing);
    return value;
  }

  optionalInt(name: string): number | undefined {
    if (!this.has(name)) return undefined;
    const value = Number(this.params[name]);
    if (!Number.isFinite(value)) throw badRequest(`field "${name}" must be a valid Number`);
    return Math.trunc(value);
  }

  /** Like the Bot API server's integer arguments: absent → fallback, otherwise clamped to [min, max]. */
  clampedInt(name: string, fallback: number, min: number, max: number): number {
    const value = this.optionalInt(name);
    return value === undefined ? fallback : Math.min(max, Math.max(min, value));
  }

  optionalString(name: string): string | undefined {
    const value = this.params[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : String(value);
  }

  bool(name: string): boolean {
    const value = this.params[name];
    return value === true || value === 'true' || value === 'True' || value === '1' || value === 1;
  }

  /** A JSON-valued parameter (already decoded by readParams); a string here means it was not valid JSON. */
  json<T>(name: string, what = `${name} JSON object`): T | undefined {
    const value = this.params[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') throw badRequest(`can't parse ${what}`);
    return value as T;
  }

  stringList(name: string): string[] | undefined {
    const value = this.json<unknown>(name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      throw badRequest(`can't parse ${name}: an array of strings expected`);
    }
    return value as string[];
  }
}
