import "reflect-metadata";
import { demoPassword, demoUsers, seedDemoRegionIfEmpty } from "../seeds/demo-region.js";
import { createApp } from "./app.js";
import { loadConfig, productionSecretProblems } from "./config.js";
import { withStartupLock } from "./db/data-source.js";
import { openDatabase } from "./db/open-database.js";
import { logger } from "./logger.js";
import { startRetentionJob } from "./privacy/retention.service.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const problems = productionSecretProblems(config);
  if (problems.length > 0) {
    for (const problem of problems) logger.fatal({ problem }, "refusing to start in production");
    process.exit(1);
  }
  const { db, close } = await openDatabase(config);
  await withStartupLock(db, async () => {
    const applied = await db.runMigrations({ transaction: "each" });
    if (applied.length > 0)
      logger.info({ migrations: applied.map((m) => m.name) }, "migrations applied");
    if (config.seedDemoRegion && (await seedDemoRegionIfEmpty(db, !config.production)))
      logger.info("demo region seeded");
  });

  const app = await createApp(db, config);
  const stopRetentionJob = startRetentionJob(db, config);
  await new Promise<void>((resolve) => app.httpServer.listen(config.port, resolve));
  const address = app.httpServer.address();
  const url = `http://localhost:${typeof address === "object" && address ? address.port : config.port}`;
  logger.info({ url }, "Ketenkaart is running");
  console.warn(`\n  Ketenkaart draait op ${url}  (API: ${url}/graphql)\n`);
  if (!config.production) {
    console.warn(`  Demo-accounts (wachtwoord: ${demoPassword}):`);
    for (const user of await demoUsers()) {
      console.warn(`    ${user.email.padEnd(56)} ${user.roles.join(", ")}`);
    }
    console.warn("");
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    stopRetentionJob();
    await app.stop();
    await close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "Ketenkaart could not start");
  process.exit(1);
});
