/** How long a new link stays valid: the server takes whole hours, 1 to 720 (30 days). */
export const MIN_LINK_HOURS = 1;
export const MAX_LINK_HOURS = 720;
export const DEFAULT_LINK_VALIDITY = { amount: 3, unit: 'days' } as const;

export type ValidityUnit = 'hours' | 'days';

/** Hours for "3 days" / "12 hours"; null when it is not a whole number of hours within 1–720. */
export function validityHours(amount: number | null | undefined, unit: ValidityUnit): number | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    return null;
  }
  const hours = unit === 'days' ? amount * 24 : amount;
  return Number.isInteger(hours) && hours >= MIN_LINK_HOURS && hours <= MAX_LINK_HOURS ? hours : null;
}
