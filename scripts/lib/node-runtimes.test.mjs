// node --test scripts/lib — how `npm test --runtimes` / KINDRED_TEST_RUNTIMES are read, and where binaries are cached.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRuntimes, runtimeCacheDir } from './node-runtimes.mjs';

describe('runtimes to test on', () => {
  it('should read majors separated by commas or spaces, once each', () => {
    assert.deepEqual(parseRuntimes('22,24'), [22, 24]);
    assert.deepEqual(parseRuntimes(' 24 22,24 '), [24, 22]);
  });

  it('should mean none when nothing is asked, so npm test on a laptop is unchanged', () => {
    assert.deepEqual(parseRuntimes(undefined), []);
    assert.deepEqual(parseRuntimes(''), []);
  });

  it('should refuse anything that is not a major version', () => {
    assert.throws(() => parseRuntimes('22.12'), /not a Node\.js major version: 22\.12/);
    assert.throws(() => parseRuntimes('lts'), /not a Node\.js major version/);
  });

  it('should cache binaries outside the project, where KINDRED_NODE_CACHE says when set', () => {
    const saved = process.env.KINDRED_NODE_CACHE;
    try {
      process.env.KINDRED_NODE_CACHE = '/tmp/kindred-node-cache';
      assert.equal(runtimeCacheDir(), '/tmp/kindred-node-cache');
      delete process.env.KINDRED_NODE_CACHE;
      assert.match(runtimeCacheDir(), /kindred\/node$/);
    } finally {
      if (saved === undefined) delete process.env.KINDRED_NODE_CACHE;
      else process.env.KINDRED_NODE_CACHE = saved;
    }
  });
});
