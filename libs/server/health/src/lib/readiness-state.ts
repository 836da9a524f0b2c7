import { Injectable } from '@nestjs/common';

/** Set at the start of a graceful shutdown: readiness answers 503 so load balancers stop sending traffic. */
@Injectable()
export class ReadinessState {
  private drainingSince: Date | null = null;

  beginDraining(): void {
    this.drainingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }
}
