import {
  type Config,
  databaseUrlProblems,
  loadConfig,
  productionSecretProblems,
} from "./config.js";
import { logger } from "./logger.js";

// The configuration is checked before the server's code is loaded: a refusal comes at once.
function checkedConfig(): Config {
  const refusal =
    process.env.NODE_ENV === "production" ? "refusing to start in production" : "refusing to start";
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    logger.fatal({ problem: (error as Error).message }, refusal);
    process.exit(1);
  }
  const problems = [...databaseUrlProblems(config), ...productionSecretProblems(config)];
  for (const problem of problems) logger.fatal({ problem }, refusal);
  if (problems.length > 0) process.exit(1);
  return config;
}

const config = checkedConfig();
try {
  const { start } = await import("./start.js");
  await start(config);
} catch (error: unknown) {
  logger.fatal({ err: error }, "Ketenkaart could not start");
  process.exit(1);
}
