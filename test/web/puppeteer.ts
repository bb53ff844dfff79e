/**
 * puppeteer-core 25 is published as ES modules only, and jest on Node 20 can only `require` (its runtime has no
 * require(esm) before Node 24.9). So the tests load it bundled once into CommonJS by esbuild (a dev dependency
 * already), cached under node_modules/.cache and rebuilt when puppeteer-core's version changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type * as Puppeteer from 'puppeteer-core';

const root = path.resolve(__dirname, '../..');

export function loadPuppeteer(): typeof Puppeteer {
  const entry = require.resolve('puppeteer-core', { paths: [root] });
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/puppeteer-core/package.json'), 'utf8')) as { version: string };
  const bundle = path.join(root, 'node_modules/.cache/web-tests', `puppeteer-core-${version}.cjs`);
  if (!fs.existsSync(bundle)) {
    const temporary = `${bundle}.${process.pid}.tmp`;
    // ws's optional native helpers are loaded in a try/catch; left out, it uses its JavaScript fallbacks.
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: temporary, external: ['bufferutil', 'utf-8-validate'], logLevel: 'error' });
    fs.renameSync(temporary, bundle);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(bundle) as typeof Puppeteer;
}
