// `npm run contracts:schema`: JSON Schema of every shape in libs/contracts, for the OpenAPI document.
// The TypeScript types stay the one source; this file is derived from them and committed, and a unit test
// fails when it is stale. `--check` compares instead of writing (exit 1 when they differ).
import { readFileSync, writeFileSync } from 'node:fs';
import { createGenerator } from 'ts-json-schema-generator';

const root = new URL('..', import.meta.url).pathname;
const target = `${root}libs/contracts/schema/contracts.schema.json`;

export function generateContractSchemas() {
  const schema = createGenerator({
    path: `${root}libs/contracts/src/index.ts`,
    tsconfig: `${root}libs/contracts/tsconfig.lib.json`,
    type: '*',
    expose: 'export',
    jsDoc: 'basic',
    sortProps: true,
    skipTypeCheck: true,
    additionalProperties: false,
  }).createSchema('*');
  return `${JSON.stringify({ definitions: schema.definitions }, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = generateContractSchemas();
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== text) {
      process.stderr.write('libs/contracts/schema/contracts.schema.json is stale: run `npm run contracts:schema`\n');
      process.exit(1);
    }
    process.stdout.write('contract schemas are current\n');
  } else {
    writeFileSync(target, text);
    process.stdout.write(`wrote ${target.slice(root.length)} (${Object.keys(JSON.parse(text).definitions).length} definitions)\n`);
  }
}
