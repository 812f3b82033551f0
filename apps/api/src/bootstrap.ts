import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { RequestContext } from './common/context/request-context';
import { securityHeaders } from './common/http/security-headers';
import { toProblem } from './common/errors/problem.filter';
import { completeDocument } from './common/http/openapi';
import { requestIdFor } from './common/logging/logging.module';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/app-config';
import { MigrationService } from './database/migration.service';
import { LiveIoAdapter } from './modules/live/live-io.adapter';
import { DemoSeeder } from './database/seeds/demo.seeder';

export const API_PREFIX = 'api/v1';

export interface CreateAppOptions {
  /** Buffer logs until the pino logger is ready (false in tests that capture logs themselves). */
  bufferLogs?: boolean;
  runMigrations?: boolean;
  seedDemoData?: boolean;
}

/** Builds the whole API (HTTP, socket.io, static admin client) without listening. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    genReqId: requestIdFor,
    // In production the API sits behind the compose proxy, which sets X-Forwarded-For.
    trustProxy: config.isProduction,
    routerOptions: { ignoreTrailingSlash: true },
    // The router's own refusals (a path that is not valid UTF-8, an over-long path parameter) are problems like all others.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const problem = tooLong
        ? toProblem('uri_too_long', 'A path segment is longer than allowed', { instance: request.url })
        : toProblem('validation_failed', 'The path is not valid percent-encoded UTF-8', {
            instance: request.url,
            errors: [{ field: 'path', message: 'is not valid percent-encoded UTF-8', code: 'invalid_format' }],
          });
      void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: options.bufferLogs ?? true,
    // Without buffering (tests), Nest's own start-up lines are dropped rather than printed unformatted.
    ...(options.bufferLogs === false ? { logger: false as const } : {}),
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    RequestContext.run({ requestId: String(request.id), ip: request.ip ?? null, userId: null }, done);
  });

  // Before any route or static file, so every answer (404s and the SPA fallback included) carries them.
  await app.register(fastifyHelmet, securityHeaders(config.isProduction));

  // Multipart is only for evidence uploads; each handler sets its own file size limit.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 5, fieldSize: 1024 } });

  const adminDist = config.http.adminDistDir ? resolve(config.http.adminDistDir) : null;
  if (adminDist && existsSync(adminDist)) {
    await app.register(fastifyStatic, { root: adminDist, prefix: '/', wildcard: false, index: false });
  }

  const document = completeDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Kindred API')
        .setDescription('Coordination platform for NGOs caring for left-behind children and children in difficulty')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
    // The default validator badge loads an image from validator.swagger.io, telling a third party where the docs live.
    swaggerOptions: { validatorUrl: null },
  });

  // Migrations run before init so that start-up hooks (admin bootstrap, publisher) see the current schema.
  if (options.runMigrations ?? true) await app.get(MigrationService).run();
  await app.get(MigrationService).verifyAppRole();
  // socket.io on the same port (Redis fan-out when REDIS_URL is set); must be in place before init creates the gateway.
  app.useWebSocketAdapter(await LiveIoAdapter.create(app, config));
  await app.init();
  if (options.seedDemoData ?? config.demoData) await app.get(DemoSeeder).seedOnce();
  return app;
}
