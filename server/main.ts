import { databaseUrlProblems, loadConfig, productionSecretProblems } from "./config.js";
import { logger } from "./logger.js";

// The configuration is checked before the server's code is loaded: a refusal comes at once.
const config = loadConfig();
const problems = [...databaseUrlProblems(config), ...productionSecretProblems(config)];
if (problems.length > 0) {
  const refusal = config.production ? "refusing to start in production" : "refusing to start";
  for (const problem of problems) logger.fatal({ problem }, refusal);
  process.exit(1);
}

try {
  const { start } = await import("./start.js");
  await start(config);
} catch (error: unknown) {
  logger.fatal({ err: error }, "Ketenkaart could not start");
  process.exit(1);
}
