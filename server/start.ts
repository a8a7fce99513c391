import "reflect-metadata";
import { demoPassword, demoUsers, seedDemoRegionIfEmpty } from "../seeds/demo-region.js";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { applicationLoginProblems } from "./db/application-login.js";
import { createDataSource, withStartupLock } from "./db/data-source.js";
import { startDatabaseServer } from "./db/open-database.js";
import { logger } from "./logger.js";
import { entities } from "./modules.js";
import { startRetentionJob } from "./privacy/retention.service.js";
import { startMailJob } from "./mail/mail.job.js";
import { enqueueOverdueReminders } from "./referral/referral.reminders.js";

/** Starts the database (or connects to it), migrates, seeds if asked, and serves. */
export async function start(config: Config): Promise<void> {
  const server = await startDatabaseServer(config);
  // Migrating and seeding as the owner of the tables, on connections of their own, without the
  // request timeouts.
  const startup = createDataSource(server.ownerUrl, {
    entities,
    requestTimeouts: false,
    poolSize: 2,
    applicationName: "ketenkaart-startup",
  });
  await startup.initialize();
  try {
    await withStartupLock(startup, async () => {
      const applied = await startup.runMigrations({ transaction: "each" });
      if (applied.length > 0)
        logger.info({ migrations: applied.map((m) => m.name) }, "migrations applied");
      if (config.seedDemoRegion && (await seedDemoRegionIfEmpty(startup, !config.production)))
        logger.info("demo region seeded");
    });
  } finally {
    await startup.destroy();
  }

  // Requests run as the application's login, which owns nothing and can only be ketenkaart_app
  // (server/db/application-login.ts); the jobs work as the owner on a small pool of their own.
  if (!server.applicationUrl) throw new Error("DATABASE_APP_URL is not set");
  const db = createDataSource(server.applicationUrl, { entities, requestTimeouts: true });
  await db.initialize();
  const loginProblems = await applicationLoginProblems(db);
  if (loginProblems.length > 0) {
    for (const problem of loginProblems) logger.fatal({ problem }, "refusing to start");
    await db.destroy();
    await server.stop();
    process.exit(1);
  }
  const jobs = createDataSource(server.ownerUrl, {
    entities,
    requestTimeouts: true,
    poolSize: 2,
    applicationName: "ketenkaart-jobs",
  });
  await jobs.initialize();
  const close = async () => {
    await db.destroy();
    await jobs.destroy();
    await server.stop();
  };

  const app = await createApp(db, config);
  const stopRetentionJob = startRetentionJob(jobs, config);
  const stopMailJob = startMailJob(jobs, config.mail, enqueueOverdueReminders);
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
    stopMailJob();
    // Stop accepting, let the requests in flight finish (Apollo's drain gives them 10 s), then
    // close the pool: a rolling restart behind a load balancer loses no request.
    setTimeout(() => {
      logger.error("requests still running 20 s after the stop signal; exiting anyway");
      process.exit(1);
    }, config.shutdownDelayMs + 20_000).unref();
    app.beginShutdown();
    await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
    await app.stop();
    await close();
    logger.info("stopped");
    process.exit(0);
  };
  // Our stop drains the requests in flight and then stops the embedded PostgreSQL (whose own
  // exit hooks are removed in db/embedded-postgres.ts).
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
}
