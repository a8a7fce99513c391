import path from "node:path";
import { repoRoot } from "./paths.js";

export interface Config {
  port: number;
  /**
   * The key that seals two-factor secrets in the database (AES-256-GCM), from SECOND_FACTOR_KEY
   * (32 random bytes, base64). Outside production a fixed development key stands in.
   */
  secondFactorKey: Buffer | undefined;
  /**
   * Every account must log in with a second factor (SECOND_FACTOR_REQUIRED): on by default in
   * production. Without one, a login can only set it up.
   */
  secondFactorRequired: boolean;
  /**
   * The key that seals the client secrets of the organisations' single sign-on (AES-256-GCM),
   * from SSO_KEY (32 random bytes, base64). Outside production a fixed development key stands in.
   */
  singleSignOnKey: Buffer | undefined;
  /**
   * A real PostgreSQL, as the owner of the tables: migrations, seeding and the background jobs.
   * Without it an embedded one is started (development and demo).
   */
  databaseUrl: string | undefined;
  /**
   * The same database as the login every request runs as: a role that owns nothing and is a
   * member of ketenkaart_app only (server/db/application-login.ts). Needed with DATABASE_URL.
   */
  applicationDatabaseUrl: string | undefined;
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
  /** "Ingelogd blijven" extends a session by the TTL, but never past this long after login. */
  sessionMaxHours: number;
  /** How many minutes before the session ends the web client warns. */
  sessionWarningMinutes: number;
  /** Months after which a client whose cases are all closed is anonymised. */
  retentionClosedCaseMonths: number;
  /** How many months the security log (logins, account changes) keeps its entries. */
  retentionSecurityLogMonths: number;
  /** How often each instance tries to run the retention job (one works at a time). */
  retentionJobIntervalMinutes: number;
  clientDir: string;
  /** Introspection and "did you mean" suggestions: off in production unless asked for. */
  graphqlIntrospection: boolean;
  /**
   * How many proxies stand in front (for the client's IP in X-Forwarded-For). 0 by default: with
   * no proxy in front, any client could otherwise name its own IP and escape the per-IP limits.
   */
  trustProxyHops: number;
  /** How long an idle kept-alive connection stays open: above any load balancer's own. */
  keepAliveSeconds: number;
  rateLimits: RateLimitConfig;
  /**
   * Where users open Ketenkaart. Every link Ketenkaart writes (e-mails, .ics invitations, CSV
   * exports) starts here, never with a request's Host header, which the caller chooses.
   */
  publicUrl: string;
  /**
   * After SIGTERM, how long /readyz answers 503 while requests are still served, so a load
   * balancer stops sending new ones before the server stops accepting them.
   */
  shutdownDelayMs: number;
  /** The background of the maps: a tile URL template ({z}/{x}/{y}) and its attribution. */
  map: { tileUrl: string; attribution: string };
  mail: MailConfig;
}

/** E-mail notifications (server/mail/); off without SMTP_URL. */
export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; undefined: no e-mail is queued or sent. */
  smtpUrl: string | undefined;
  /** The From header, e.g. `Ketenkaart <noreply@ketenkaart.example>`. */
  from: string;
  /** Where users reach the web client (Config.publicUrl): the links in the e-mails start here. */
  publicUrl: string;
  /** How often each instance sends due mail and looks for overdue referrals. */
  jobIntervalSeconds: number;
  /** Attempts before a mail counts as failed; the wait doubles from `retrySeconds` each time. */
  maxAttempts: number;
  retrySeconds: number;
  /** Days after which sent and failed mail is deleted from the outbox. */
  retentionDays: number;
}

