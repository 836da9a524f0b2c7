import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { CredentialRevocation } from './credential-revocation';

/**
 * What the auth services announce about credentials, in this process, after the change committed.
 * Subscribers (the live gateway) close what the credential kept open; auth knows nothing of them.
 */
@Injectable()
export class CredentialEvents implements OnModuleDestroy {
  private readonly revocations = new Subject<CredentialRevocation>();

  /** Sign-out, a disabled user, a changed password, a revoked token. */
  readonly revoked$ = this.revocations.asObservable();

  revoked(revocation: CredentialRevocation): void {
    this.revocations.next(revocation);
  }

  onModuleDestroy(): void {
    this.revocations.complete();
  }
}
