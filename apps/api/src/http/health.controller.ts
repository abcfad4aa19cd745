import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { DatabaseHealth } from '@chedun/db';
import { Public } from '@chedun/identity';
import type { Response } from 'express';

@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseHealth) {}

  /** 200 when the database answers, 503 when it does not; both say which. */
  @Public()
  @Get()
  async health(@Res() res: Response): Promise<void> {
    const database = await this.database.check();
    const status = database.status === 'up' ? 'ok' : 'degraded';
    res.status(database.status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status, database });
  }
}
