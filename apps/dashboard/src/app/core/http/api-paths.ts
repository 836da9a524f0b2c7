/** The API routes this app calls. Same origin: the API serves the dashboard, so cookies just flow. */
export const API = {
  config: '/api/config',
  login: '/api/auth/login',
  me: '/api/auth/me',
  logout: '/api/auth/logout',
  changePassword: '/api/auth/password',
  links: '/api/links',
  users: '/api/users',
  apiTokens: '/api/tokens',
  webhooks: '/api/webhooks',
  places: '/api/places',
  visits: '/api/visits',
  placesImport: '/api/places/import',
  drivers: '/api/drivers',
  reports: '/api/reports',
  join: '/api/join',
  track: '/api/track',
  notifications: '/api/notifications',
  alertRules: '/api/alert-rules',
  myTelegram: '/api/me/telegram',
  myTelegramLink: '/api/me/telegram-link',
} as const;

/** True for a request to our own API (`/api/...`), whether written relative or absolute. */
export function isApiRequest(url: string): boolean {
  return apiPath(url).startsWith('/api/');
}

/** The path of a request URL without query or hash (`/api/auth/me`), resolved against this origin. */
export function apiPath(url: string): string {
  if (url.startsWith('/') && !url.startsWith('//')) {
    return url.split(/[?#]/, 1)[0];
  }
  try {
    const parsed = new URL(url);
    return typeof location !== 'undefined' && parsed.origin === location.origin ? parsed.pathname : '';
  } catch {
    return '';
  }
}
