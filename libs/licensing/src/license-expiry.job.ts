import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { LicenseService } from './license.service';

const EVERY_MS = 60_000;

/**
 * Expires licenses at the end of their term without anyone reading them: a minute after midnight in
 * Asia/Shanghai at the latest. Runs never overlap, and shutdown waits for a run in progress.
 */
@Injectable()
export class LicenseExpiryJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LicenseExpiryJob.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly licenses: LicenseService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.licenses
      .expireDueLicenses()
      .then((count) => {
        if (count > 0) this.logger.log(`Expired ${count} license(s) at the end of their term`);
      })
      .catch((err: unknown) => this.logger.error({ err }, 'License expiry run failed; the next run retries'))
      .finally(() => {
        this.running = undefined;
      });
    await this.running;
  }
}
