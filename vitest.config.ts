import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export default defineConfig({
  test: {
    projects: [
      {
        // Integration and browser tests: a real PostgreSQL and the real built server, started once
        // per run by the global setup.
        resolve: {
          // type-graphql loads graphql through require(); make the tests use that same copy so
          // `instanceof GraphQLSchema` checks hold.
          alias: { graphql: require.resolve("graphql") },
        },
        test: {
          name: "server",
          include: ["test/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        plugins: [react()],
        test: {
          name: "client",
          include: ["client/src/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["client/src/test-setup.ts"],
        },
      },
    ],
  },
});
