import path from "node:path";
import { repoRoot } from "./paths.js";

export interface Config {
  port: number;
  /** A real PostgreSQL; without it an embedded one is started (development and demo). */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its data between runs. */
  embeddedDataDir: string;
  embeddedPort: number;
  /** Seed the demo region into an empty database. */
  seedDemoRegion: boolean;
  production: boolean;
  logLevel: string;
  /** Which optional days off count for the working-day norms. */
  holidays: { goodFriday: boolean; liberationDay: "always" | "lustrum" | "never" };
  /** Response norm in working days for crisis referrals (NVVK: 2 for others). */
  crisisResponseWorkingDays: number;
  /** Days after its planned date before an unregistered nazorg contact counts as overdue. */
  nazorgContactGraceDays: number;
  /** How long a login lasts: a working day by default. */
  sessionTtlHours: number;
  clientDir: string;
  /**
   * After SIGTERM, how long /readyz answers 503 while requests are still served, so a load
   * balancer stops sending new ones before the server stops accepting them.
   */
  shutdownDelayMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer(env.PORT, 4000, "PORT"),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedDataDir: path.resolve(env.EMBEDDED_PG_DIR ?? path.join(repoRoot, ".data", "postgres")),
    embeddedPort: integer(env.EMBEDDED_PG_PORT, 54329, "EMBEDDED_PG_PORT"),
    seedDemoRegion: (env.SEED_DEMO_REGION ?? "true") !== "false",
    production: env.NODE_ENV === "production",
    logLevel: env.LOG_LEVEL ?? "info",
    sessionTtlHours: integer(env.SESSION_TTL_HOURS, 10, "SESSION_TTL_HOURS"),
    holidays: {
      goodFriday: env.HOLIDAY_GOOD_FRIDAY === "true",
      liberationDay: liberationDay(env.HOLIDAY_LIBERATION_DAY),
    },
    crisisResponseWorkingDays: integer(
      env.CRISIS_RESPONSE_WORKING_DAYS,
      1,
      "CRISIS_RESPONSE_WORKING_DAYS",
    ),
    nazorgContactGraceDays: integer(env.NAZORG_CONTACT_GRACE_DAYS, 7, "NAZORG_CONTACT_GRACE_DAYS"),
    clientDir: path.join(repoRoot, "dist", "client"),
    shutdownDelayMs: integer(
      env.SHUTDOWN_DELAY_MS,
      env.NODE_ENV === "production" ? 5000 : 0,
      "SHUTDOWN_DELAY_MS",
    ),
  };
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number`);
  return parsed;
}

function liberationDay(value: string | undefined): "always" | "lustrum" | "never" {
  if (value === undefined || value === "") return "lustrum";
  if (value === "always" || value === "lustrum" || value === "never") return value;
  throw new Error("HOLIDAY_LIBERATION_DAY must be always, lustrum or never");
}