/** Limits shared by all instances through PostgreSQL (see server/security/rate-limits.ts). */
export interface RateLimitConfig {
  /** Failed logins per e-mail address within the window, counted for unknown addresses too. */
  loginFailuresPerAccount: number;
  /** Failed logins per IP within the window: high enough for an office behind one NAT. */
  loginFailuresPerIp: number;
  loginWindowMinutes: number;
  /** GraphQL requests per logged-in user per minute. */
  requestsPerUserPerMinute: number;
  /**
   * Anonymous downloads (CSV, HSDS, invitations) per minute per IP address. A region's directory
   * is fetched a few times a day; a logged-in user's downloads count as that user's requests.
   */
  anonymousDownloadsPerIpPerMinute: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${env.PORT || 4000}`).replace(/\/+$/, "");
  return {
    port: integer(env.PORT, 4000, "PORT"),
    secondFactorKey: secondFactorKey(env),
    secondFactorRequired: flag(
      env.SECOND_FACTOR_REQUIRED,
      env.NODE_ENV === "production",
      "SECOND_FACTOR_REQUIRED",
    ),
    singleSignOnKey: singleSignOnKey(env),
    databaseUrl: env.DATABASE_URL || undefined,
    applicationDatabaseUrl: env.DATABASE_APP_URL || undefined,
    embeddedDataDir: path.resolve(env.EMBEDDED_PG_DIR ?? path.join(repoRoot, ".data", "postgres")),
    embeddedPort: integer(env.EMBEDDED_PG_PORT, 54329, "EMBEDDED_PG_PORT"),
    // The demo region is for `npm start` and the tests; production asks for it explicitly.
    seedDemoRegion: flag(env.SEED_DEMO_REGION, env.NODE_ENV !== "production", "SEED_DEMO_REGION"),
    production: env.NODE_ENV === "production",
    logLevel: env.LOG_LEVEL ?? "info",
    sessionTtlHours: integer(env.SESSION_TTL_HOURS, 10, "SESSION_TTL_HOURS"),
    sessionMaxHours: integer(env.SESSION_MAX_HOURS, 12, "SESSION_MAX_HOURS"),
    sessionWarningMinutes: integer(env.SESSION_WARNING_MINUTES, 5, "SESSION_WARNING_MINUTES"),
    retentionClosedCaseMonths: integer(
      env.RETENTION_CLOSED_CASE_MONTHS,
      24,
      "RETENTION_CLOSED_CASE_MONTHS",
    ),
    retentionSecurityLogMonths: integer(
      env.RETENTION_SECURITY_LOG_MONTHS,
      24,
      "RETENTION_SECURITY_LOG_MONTHS",
    ),
    retentionJobIntervalMinutes: Math.max(
      1,
      integer(env.RETENTION_JOB_INTERVAL_MINUTES, 60, "RETENTION_JOB_INTERVAL_MINUTES"),
    ),
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
    clientDir: path.join(repoRoot, "dist", "web"),
    graphqlIntrospection: flag(
      env.GRAPHQL_INTROSPECTION,
      env.NODE_ENV !== "production",
      "GRAPHQL_INTROSPECTION",
    ),
    trustProxyHops: integer(env.TRUST_PROXY_HOPS, 0, "TRUST_PROXY_HOPS"),
    keepAliveSeconds: integer(env.HTTP_KEEP_ALIVE_SECONDS, 65, "HTTP_KEEP_ALIVE_SECONDS"),
    rateLimits: {
      loginFailuresPerAccount: integer(
        env.RATE_LIMIT_LOGIN_PER_ACCOUNT,
        5,
        "RATE_LIMIT_LOGIN_PER_ACCOUNT",
      ),
      loginFailuresPerIp: integer(env.RATE_LIMIT_LOGIN_PER_IP, 100, "RATE_LIMIT_LOGIN_PER_IP"),
      loginWindowMinutes: integer(
        env.RATE_LIMIT_LOGIN_WINDOW_MINUTES,
        15,
        "RATE_LIMIT_LOGIN_WINDOW_MINUTES",
      ),
      requestsPerUserPerMinute: integer(
        env.RATE_LIMIT_REQUESTS_PER_USER,
        600,
        "RATE_LIMIT_REQUESTS_PER_USER",
      ),
      anonymousDownloadsPerIpPerMinute: integer(
        env.RATE_LIMIT_DOWNLOADS_PER_IP,
        60,
        "RATE_LIMIT_DOWNLOADS_PER_IP",
      ),
    },
    shutdownDelayMs: integer(
      env.SHUTDOWN_DELAY_MS,
      env.NODE_ENV === "production" ? 5000 : 0,
      "SHUTDOWN_DELAY_MS",
    ),
    map: {
      tileUrl: tileUrl(env.MAP_TILE_URL),
      attribution: env.MAP_ATTRIBUTION || "Kaartgegevens © Kadaster / PDOK",
    },
    publicUrl,
    mail: loadMailConfig(env, publicUrl),
  };
}

function loadMailConfig(env: NodeJS.ProcessEnv, publicUrl: string): MailConfig {
  const smtpUrl = env.SMTP_URL || undefined;
  // Our own message: URL's error carries the input, password and all, into the log.
  if (smtpUrl && (!/^smtps?:\/\/[^/]/.test(smtpUrl) || !URL.canParse(smtpUrl))) {
    throw new Error("SMTP_URL must look like smtp://user:password@host:587");
  }
  return {
    smtpUrl,
    from: env.MAIL_FROM || "Ketenkaart <noreply@ketenkaart.localhost>",
    publicUrl,
    jobIntervalSeconds: Math.max(
      1,
      integer(env.MAIL_JOB_INTERVAL_SECONDS, 30, "MAIL_JOB_INTERVAL_SECONDS"),
    ),
    maxAttempts: Math.max(1, integer(env.MAIL_MAX_ATTEMPTS, 10, "MAIL_MAX_ATTEMPTS")),
    retrySeconds: Math.max(1, integer(env.MAIL_RETRY_SECONDS, 60, "MAIL_RETRY_SECONDS")),
    retentionDays: integer(env.MAIL_RETENTION_DAYS, 30, "MAIL_RETENTION_DAYS"),
  };
}

/** PDOK's BRT achtergrondkaart (standaard) in web mercator: open data, no key needed. */
const pdokTileUrl =
  "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";

function tileUrl(value: string | undefined): string {
  if (value === undefined || value === "") return pdokTileUrl;
  const placeholders = ["{z}", "{x}", "{y}"].every((part) => value.includes(part));
  if (!placeholders || !/^https?:\/\/[^/]+\//.test(value)) {
    throw new Error("MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}");
  }
  return value;
}

// Only where no real secret is kept: `npm start`, the demo and the tests.
const developmentSecondFactorKey = Buffer.alloc(32, "ketenkaart-ontwikkeling");

function secondFactorKey(env: NodeJS.ProcessEnv): Buffer | undefined {
  const value = env.SECOND_FACTOR_KEY;
  if (!value) return env.NODE_ENV === "production" ? undefined : developmentSecondFactorKey;
  const key = Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error("SECOND_FACTOR_KEY must be 32 bytes in base64");
  return key;
}

const developmentSingleSignOnKey = Buffer.alloc(32, "ketenkaart-ontwikkeling-sso");

function singleSignOnKey(env: NodeJS.ProcessEnv): Buffer | undefined {
  const value = env.SSO_KEY;
  if (!value) return env.NODE_ENV === "production" ? undefined : developmentSingleSignOnKey;
  const key = Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error("SSO_KEY must be 32 bytes in base64");
  return key;
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number`);
  return parsed;
}

