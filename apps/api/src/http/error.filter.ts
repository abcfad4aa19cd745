import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '@chedun/kernel';
import type { Request, Response } from 'express';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { EdgeInputError } from './validation.pipe';

interface Classified {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
  status: number;
}

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  OUT_OF_STOCK: 409,
  PAYMENT_FAILED: 402,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

function httpCode(status: number): ErrorCode {
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 409) return ErrorCode.CONFLICT;
  if (status === 413 || (status >= 400 && status < 500 && status !== 429)) return ErrorCode.BAD_USER_INPUT;
  if (status === 429) return ErrorCode.RATE_LIMITED;
  return ErrorCode.INTERNAL;
}

/** Connection exceptions (08xxx) and an administrator or crash shutting the backend down (57P01-57P03). */
const CONNECTION_LOST = /^(08|57P0[123])/;

/** The database went away mid-request: still INTERNAL, but the same request may well succeed in a moment. */
const DATABASE_UNAVAILABLE: Classified = {
  code: ErrorCode.INTERNAL,
  message: 'Internal error',
  details: { retryable: true },
  status: 503,
};

/** Maps every exception to one code of the kernel's list. Anything unexpected is INTERNAL and logged, never shown. */
export function classify(exception: unknown): Classified {
  if (exception instanceof DomainError) {
    return {
      code: exception.code,
      message: exception.message,
      details: exception.details,
      status: STATUS[exception.code],
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const raw =
      typeof body === 'object' && body !== null && 'message' in body
        ? (body as { message: unknown }).message
        : exception.message;
    const message = Array.isArray(raw) ? raw.join('; ') : String(raw);
    const code = httpCode(status);
    return { code, message: code === ErrorCode.INTERNAL ? 'Internal error' : message, details: {}, status };
  }
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
    // Input the database itself refused (bad uuid text, out-of-range number) is the client's mistake, not ours.
    if (pgCode === '22P02' || pgCode === '22003' || pgCode === '22001') {
      return {
        code: ErrorCode.BAD_USER_INPUT,
        message: 'A value is malformed or out of range',
        details: {},
        status: 400,
      };
    }
    if (pgCode === '40001' || pgCode === '40P01') {
      return {
        code: ErrorCode.CONFLICT,
        message: 'A concurrent change got in the way; try again',
        details: { retryable: true },
        status: 409,
      };
    }
    if (pgCode !== undefined && CONNECTION_LOST.test(pgCode)) return DATABASE_UNAVAILABLE;
  }
  if (isConnectionLoss(exception)) return DATABASE_UNAVAILABLE;
  if (isClientHttpError(exception)) {
    // Errors raised by Express middleware before Nest (body too large, malformed JSON) carry their status.
    return { code: httpCode(exception.status), message: exception.message, details: {}, status: exception.status };
  }
  return { code: ErrorCode.INTERNAL, message: 'Internal error', details: {}, status: 500 };
}

/**
 * A lost database connection reaches us in many wrappers: pg's own DatabaseError (e.g. from the rate-limit store),
 * TypeORM's query runner errors after its connection died, or plain socket errors. All say "try again".
 */
function isConnectionLoss(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_LOST.test(code)) return true;
  const message = e instanceof Error ? e.message : '';
  return /Connection terminated|terminating connection|not queryable|ECONNRESET|ECONNREFUSED|connection (is )?closed|QueryRunnerAlreadyReleased|query runner (is )?already released|Transaction is not started/i.test(
    message,
  );
}

function isClientHttpError(e: unknown): e is { status: number; message: string } {
  if (typeof e !== 'object' || e === null) return false;
  const { status, expose } = e as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * GraphQL answers errors of execution with 200 and the code in the body. A refusal by a limit is not an error of
 * execution but of the request, so it answers 4xx like the document limits Apollo enforces before execution
 * (depth, cost, aliases, tokens: 400) and the body limit (413): a spent rate limit 429 with Retry-After, input
 * refused at the edge (a page size over the limit) 400.
 */
function refusalStatus(exception: unknown, classified: Classified): number | undefined {
  if (classified.code === ErrorCode.RATE_LIMITED) return STATUS.RATE_LIMITED;
  if (exception instanceof EdgeInputError) return STATUS.BAD_USER_INPUT;
  return undefined;
}

@Catch()
export class GlobalExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const classified = classify(exception);
    const isGraphql = host.getType<GqlContextType>() === 'graphql';
    const req: (Request & { id?: unknown }) | undefined = isGraphql
      ? GqlArgumentsHost.create(host).getContext<{ req?: Request & { id?: unknown } }>().req
      : host.switchToHttp().getRequest<Request & { id?: unknown }>();
    const requestId = typeof req?.id === 'string' ? req.id : undefined;
    if (classified.code === ErrorCode.INTERNAL) {
      this.logger.error({ err: exception, requestId }, 'Unhandled error');
    }
    const extensions = {
      code: classified.code,
      ...classified.details,
      ...(classified.code === ErrorCode.INTERNAL && requestId ? { requestId } : {}),
    };
    const retryAfter = classified.details['retryAfterSeconds'];
    if (isGraphql) {
      const http = refusalStatus(exception, classified);
      // Apollo takes `http` off the error and answers with it (the body keeps only the code and details).
      const head = http && {
        status: http,
        headers: new HeaderMap(typeof retryAfter === 'number' ? [['retry-after', String(retryAfter)]] : []),
      };
      return new GraphQLError(classified.message, { extensions: head ? { ...extensions, http: head } : extensions });
    }
    const res = host.switchToHttp().getResponse<Response>();
    if (typeof retryAfter === 'number') res.setHeader('retry-after', String(retryAfter));
    res.status(classified.status).json({ error: { message: classified.message, ...extensions } });
    return undefined;
  }
}
