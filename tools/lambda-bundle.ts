/**
 * How a Lambda bundle is built: the skill's (tools/build-lambda.ts) and the bare skill the benchmark compares it with
 * (tools/benchmark.ts), the same way, so the comparison is fair.
 */
import path from 'node:path';
import type { BuildOptions } from 'esbuild';

export const LAMBDA_BUNDLE_OPTIONS: BuildOptions = {
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
  // ask-sdk-model's runtime code is only the Alexa service API clients, which no handler calls: a stub stands in
  // (lambda-bundle/ask-sdk-model.cjs), and the bundle is 62 KB smaller. Its types are unaffected.
  alias: { 'ask-sdk-model': path.join(__dirname, 'lambda-bundle', 'ask-sdk-model.cjs') },
  logLevel: 'warning',
};
