import { pino } from "pino";

// Structured logs to stdout. Callers log ids and codes, never client data or query variables.
export const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });
