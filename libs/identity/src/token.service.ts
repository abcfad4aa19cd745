import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Clock, DomainError } from '@chedun/kernel';
import { jwtVerify, SignJWT } from 'jose';
import { hashSecretToken, newSecretToken } from './secret-token';

/** Pinned: tokens signed with any other algorithm (including "none") are refused (RFC 8725 §3.1). */
const ALGORITHM = 'HS256';

/** Where the signing secret comes from: config in production; the data folder in development. */
export const JWT_SIGNING_SECRET = Symbol('JWT_SIGNING_SECRET');

export interface AccessTokenClaims {
  userId: string;
}

@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JWT_SIGNING_SECRET) secret: string,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issueAccessToken(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const exp = nowSeconds + this.config.auth.accessTokenTtlSeconds;
    const token = await new SignJWT({ typ: 'access' })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'at+jwt' })
      .setSubject(userId)
      .setIssuer(this.config.auth.issuer)
      .setAudience(this.config.auth.audience)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        typ: 'at+jwt',
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      if (typeof payload.sub !== 'string') throw new Error('no subject');
      return { userId: payload.sub };
    } catch {
      throw DomainError.unauthenticated('The access token is invalid or has expired');
    }
  }

  /** An opaque refresh token and the hash under which it is stored. */
  newRefreshToken(): { token: string; hash: string } {
    return newSecretToken();
  }

  static hashRefreshToken(token: string): string {
    return hashSecretToken(token);
  }
}
