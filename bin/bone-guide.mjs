#!/usr/bin/env node
/**
 * `npx bone-guide [--json] [--say "..."]...`: `npm start` without npm's "> script" banner, for scripts that read
 * the simulator's --json turns from standard output. The content is compiled first, as `npm start` does; anything
 * that step says goes to standard error, never among the turns.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Runs a TypeScript tool of this project with tsx as a loader; `stdout` is where its standard output goes. */
const run = (script, args, stdout) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: root, stdio: ['inherit', stdout, 'inherit'] }).status ?? 1;

const built = run('tools/build-content.ts', [], process.stderr);
process.exitCode = built === 0 ? run('tools/simulator/main.ts', process.argv.slice(2), 'inherit') : built;
