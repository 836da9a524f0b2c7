/** At or below this a battery is shown as low: the phone may soon stop sending. */
export const LOW_BATTERY_PERCENT = 20;

/** "64 %" / "12 % — low"; null when the channel does not report it. */
export function batteryFact(percent: number | null | undefined): { text: string; low: boolean } | null {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null;
  const rounded = Math.round(Math.min(100, Math.max(0, percent)));
  const low = rounded <= LOW_BATTERY_PERCENT;
  return { text: low ? `${rounded} % — low` : `${rounded} %`, low };
}
