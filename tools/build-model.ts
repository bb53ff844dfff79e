/**
 * `npm run model`: expands interactionModels/source/<locale>.yaml into interactionModels/custom/<locale>.json,
 * the file Alexa (and the simulator, and the tests) read. `--check` only says whether that file is up to date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generatedModels } from './model/source';

const check = process.argv.includes('--check');
let stale = 0;
for (const { locale, json, file } of generatedModels()) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current === json) continue;
  if (check) {
    console.error(`${path.relative(process.cwd(), file)} is out of date: run npm run model`);
    stale += 1;
  } else {
    fs.writeFileSync(file, json);
    console.log(`wrote ${locale} interaction model`);
  }
}
process.exit(stale ? 1 : 0);
