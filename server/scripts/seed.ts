import "reflect-metadata";
import { seedDemoRegionIfEmpty } from "../../seeds/demo-region.js";
import { loadConfig } from "../config.js";
import { withStartupLock } from "../db/data-source.js";
import { openDatabase } from "../db/open-database.js";
import { entities } from "../modules.js";
import { logger } from "../logger.js";

const config = loadConfig();
const { db, close } = await openDatabase(config, entities);
try {
  await withStartupLock(db, async () => {
    await db.runMigrations({ transaction: "each" });
    const seeded = await seedDemoRegionIfEmpty(db, !config.production);
    logger.info(seeded ? "demo region seeded" : "database already has a region; nothing seeded");
  });
} finally {
  await close();
}
