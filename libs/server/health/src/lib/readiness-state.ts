import { Injectable, Logger } from '@nestjs/common';

/** Set at the start of a graceful shutdown: readiness answers 503 so load balancers stop sending traffic. */
@Injectable()
export class ReadinessState {
  private readonly logger = new Logger('Readiness');
  private drainingSince: Date | null = null;

  /** Logged once, at info: a drain is routine (every rolling deploy), its 503s are expected. */
  beginDraining(seconds = 0): void {
    if (this.drainingSince) return;
    this.drainingSince = new Date();
    this.logger.log(
      { draining: true, seconds },
      `Draining: readiness answers 503 for ${seconds} s so load balancers move traffic away, then the server closes`,
    );
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }
}
