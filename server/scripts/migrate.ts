import "reflect-metadata";
import { loadConfig } from "../config.js";
import { withStartupLock } from "../db/data-source.js";
import { openDatabase } from "../db/open-database.js";
import { entities } from "../modules.js";
import { logger } from "../logger.js";

// npm run db:migrate (apply pending) | npm run db:rollback (undo the last one)
const direction = process.argv[2] ?? "up";
const { db, close } = await openDatabase(loadConfig(), entities);
try {
  await withStartupLock(db, async () => {
    if (direction === "down") {
      await db.undoLastMigration({ transaction: "each" });
      logger.info("last migration undone");
    } else {
      const applied = await db.runMigrations({ transaction: "each" });
      logger.info({ migrations: applied.map((m) => m.name) }, "migrations applied");
    }
  });
} finally {
  await close();
}
