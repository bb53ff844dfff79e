/**
 * `npm run build`: one self-contained bundle at dist/lambda/index.js exporting the async `handler`.
 * ask-sdk-core and our code only; content is already compiled in, so nothing beside the file is needed
 * (the AWS SDK v3, for the preferences table, comes with the Lambda runtime). Options in tools/lambda-bundle.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { LAMBDA_BUNDLE_OPTIONS } from './lambda-bundle';

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'dist', 'lambda', 'index.js');

build({ ...LAMBDA_BUNDLE_OPTIONS, entryPoints: [path.join(root, 'lambda', 'index.ts')], outfile, write: false })
  .then((result) => {
    const [bundle] = result.outputFiles;
    // Written whole and renamed into place: a test or packager reading the bundle never sees half of it.
    fs.mkdirSync(path.dirname(outfile), { recursive: true });
    const temporary = `${outfile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, bundle.contents);
    fs.renameSync(temporary, outfile);
    console.log(`dist/lambda/index.js: ${(bundle.contents.length / 1024).toFixed(1)} KB`);
  })
  .catch(() => process.exit(1));
