import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * The one inline event handler the app serves: the print button of the
 * volunteer certificate (engagement/certificate.document.ts). The admin client
 * opens that page as a blob: URL, which inherits the admin page's policy, so
 * the policy allows exactly this handler by hash ('unsafe-hashes' covers
 * handlers only, never <script> blocks).
 */
export const CERTIFICATE_PRINT_HANDLER = 'window.print()';
const PRINT_HANDLER_HASH = `'sha256-${createHash('sha256').update(CERTIFICATE_PRINT_HANDLER).digest('base64')}'`;

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * socket.io runs on the same origin. CSP Level 3 lets 'self' match ws(s) of
 * the same host, but older Safari does not, so the socket's own origin is
 * named. The Host header is checked before it goes into the header.
 */
function sameHostSockets(req: IncomingMessage): string {
  const host = req.headers.host;
  return host && HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * Headers for everything the process serves: the admin client (a Vite build
 * with no inline scripts), the API, Swagger UI and evidence files.
 *
 * - script-src 'self': the built index.html loads module scripts by URL only;
 *   Swagger UI (Nest's template) loads its bundle and its init script by URL.
 * - style-src 'unsafe-inline': antd 5's CSS-in-JS (@ant-design/cssinjs through
 *   rc-util's updateCSS) creates <style> elements at run time, without a
 *   nonce unless the client configures one per page load, which a static
 *   build cannot; Swagger UI's template and the certificate page also carry
 *   a <style> block. Inline styles cannot run code.
 * - img-src data: blob:: antd and Swagger UI use data: SVGs; uploads preview as blobs.
 * - frame-ancestors 'none' (and X-Frame-Options DENY for older browsers): nothing here is meant to be framed.
 * - HSTS and upgrade-insecure-requests only in production: a developer on
 *   http://127.0.0.1 must not have the browser pin HTTPS for localhost.
 */
export function securityHeaders(isProduction: boolean): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-hashes'", PRINT_HANDLER_HASH],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", sameHostSockets],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(isProduction ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Evidence images and the socket are same-origin; nothing needs to be embedded cross-origin.
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * For stored evidence: whatever a file turns out to contain, opened directly it
 * runs in a sandbox with no script, no plugins and an opaque origin.
 */
export const EVIDENCE_CSP = 'sandbox';
