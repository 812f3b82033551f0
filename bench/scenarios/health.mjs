// The first scenario: the cost of the whole Nest/Fastify request path around one trivial query.
export default {
  name: 'health',
  description: 'GET /api/v1/health (TypeORM SELECT 1) vs plain node:http + pg running SELECT 1',
  async setup(ctx) {
    // Nothing to seed; prove the endpoint answers what the baseline imitates before loading it.
    const { status, body } = await ctx.http('GET', '/api/v1/health');
    if (status !== 200 || body?.db !== 'up') throw new Error(`health answered ${status} ${JSON.stringify(body)}`);
    return {};
  },
  app: { method: 'GET', path: '/api/v1/health' },
  bare: { server: 'baselines/health-bare.mjs', method: 'GET', path: '/api/v1/health', readyPath: '/api/v1/health' },
};