function flag(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === "") return fallback;
  if (value === "true" || value === "false") return value === "true";
  throw new Error(`${name} must be true or false`);
}

function liberationDay(value: string | undefined): "always" | "lustrum" | "never" {
  if (value === undefined || value === "") return "lustrum";
  if (value === "always" || value === "lustrum" || value === "never") return value;
  throw new Error("HOLIDAY_LIBERATION_DAY must be always, lustrum or never");
}

// Passwords of the development setups (the embedded PostgreSQL, the demo accounts, the usual
// examples): a production database reachable with one of them is as good as open.
const defaultSecrets = new Set([
  "",
  "ketenkaart",
  "ketenkaart-demo",
  "ketenkaart-web",
  "postgres",
  "password",
  "secret",
  "changeme",
  "admin",
]);

/**
 * Why production must not start with this configuration, in words safe for the log (never the
 * secret itself); empty when it may. The only secrets Ketenkaart needs are the database
 * passwords in DATABASE_URL and DATABASE_APP_URL: sessions are random tokens of which only a
 * hash is stored, so there is no signing key to leak.
 */
export function productionSecretProblems(config: Config): string[] {
  if (!config.production) return [];
  return [
    ...databaseProblems(config),
    ...(config.secondFactorKey
      ? []
      : [
          "SECOND_FACTOR_KEY is not set to 32 random bytes in base64: two-factor secrets are stored sealed with it",
        ]),
    ...(config.singleSignOnKey
      ? []
      : [
          "SSO_KEY is not set to 32 random bytes in base64: the client secrets of single sign-on are stored sealed with it",
        ]),
    ...publicUrlProblems(config.publicUrl),
    ...mailProblems(config.mail),
  ];
}

