/* `npm run children:permissions`: writes docs/children-permissions.md from the permission rule
 * (`--check` compares instead, exit 1 when the committed file is stale). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childPermissionMarkdown } from '../../modules/children/children.policy';

const CHILDREN_PERMISSIONS_DOC = join(__dirname, '../../../../../docs/children-permissions.md');

const generated = childPermissionMarkdown();
if (process.argv.includes('--check')) {
  const committed = readFileSync(CHILDREN_PERMISSIONS_DOC, 'utf8');
  if (committed !== generated) {
    process.stderr.write('docs/children-permissions.md is stale: run npm run children:permissions\n');
    process.exit(1);
  }
} else {
  writeFileSync(CHILDREN_PERMISSIONS_DOC, generated);
  process.stdout.write('wrote docs/children-permissions.md\n');
}
