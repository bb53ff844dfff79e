/**
 * `npm run build`: one self-contained bundle at dist/lambda/index.js exporting the async `handler`.
 * ask-sdk-core and our code only; content is already compiled in, so nothing beside the file is needed
 * (the AWS SDK v3, for the preferences table, comes with the Lambda runtime).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'dist', 'lambda', 'index.js');

build({
  entryPoints: [path.join(root, 'lambda', 'index.ts')],
  outfile,
  write: false,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  // IPA in the speech book as UTF-8, not \u escapes: smaller, and what the source says.
  charset: 'utf8',
  sourcemap: false,
  legalComments: 'none',
  // The Lambda Node.js runtime provides the AWS SDK v3; it is loaded only when a preferences table is set.
  external: ['@aws-sdk/*'],
  // ...through require(), which resolves from the runtime's NODE_PATH; a native import() would not.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
})
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
