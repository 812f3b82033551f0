import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';

/**
 * The admin client routes in the browser (BrowserRouter): any GET that is not
 * an API, socket.io or static file path gets index.html.
 */
@Injectable()
export class SpaFallback {
  private readonly file: string | null;

  constructor(config: AppConfig) {
    this.file = config.http.adminDistDir ? join(config.http.adminDistDir, 'index.html') : null;
  }

  tryServe(request: FastifyRequest, reply: FastifyReply): boolean {
    const path = request.url.split('?')[0];
    // Read on each request: a rebuilt client must not be served with the old asset names.
    const indexHtml = this.file && existsSync(this.file) ? readFileSync(this.file, 'utf8') : null;
    if (!indexHtml || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/socket.io')) return false;
    void reply.status(200).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    return true;
  }
}
