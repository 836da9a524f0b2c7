import type { AlertChannel, Role } from '@convoy/contracts';

/** A person a rule can alert. */
export interface RecipientOption {
  id: string;
  label: string;
}

/** What the rule form offers to choose from, loaded by the page. */
export interface AlertRuleOptions {
  places: readonly { id: string; name: string }[];
  drivers: readonly { id: string; name: string }[];
  users: readonly RecipientOption[];
  /** False for non-admins: `/api/users` is admin-only, so only "me" and roles can be picked by name. */
  allUsersKnown: boolean;
}

export const EMPTY_OPTIONS: AlertRuleOptions = { places: [], drivers: [], users: [], allUsersKnown: false };

export const RECIPIENT_ROLE_LABELS: Record<Role, string> = {
  admin: 'Every admin',
  dispatcher: 'Every dispatcher',
  viewer: 'Every viewer',
};

export const CHANNEL_LABELS: Record<AlertChannel, string> = { dashboard: 'Dashboard', telegram: 'Telegram', email: 'Email' };
