/**
 * `Intl.DateTimeFormat` instances, made once per locale and options: building one resolves the locale
 * and loads the zone's rules (tens of µs); formatting with it is cheap. Alerts, bot replies and
 * quiet hours format a time per event and reader, so they share these.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options); // throws RangeError for an unknown zone: nothing cached
    formats.set(key, format);
  }
  return format;
}
