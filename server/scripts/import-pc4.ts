import "reflect-metadata";
import { readFile } from "node:fs/promises";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/open-database.js";
import { entities } from "../modules.js";
import { parsePostcodeAreasCsv, upsertPostcodeAreas } from "../geography/geography.service.js";
import { logger } from "../logger.js";

// npm run db:import-pc4 -- path/to/pc4.csv
// Loads the national PC4 table (CBS/PDOK) as CSV: code,latitude,longitude,gemeente_code.
// Every gemeente it names must exist; the whole file is loaded in one transaction or not at all.
const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:import-pc4 -- <file.csv>");
  process.exit(2);
}
const rows = parsePostcodeAreasCsv(await readFile(file, "utf8"));
const { db, close } = await openDatabase(loadConfig(), entities);
try {
  await db.transaction(async (manager) => {
    const codes = [...new Set(rows.map((r) => r.gemeenteCode))];
    const known = (await manager.query("SELECT code FROM gemeente WHERE code = ANY($1)", [
      codes,
    ])) as Array<{
      code: string;
    }>;
    const unknown = codes.filter((code) => !known.some((k) => k.code === code));
    if (unknown.length > 0) throw new Error(`Unknown gemeenten in ${file}: ${unknown.join(", ")}`);
    await upsertPostcodeAreas(manager, rows);
  });
  logger.info({ rows: rows.length }, "PC4 areas imported");
} finally {
  await close();
}
