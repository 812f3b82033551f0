// Jest on Node 20 cannot require() the ES-module-only Nest 12 packages, so every installed package whose
// package.json says "type": "module" is transformed to CommonJS by swc; all other node_modules are left alone.
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

function esmPackages(dir, found = new Set()) {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (entry.startsWith('@')) {
      esmPackages(path, found);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).type === 'module') found.add(path.split('node_modules/').pop());
      } catch {
        // a broken manifest is not ours to fix
      }
    }
    esmPackages(join(path, 'node_modules'), found);
  }
  return found;
}

const esm = [...esmPackages(join(__dirname, 'node_modules'))].map((p) => p.replace(/[.+]/g, '\\$&'));
const transformIgnorePatterns = [`/node_modules/(?!(${esm.join('|')})/)`];

const swcTs = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const swcJs = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTs, '^.+\\.js$': swcJs },
  transformIgnorePatterns,
  moduleNameMapper: { '^@kindred/contracts$': '<rootDir>/libs/contracts/src/index.ts' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

module.exports = {
  // Integration and e2e files start whole apps and race hundreds of requests; unit tests finish far sooner.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/api/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.mjs',
      testTimeout: 60000,
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/api/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.mjs',
      testTimeout: 60000,
    },
  ],
};