/** Why the two database URLs cannot be used, whatever the environment; empty when they can. */
export function databaseUrlProblems(config: Config): string[] {
  if (!config.databaseUrl) {
    return config.applicationDatabaseUrl
      ? ["DATABASE_APP_URL is set without DATABASE_URL, the owner of the tables"]
      : [];
  }
  if (!config.applicationDatabaseUrl) {
    return [
      "DATABASE_APP_URL is not set: requests run as a login of their own, a member of ketenkaart_app only (README.md)",
    ];
  }
  const owner = parsedUrl(config.databaseUrl);
  const application = parsedUrl(config.applicationDatabaseUrl);
  if (!owner) return ["DATABASE_URL is not a valid postgres:// URL"];
  if (!application) return ["DATABASE_APP_URL is not a valid postgres:// URL"];
  return owner.username === application.username
    ? ["DATABASE_APP_URL connects as DATABASE_URL's role: requests must not run as the owner"]
    : [];
}

function databaseProblems(config: Config): string[] {
  if (!config.databaseUrl) {
    return ["DATABASE_URL is not set: production never starts the embedded PostgreSQL"];
  }
  const problems: string[] = [];
  for (const [name, url] of [
    ["DATABASE_URL", config.databaseUrl],
    ["DATABASE_APP_URL", config.applicationDatabaseUrl],
  ] as const) {
    const parsed = url ? parsedUrl(url) : undefined;
    if (!parsed) continue; // reported by databaseUrlProblems
    if (defaultSecrets.has(passwordOf(parsed).toLowerCase())) {
      problems.push(`${name} has no password or a default one: set a strong database password`);
    }
  }
  return problems;
}

function passwordOf(url: URL): string {
  try {
    return decodeURIComponent(url.password);
  } catch {
    return url.password;
  }
}

function parsedUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Mail that would go out broken: from a placeholder sender or through an SMTP server with a
 * default password. Mail off (no SMTP_URL) is a valid choice.
 */
function mailProblems(mail: MailConfig): string[] {
  if (!mail.smtpUrl) return [];
  const problems: string[] = [];
  const smtp = new URL(mail.smtpUrl);
  if (smtp.username && defaultSecrets.has(decodeURIComponent(smtp.password).toLowerCase())) {
    problems.push("SMTP_URL has no password or a default one: set the SMTP account's password");
  }
  // "Name <address>" or the bare address; the development default ends in .localhost.
  const address = (/<([^<>]*)>\s*$/.exec(mail.from)?.[1] ?? mail.from).trim();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address) || address.endsWith(".localhost")) {
    problems.push("MAIL_FROM is not a real sender address, e.g. Ketenkaart <noreply@example.nl>");
  }
  return problems;
}

/** Links in e-mails, invitations and exports that lead to localhost or over plain http. */
function publicUrlProblems(value: string): string[] {
  let publicUrl: URL | undefined;
  try {
    publicUrl = new URL(value);
  } catch {
    // reported below
  }
  if (
    !publicUrl ||
    publicUrl.protocol !== "https:" ||
    ["localhost", "127.0.0.1", "[::1]"].includes(publicUrl.hostname)
  ) {
    return ["PUBLIC_URL must be the https:// address users open Ketenkaart on"];
  }
  return [];
}
