import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { createRequire } from "node:module";
import LongestFirst from "./test/sequencer.js";

const require = createRequire(import.meta.url);

/**
 * A lane of integration tests: its own database and the real built server on it, started by the
 * global setup. Lanes run side by side; within a lane, files may run at the same time too, so
 * every test builds the data it asserts on.
 */
function lane(name: string, include: string[], exclude: string[] = []) {
  return {
    resolve: {
      // type-graphql loads graphql through require(); make the tests use that same copy so
      // `instanceof GraphQLSchema` checks hold.
      alias: { graphql: require.resolve("graphql") },
    },
    test: {
      name,
      include,
      exclude,
      environment: "node",
      globalSetup: ["test/global-setup.ts"],
      // A worker runs file after file with the modules it loaded once (the server's modules,
      // Playwright, TypeORM): importing them afresh for every file was a third of the run's CPU.
      // Test files share no state but the lane's database.
      isolate: false,
      // Limits for a hung test, not for speed: a loaded machine may take many times longer.
      testTimeout: 120_000,
      hookTimeout: 180_000,
      // expect.poll gives up after 1 s by default: too soon for a page on a busy machine.
      expect: { poll: { timeout: 60_000 } },
    },
  };
}

export default defineConfig({
  test: {
    // Test files mostly wait on the servers, PostgreSQL and Chromium: more files than cores.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    projects: [
      lane("api", ["test/**/*.test.ts"], ["test/browser/**"]),
      lane("browser", ["test/browser/**/*.test.ts"]),
      {
        plugins: [react()],
        test: {
          name: "client",
          include: ["client/src/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["client/src/test-setup.ts"],
          // A limit for a hung test, not for speed (typing into forms takes long on a busy machine).
          testTimeout: 60_000,
        },
      },
    ],
  },
});
