/** What a signed-in manager (or an integrator token) may do. */
export const ROLES = ['admin', 'dispatcher', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** admin ⊃ dispatcher ⊃ viewer: a role satisfies every role ranked at or below it. */
const RANK: Record<Role, number> = { viewer: 0, dispatcher: 1, admin: 2 };

export function roleSatisfies(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}
