// ESM + TypeScript: ts-jest transpiles only (tsc checks types in `npm run build`).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 120000,
  maxWorkers: 2,
  // under CI=true every skipped test fails the run
  reporters: ['default', '<rootDir>/__tests__/helpers/ci-no-skips.js'],
};
