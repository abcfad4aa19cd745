import { Logger } from '@nestjs/common';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * Sends TypeORM's own messages (slow queries, schema notices, failures) through the app's logger, so they are
 * JSON lines with the request id like everything else instead of raw console output.
 */
export class TypeOrmNestLogger extends AbstractLogger {
  private readonly logger = new Logger('Database');

  protected override writeLog(level: LogLevel, message: LogMessage | LogMessage[], _queryRunner?: QueryRunner): void {
    for (const m of Array.isArray(message) ? message : [message]) {
      const text = typeof m.message === 'string' ? m.message : JSON.stringify(m.message);
      const line = m.parameters?.length ? `${text} -- ${m.parameters.length} parameters` : text;
      if (level === 'warn' || m.type === 'query-slow') this.logger.warn(line);
      else if (level === 'error' || m.type === 'query-error') this.logger.error(line);
      else this.logger.log(line);
    }
  }
}
