import type { LiveRevocationReason } from '@convoy/contracts';
import type { Principal } from '../principal';

/**
 * A credential stopped being valid, announced after the change committed: one session or API token
 * (`credentialId`), or every credential of a user of one kind (`userId` + `via`), optionally except
 * the one the user is acting with (a password change keeps the session that made it).
 */
export type CredentialRevocation =
  | { reason: LiveRevocationReason; credentialId: string }
  | { reason: LiveRevocationReason; userId: string; via: Principal['via']; exceptCredentialId?: string | null };

/** Whether `revocation` ends what `principal` was authenticated with. */
export function revocationCovers(revocation: CredentialRevocation, principal: Principal): boolean {
  if ('credentialId' in revocation) return revocation.credentialId === principal.credentialId;
  return (
    revocation.userId === principal.user.id &&
    revocation.via === principal.via &&
    revocation.exceptCredentialId !== principal.credentialId
  );
}
