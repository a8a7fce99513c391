import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { graphql } from "../support/api.js";
import { createDatabaseWithStrongPassword, queryDatabase } from "../support/cluster.js";
import { demoAccounts, demoPassword } from "../support/demo.js";
import { startInstance, type Instance } from "../support/instance.js";
import { attemptLogin } from "../support/session.js";

/** The keys that seal two-factor and single sign-on secrets: 32 random bytes each. */
const sealingKeys = {
  SECOND_FACTOR_KEY: randomBytes(32).toString("base64"),
  SSO_KEY: randomBytes(32).toString("base64"),
};

/** Both database logins with strong passwords, on a server that is not there, and the keys. */
const database = {
  DATABASE_URL: "postgres://ketenkaart:Vq7-lang-en-geheim-2026@localhost:1/ketenkaart",
  DATABASE_APP_URL: "postgres://ketenkaart_web:Wb4-ook-lang-en-geheim-2026@localhost:1/ketenkaart",
  ...sealingKeys,
};

/** Starts the built server as production would, and answers how it ended and what it logged. */
function startInProduction(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const { DATABASE_URL: _owner, DATABASE_APP_URL: _application, ...inherited } = process.env;
  const server = spawn(process.execPath, ["dist/server/main.js"], {
    env: {
      ...inherited,
      NODE_ENV: "production",
      PORT: "0",
      LOG_LEVEL: "info",
      PUBLIC_URL: "https://ketenkaart.example.nl",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // A limit for a hung start only: on a busy machine a start alone can take many seconds.
  const timer = setTimeout(() => server.kill("SIGKILL"), 90_000);
  return new Promise((resolve) => {
    server.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("production secrets", () => {
  it("refuses to start without DATABASE_URL instead of starting an embedded database", async () => {
    const { code, output } = await startInProduction({});
    expect(code).not.toBe(0);
    expect(output).toContain("refusing to start in production");
    expect(output).toContain("DATABASE_URL is not set");
    expect(output).not.toContain("embedded PostgreSQL started");
  });

  it("refuses a default database password, without writing it to the log", async () => {
    const { code, output } = await startInProduction({
      DATABASE_URL: "postgres://ketenkaart:changeme@localhost:1/ketenkaart",
      DATABASE_APP_URL: "postgres://ketenkaart_web:ketenkaart-web@localhost:1/ketenkaart",
    });
    expect(code).not.toBe(0);
    expect(output).toContain("DATABASE_URL has no password or a default one");
    expect(output).toContain("DATABASE_APP_URL has no password or a default one");
    expect(output).not.toContain("changeme");
    expect(output).not.toContain("ketenkaart-web");
  });

  it("refuses to run requests as the owner: without DATABASE_APP_URL, or with the owner's login in it", async () => {
    const owner = "postgres://ketenkaart:Vq7-lang-en-geheim-2026@localhost:1/ketenkaart";
    const without = await startInProduction({ DATABASE_URL: owner });
    expect(without.code).not.toBe(0);
    expect(without.output).toContain("DATABASE_APP_URL is not set");
    const same = await startInProduction({ DATABASE_URL: owner, DATABASE_APP_URL: owner });
    expect(same.code).not.toBe(0);
    expect(same.output).toContain("DATABASE_APP_URL connects as DATABASE_URL's role");
    expect(`${without.output}${same.output}`).not.toContain("Vq7-lang-en-geheim-2026");
  });

  it("refuses to keep two-factor secrets without a key of 32 bytes", async () => {
    const { SECOND_FACTOR_KEY: _key, ...withoutKey } = database;
    const missing = await startInProduction(withoutKey);
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain("SECOND_FACTOR_KEY is not set");
    const short = await startInProduction({ ...database, SECOND_FACTOR_KEY: "a2V0ZW4=" });
    expect(short.code).not.toBe(0);
    expect(short.output).toContain("SECOND_FACTOR_KEY must be 32 bytes");
  });

  it("refuses to keep the client secrets of single sign-on without their key", async () => {
    const { SSO_KEY: _key, ...withoutKey } = database;
    const missing = await startInProduction(withoutKey);
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain("SSO_KEY is not set");
  });

  it("lets strong passwords through the check (and then needs a database)", async () => {
    const { code, output } = await startInProduction(database);
    expect(code).not.toBe(0);
    expect(output).not.toContain("refusing to start in production");
    expect(output).toContain("could not start");
    expect(output).not.toContain("Vq7-lang-en-geheim-2026");
    expect(output).not.toContain("Wb4-ook-lang-en-geheim-2026");
  });
});

describe("production e-mail settings", () => {
  it("refuses mail that would go out broken, without writing the SMTP password to the log", async () => {
    const { code, output } = await startInProduction({
      ...database,
      SMTP_URL: "smtp://mailer:changeme@smtp.example.nl:587",
      PUBLIC_URL: "http://localhost:4000",
    });
    expect(code).not.toBe(0);
    expect(output).toContain("refusing to start in production");
    expect(output).toContain("SMTP_URL has no password or a default one");
    expect(output).toContain("MAIL_FROM is not a real sender address");
    expect(output).toContain("PUBLIC_URL must be the https:// address");
    expect(output).not.toContain("changeme");
  });

  it("lets a complete mail configuration through, and production without mail too", async () => {
    const configurations: Array<Record<string, string>> = [
      {
        SMTP_URL: "smtps://mailer:Mx9-sterk-wachtwoord@smtp.example.nl:465",
        MAIL_FROM: "Ketenkaart Regio Arnhem <noreply@ketenkaart.example.nl>",
        PUBLIC_URL: "https://ketenkaart.example.nl/",
      },
      { PUBLIC_URL: "https://ketenkaart.example.nl" },
    ];
    for (const mail of configurations) {
      const { code, output } = await startInProduction({ ...database, ...mail });
      expect(code).not.toBe(0);
      expect(output).not.toContain("refusing to start in production");
      expect(output).toContain("could not start");
      expect(output).not.toContain("Mx9-sterk-wachtwoord");
    }
  });
});

describe("production links", () => {
  it("refuses to start without the https address users open it on: every link starts there", async () => {
    for (const publicUrl of [undefined, "http://ketenkaart.example.nl", "https://localhost:4000"]) {
      const { code, output } = await startInProduction({
        ...database,
        PUBLIC_URL: publicUrl ?? "",
      });
      expect(code, publicUrl).not.toBe(0);
      expect(output, publicUrl).toContain("PUBLIC_URL must be the https:// address");
    }
  });
});

describe("production data", () => {
  /** A production instance on a database of its own, set up as on a managed PostgreSQL. */
  async function inProduction(
    env: Record<string, string>,
    check: (instance: Instance, databaseUrl: string) => Promise<void>,
  ) {
    const own = await createDatabaseWithStrongPassword(inject("clusterUrl"), "production");
    let instance: Instance | undefined;
    try {
      instance = await startInstance(
        {
          NODE_ENV: "production",
          SHUTDOWN_DELAY_MS: "0",
          PUBLIC_URL: "https://ketenkaart.example.nl",
          ...sealingKeys,
          ...env,
        },
        { databaseUrl: own.url, applicationDatabaseUrl: own.applicationUrl },
      );
      await check(instance, own.url);
    } finally {
      await instance?.stop();
      await own.drop();
    }
  }

  const regions = async (instance: Instance) =>
    (
      await graphql<{ regions: Array<{ id: string }> }>(
        "{ regions { id } }",
        {},
        {},
        instance.baseUrl,
      )
    ).data?.regions;

  it("seeds nothing unless asked: no demo organisations, offerings or accounts", async () => {
    // SEED_DEMO_REGION unset, as in a deployment's environment.
    await inProduction({ SEED_DEMO_REGION: "" }, async (instance, databaseUrl) => {
      expect(await regions(instance)).toEqual([]);
      const [counts] = await queryDatabase<Record<string, number>>(
        databaseUrl,
        `SELECT (SELECT count(*) FROM region)::int AS regions,
                (SELECT count(*) FROM organization)::int AS organizations,
                (SELECT count(*) FROM offering)::int AS offerings,
                (SELECT count(*) FROM app_user)::int AS users`,
      );
      expect(counts).toEqual({ regions: 0, organizations: 0, offerings: 0, users: 0 });
    });
  }, 120_000);

  it("seeds the demo region when asked, without its demo accounts: their logins fail", async () => {
    await inProduction({ SEED_DEMO_REGION: "true" }, async (instance, databaseUrl) => {
      // The region is there: the sociale kaart has something to show.
      expect(await regions(instance)).toHaveLength(1);
      for (const email of Object.values(demoAccounts)) {
        const login = await attemptLogin(email, demoPassword, { baseUrl: instance.baseUrl });
        expect(login.data?.login ?? null, email).toBeNull();
        expect(login.errors?.[0]?.extensions?.code, email).toBe("UNAUTHENTICATED");
      }
      const users = await queryDatabase(databaseUrl, "SELECT email FROM app_user");
      expect(users).toEqual([]);
    });
  }, 120_000);
});
