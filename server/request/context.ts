import type { Request, Response } from "express";
import type { DataSource } from "typeorm";
import type { Viewer } from "../security/viewer.js";
import type { Config } from "../config.js";
import type { WorkingDayCalendar } from "../common/working-days.js";
import type { RateLimits } from "../security/rate-limits.js";
import type { Loaders } from "./loaders.js";

export interface Context {
  db: DataSource;
  loaders: Loaders;
  config: Config;
  calendar: WorkingDayCalendar;
  rateLimits: RateLimits;
  /** The logged-in user's session, or null for the public sociale kaart. */
  viewer: Viewer | null;
  /** The session may only set up its second factor first (server/auth/authenticate.ts). */
  mustSetUpSecondFactor: boolean;
  request: Request;
  response: Response;
}
