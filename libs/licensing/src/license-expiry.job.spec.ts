import { LicenseExpiryJob } from './license-expiry.job';
import { LicenseService } from './license.service';

describe('LicenseExpiryJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs expireDueLicenses every minute, never two runs at once, and stops on shutdown after the run in progress', async () => {
    let finish: () => void = () => undefined;
    const expireDueLicenses = jest.fn(() => new Promise<number>((resolve) => (finish = () => resolve(1))));
    const job = new LicenseExpiryJob({ expireDueLicenses } as unknown as LicenseService);
    job.onApplicationBootstrap();

    await jest.advanceTimersByTimeAsync(59_999);
    expect(expireDueLicenses).toHaveBeenCalledTimes(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(expireDueLicenses).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(expireDueLicenses).toHaveBeenCalledTimes(1);

    let stopped = false;
    const shutdown = job.beforeApplicationShutdown().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await shutdown;
    await jest.advanceTimersByTimeAsync(180_000);
    expect(expireDueLicenses).toHaveBeenCalledTimes(1);
  });

  it('survives a failed run and tries again on the next tick', async () => {
    const expireDueLicenses = jest.fn().mockRejectedValueOnce(new Error('database away')).mockResolvedValue(0);
    const job = new LicenseExpiryJob({ expireDueLicenses } as unknown as LicenseService);
    jest
      .spyOn((job as unknown as { logger: { error: () => void } }).logger, 'error')
      .mockImplementation(() => undefined);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(expireDueLicenses).toHaveBeenCalledTimes(2);
    await job.beforeApplicationShutdown();
  });
});
