import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

export const EVIDENCE_URL_TTL_SECONDS = 300;

/**
 * Evidence is served only through short-lived links signed for one user:
 * an image tag cannot send a bearer token, so the link itself is the
 * permission, and it dies within minutes.
 */
@Injectable()
export class EvidenceUrlSigner {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.auth.jwtSecret).update('kindred:evidence-url').digest();
  }

  private signature(evidenceId: string, userId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${evidenceId}.${userId}.${expires}`).digest('base64url');
  }

  sign(evidenceId: string, userId: string, now = Date.now()): { url: string; expiresAt: string } {
    const expires = Math.floor(now / 1000) + EVIDENCE_URL_TTL_SECONDS;
    const s = this.signature(evidenceId, userId, expires);
    return {
      url: `/api/v1/evidence/${evidenceId}/content?u=${userId}&e=${expires}&s=${s}`,
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  verify(evidenceId: string, userId: string, expires: number, signature: string, now = Date.now()): 'ok' | 'expired' | 'invalid' {
    const expected = Buffer.from(this.signature(evidenceId, userId, expires));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return expires * 1000 >= now ? 'ok' : 'expired';
  }
}
