import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// graphql 16 has no exports map: without this alias the project's code would load the ES module
// build while Apollo and type-graphql load the CommonJS one, and GraphQLError checks would fail.
const graphqlAlias = { graphql: require.resolve('graphql') };

const integration = ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'];

export default defineConfig({
  resolve: { alias: graphqlAlias },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: 'unit',
          setupFiles: ['reflect-metadata'],
          include: ['core/**/*.spec.ts', 'plugins/**/*.spec.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: 'sqlite',
          setupFiles: ['reflect-metadata'],
          include: integration,
          env: { TEST_DATABASE: 'sqlite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: 'postgres',
          setupFiles: ['reflect-metadata'],
          include: integration,
          env: { TEST_DATABASE: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
