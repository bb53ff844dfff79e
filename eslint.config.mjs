// Lint runs inside `npm test` with --max-warnings 0: a warning fails the build like an error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', 'lambda/content/compiled.ts', 'test/support/mocha-shim.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // One module takes the SDK's run-time parts (lambda/request/ask-sdk.ts says why); the rest import its types only.
    files: ['lambda/**/*.ts'],
    ignores: ['lambda/request/ask-sdk.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'ask-sdk-core', allowTypeImports: true, message: 'Import its run-time parts from lambda/request/ask-sdk.ts.' }],
          patterns: [{ group: ['ask-sdk-core/*'], allowTypeImports: true, message: 'Import its run-time parts from lambda/request/ask-sdk.ts.' }],
        },
      ],
      // A dynamic import would be a require with its own copy of the exports in the bundle (dynamic-import is off).
      'no-restricted-syntax': ['error', { selector: "ImportExpression[source.value=/^ask-sdk-core/]", message: 'Import its run-time parts from lambda/request/ask-sdk.ts.' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { module: 'readonly', require: 'readonly', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
  },
  {
    // The web console's page script runs in the browser, as a classic script.
    files: ['tools/web/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', crypto: 'readonly' } },
  },
);
