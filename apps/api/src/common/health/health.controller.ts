import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { HealthResponse } from '@kindred/contracts';
import { Public } from '../auth/policy.decorator';
import { RETRY_AFTER_UNAVAILABLE_SECONDS } from '../errors/infrastructure-errors';
import { ApiAnswer } from '../http/openapi';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness and database reachability; 503 while the database is down' })
  @ApiAnswer(200, 'HealthResponse')
  @ApiAnswer(503, 'HealthResponse', 'The database is down')
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const result = await this.health.check();
    // Load balancers and clients back off for the same time as every other 503 of the API.
    if (result.status !== 'ok') void reply.status(503).header('retry-after', String(RETRY_AFTER_UNAVAILABLE_SECONDS));
    return result;
  }
}
