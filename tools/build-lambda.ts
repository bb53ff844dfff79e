/**
 * `npm run build`: one self-contained bundle at dist/lambda/index.js exporting the async `handler`.
 * ask-sdk-core and our code only; content is already compiled in, so nothing beside the file is needed
 * (the AWS SDK v3, for the preferences table, comes with the Lambda runtime).
 */
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '..');

build({
  entryPoints: [path.join(root, 'lambda', 'index.ts')],
  outfile: path.join(root, 'dist', 'lambda', 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // The Lambda Node.js runtime provides the AWS SDK v3; it is loaded only when a preferences table is set.
  external: ['@aws-sdk/*'],
  // ...through require(), which resolves from the runtime's NODE_PATH; a native import() would not.
  supported: { 'dynamic-import': false },
  metafile: true,
  logLevel: 'warning',
})
  .then((result) => {
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    console.log(`dist/lambda/index.js: ${(bytes / 1024).toFixed(1)} KB`);
  })
  .catch(() => process.exit(1));
