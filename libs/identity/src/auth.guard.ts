import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '@chedun/kernel';
import type { Request } from 'express';
import { Actor } from './actor';
import { ActorLoader } from './actor.loader';
import { RATE_LIMITED, RateLimitedOptions, RateLimits } from './rate-limits';

const PUBLIC = 'chedun:public';

/** Marks an operation anyone may call; with a valid token the actor is still resolved. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC, true);

export interface RequestWithActor extends Request {
  actor?: Actor;
}

export function requestOf(context: ExecutionContext): RequestWithActor {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithActor }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithActor>();
}

/**
 * Global guard: every operation needs a valid access token unless marked @Public(). A token that is present
 * but invalid is refused even on public operations, so a client learns its session has ended.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly actors: ActorLoader,
    private readonly rateLimits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    const isPublic =
      this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()]) === true;
    const header = req.headers?.authorization;
    if (header && !req.actor) req.actor = await this.actors.fromBearer(header);
    if (!req.actor && !isPublic) throw DomainError.unauthenticated();
    const limited = this.reflector.get<RateLimitedOptions | undefined>(RATE_LIMITED, context.getHandler());
    if (limited) {
      const args =
        context.getType<GqlContextType>() === 'graphql'
          ? GqlExecutionContext.create(context).getArgs<Record<string, unknown>>()
          : {};
      const account = req.actor?.userId ?? limited.accountOf?.(args);
      await this.rateLimits.consume(limited.flow, account, addressOf(req));
    }
    return true;
  }
}

/** The authenticated actor (the guard guarantees one on non-public operations). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = requestOf(context).actor;
  if (!actor) throw DomainError.unauthenticated();
  return actor;
});

/** The actor when signed in, otherwise undefined: for public operations that show more to members. */
export const OptionalActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor | undefined => requestOf(context).actor,
);

function addressOf(req: RequestWithActor): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}

export const ClientAddress = createParamDecorator((_: unknown, context: ExecutionContext): string =>
  addressOf(requestOf(context)),
);
