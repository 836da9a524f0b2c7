/** ESM-only packages kubernetes-models loads: compiled to CommonJS for jest (tsconfig.esm-deps.json). */
const ESM_PACKAGES = '@kubernetes-models|kubernetes-models|is-cidr|cidr-regex';

/**
 * Static checks of the deployment files under docker/ (no Docker engine, no cluster, no network).
 *
 * kubernetes-models (and its @kubernetes-models/* helpers) ship ESM only, with `import`-only
 * package exports: jest.resolver.cjs resolves them with the `import` condition and ts-jest
 * turns them and their ESM dependencies into CommonJS; everything else loads as usual.
 */
export default {
  displayName: 'deploy-check',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  resolver: '<rootDir>/jest.resolver.cjs',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    [`/node_modules/(${ESM_PACKAGES})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: '<rootDir>/tsconfig.esm-deps.json' },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 30_000,
};
