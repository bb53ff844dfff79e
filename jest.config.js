/** Jest runs the TypeScript sources directly; type-checking is `tsc` in `npm test`, so ts-jest only transpiles. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  // ask-sdk-test imports `it` from mocha; under jest the globals do the same job.
  moduleNameMapper: { '^mocha$': '<rootDir>/test/support/mocha-shim.js' },
  setupFiles: ['<rootDir>/test/support/quiet-logs.ts'],
  // Coverage is collected by `npm test` (jest --coverage) over the skill itself; a run of a few files takes none.
  collectCoverageFrom: ['lambda/**/*.ts', '!lambda/content/compiled.ts'],
  coverageThreshold: { './lambda/': { lines: 95, branches: 90 } },
  coverageReporters: ['text-summary'],
};
