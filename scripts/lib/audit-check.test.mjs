// node --test scripts/lib — the allow-list logic of scripts/audit.mjs on npm audit --json samples:
// fixtures/npm-audit-405.json was recorded on a machine whose registry refuses the bulk advisory endpoint;
// fixtures/npm-audit-findings.json has the shape npm 11 writes (auditReportVersion 2) with real GitHub advisories.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { advisoryKey, checkAudit, collectAdvisories, formatSummary, interpretAuditOutput } from './audit-check.mjs';

const fixture = (name) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const FINDINGS = fixture('npm-audit-findings.json');
const ENDPOINT_405 = fixture('npm-audit-405.json');
const CLEAN = JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { total: 0 } } });

const PATH_TO_REGEXP = 'GHSA-9wv6-86v2-598j';
const FORM_DATA = 'GHSA-fjxv-7rqg-78g4';

describe('audit allow-list', () => {
  it('should fail when a high or critical advisory is not allowed, naming each one', () => {
    const result = checkAudit(FINDINGS, { advisories: {} });
    assert.equal(result.status, 'failed');
    assert.deepEqual(
      result.blocked.map((a) => [a.id, a.severity, a.package]),
      [
        [FORM_DATA, 'critical', 'form-data'],
        [PATH_TO_REGEXP, 'high', 'path-to-regexp'],
      ],
    );
    assert.deepEqual(result.blocked[0].affects, ['axios', 'form-data']);
    const text = formatSummary(result).join('\n');
    assert.match(text, /2 advisories at high or above, not in audit-allowlist\.json/);
    assert.match(text, /FAILED$/);
  });

  it('should leave out advisories below the level, e.g. a low one', () => {
    assert.deepEqual(
      collectAdvisories(JSON.parse(FINDINGS), 'high').map((a) => a.id),
      [FORM_DATA, PATH_TO_REGEXP],
    );
    assert.ok(collectAdvisories(JSON.parse(FINDINGS), 'low').some((a) => a.id === 'GHSA-pxg6-pf52-xh8x'));
  });

  it('should pass when every reported advisory is allowed with a reason, by id or by URL', () => {
    const result = checkAudit(FINDINGS, {
      advisories: {
        [FORM_DATA]: 'axios only posts JSON to our own webhook; no multipart bodies are built.',
        [`https://github.com/advisories/${PATH_TO_REGEXP}`]:
          'Routes are fixed strings compiled at boot; no user input reaches path-to-regexp.',
      },
    });
    assert.equal(result.status, 'passed');
    assert.equal(result.blocked.length, 0);
    assert.deepEqual(
      result.allowed.map((a) => a.id),
      [FORM_DATA, PATH_TO_REGEXP],
    );
    assert.match(formatSummary(result).join('\n'), /reason: Routes are fixed strings/);
  });

  it('should still fail on the advisory that is not allowed when only some are', () => {
    const result = checkAudit(FINDINGS, { advisories: { [FORM_DATA]: 'axios only posts JSON to our own webhook.' } });
    assert.equal(result.status, 'failed');
    assert.deepEqual(
      result.blocked.map((a) => a.id),
      [PATH_TO_REGEXP],
    );
  });

  it('should refuse an allow-list entry without a reason', () => {
    const result = checkAudit(FINDINGS, { advisories: { [FORM_DATA]: '', [PATH_TO_REGEXP]: { reason: 'fine' } } });
    assert.equal(result.status, 'failed');
    assert.equal(result.errors.length, 2);
    assert.equal(result.blocked.length, 2);
  });

  it('should list allowed advisories that are no longer reported, so the list can shrink', () => {
    const result = checkAudit(CLEAN, { advisories: { [FORM_DATA]: 'axios only posts JSON to our own webhook.' } });
    assert.equal(result.status, 'passed');
    assert.deepEqual(result.unused, [FORM_DATA]);
    assert.match(formatSummary(result).join('\n'), /no longer reported, remove from audit-allowlist\.json: GHSA-fjxv-7rqg-78g4/);
  });
});

describe('audit that could not run', () => {
  it('should say plainly that the audit did not run when the endpoint answers 405, neither pass nor fail', () => {
    const result = checkAudit(ENDPOINT_405, { advisories: {} });
    assert.equal(result.status, 'unavailable');
    assert.match(result.reason, /405 Method Not Allowed/);
    assert.match(result.reason, /advisories\/bulk/);
    const text = formatSummary(result).join('\n');
    assert.match(text, /npm audit could NOT run/);
    assert.match(text, /not a pass/);
    assert.doesNotMatch(text, /PASSED/);
  });

  it('should treat output that is not JSON, or a network error, as not run', () => {
    assert.equal(interpretAuditOutput('').kind, 'unavailable');
    const offline = interpretAuditOutput(
      JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.example failed' } }),
    );
    assert.deepEqual(offline, { kind: 'unavailable', reason: 'request to https://registry.example failed' });
  });
});

describe('advisory ids', () => {
  it('should read the GHSA id from an advisory URL or id in any case', () => {
    assert.equal(advisoryKey('https://github.com/advisories/GHSA-9wv6-86v2-598j'), PATH_TO_REGEXP);
    assert.equal(advisoryKey('ghsa-9WV6-86v2-598J'), PATH_TO_REGEXP);
    assert.equal(advisoryKey(1101850), '1101850');
  });
});
