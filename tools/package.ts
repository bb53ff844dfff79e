/**
 * `npm run package` (after `npm run build`): everything the standard Alexa tools deploy, under build/.
 *
 *   build/skill-package/skill.json                             copy of skill.json
 *   build/skill-package/interactionModels/custom/<locale>.json copy of each model in interactionModels/custom/
 *   build/skill-package/assets/images/*.png                    the icons skill.json names, rendered from assets/icon.svg
 *   build/lambda/index.js                                      the bundle from dist/lambda/index.js
 *   build/lambda.zip                                           that one file, `index.js`, at the zip root
 *
 * The skill package follows the ASK CLI v2 layout (ask-resources.json's skillMetadata.src); build/lambda is the
 * ASK CLI's code source and build/lambda.zip the AWS SAM template's CodeUri. build/ is cleared first, so a file
 * deleted from the sources never ships.
 */
import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { iconFiles, renderIcon } from './icons';

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'build');
const bundle = path.join(root, 'dist', 'lambda', 'index.js');
const modelsDir = path.join(root, 'interactionModels', 'custom');

/** A fixed entry time: the same bundle always gives the same zip, so deploy tools see no change when there is none. */
const ZIP_ENTRY_TIME = new Date(2000, 0, 1);

function fail(message: string): never {
  console.error(`package: ${message}`);
  process.exit(1);
}

/** Copies a JSON file after checking that it parses: a broken file stops the package, naming it. */
function copyJson(from: string, to: string): void {
  const text = fs.readFileSync(from, 'utf8');
  try {
    JSON.parse(text);
  } catch (error) {
    fail(`${path.relative(root, from)} is not valid JSON: ${(error as Error).message}`);
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, text);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (!fs.existsSync(bundle)) fail('dist/lambda/index.js is missing: run `npm run build` first (`npm run package` does).');
const locales = fs
  .readdirSync(modelsDir)
  .filter((name) => name.endsWith('.json'))
  .sort();
if (locales.length === 0) fail('no interaction model in interactionModels/custom/.');

fs.rmSync(out, { recursive: true, force: true });

// The skill package (ASK CLI v2 layout).
const skillPackage = path.join(out, 'skill-package');
copyJson(path.join(root, 'skill.json'), path.join(skillPackage, 'skill.json'));
for (const file of locales) copyJson(path.join(modelsDir, file), path.join(skillPackage, 'interactionModels', 'custom', file));
let icons: ReturnType<typeof iconFiles>;
try {
  icons = iconFiles(JSON.parse(fs.readFileSync(path.join(root, 'skill.json'), 'utf8')));
} catch (error) {
  fail((error as Error).message);
}
const rendered = new Map<number, Buffer>();
for (const icon of icons) {
  if (!rendered.has(icon.size)) rendered.set(icon.size, renderIcon(icon.size));
  fs.mkdirSync(path.dirname(path.join(skillPackage, icon.file)), { recursive: true });
  fs.writeFileSync(path.join(skillPackage, icon.file), rendered.get(icon.size)!);
}

// The Lambda code: the one self-contained file, as a folder (ASK CLI) and as a zip (AWS SAM).
const code = fs.readFileSync(bundle);
fs.mkdirSync(path.join(out, 'lambda'), { recursive: true });
fs.writeFileSync(path.join(out, 'lambda', 'index.js'), code);
const zip = new AdmZip();
zip.addFile('index.js', code, '', 0o644).header.time = ZIP_ENTRY_TIME;
const zipFile = path.join(out, 'lambda.zip');
fs.writeFileSync(zipFile, zip.toBuffer());

console.log(`build/skill-package: skill.json and ${locales.length} interaction model${locales.length === 1 ? '' : 's'} (${locales.map((f) => f.replace(/\.json$/, '')).join(', ')})`);
console.log(`build/skill-package/assets/images: ${icons.length} icons (${[...rendered.keys()].map((size) => `${size}×${size}`).join(' and ')}, from assets/icon.svg)`);
console.log(`build/lambda/index.js: ${kb(code.length)}`);
console.log(`build/lambda.zip: ${kb(fs.statSync(zipFile).size)} (index.js only)`);
