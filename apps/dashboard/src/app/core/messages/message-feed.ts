import { Injectable } from '@angular/core';
import type { MessageDto } from '@convoy/contracts';
import { Subject } from 'rxjs';

/** The `messages` socket events, for whichever thread is open (LiveStore owns the socket and pushes them here). */
@Injectable({ providedIn: 'root' })
export class MessageFeed {
  private readonly subject = new Subject<MessageDto[]>();
  readonly messages$ = this.subject.asObservable();

  push(messages: MessageDto[]): void {
    this.subject.next(messages);
  }
}
