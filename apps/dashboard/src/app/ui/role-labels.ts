import { type Role, ROLES } from '@convoy/contracts';

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', dispatcher: 'Dispatcher', viewer: 'Viewer' };

/** What each role may do, for the hints beside role pickers. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'everything, including users and API tokens',
  dispatcher: 'creates and revokes tracking links, renames and deletes drivers',
  viewer: 'sees the map, drivers and links; changes nothing',
};

/** Highest first, as pickers list them. */
export const ROLE_OPTIONS: readonly Role[] = ROLES;
