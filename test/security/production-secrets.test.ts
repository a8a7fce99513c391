import { spawn } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { graphql } from "../support/api.js";
import { createDatabaseWithStrongPassword, queryDatabase } from "../support/cluster.js";
import { demoAccounts, demoPassword } from "../support/demo.js";
import { startInstance, type Instance } from "../support/instance.js";
import { attemptLogin } from "../support/session.js";

/** Starts the built server as production would, and answers how it ended and what it logged. */
function startInProduction(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const server = spawn(process.execPath, ["dist/server/main.js"], {
    env: { ...inherited, NODE_ENV: "production", PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => server.kill("SIGKILL"), 20_000);
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
    });
    expect(code).not.toBe(0);
    expect(output).toContain("DATABASE_URL has no password or a default one");
    expect(output).not.toContain("changeme");
  });

  it("lets a strong password through the check (and then needs a database)", async () => {
    const { code, output } = await startInProduction({
      DATABASE_URL: "postgres://ketenkaart:Vq7-lang-en-geheim-2026@localhost:1/ketenkaart",
      PUBLIC_URL: "https://ketenkaart.example.nl",
    });
    expect(code).not.toBe(0);
    expect(output).not.toContain("refusing to start in production");
    expect(output).toContain("could not start");
    expect(output).not.toContain("Vq7-lang-en-geheim-2026");
  });
});

describe("production e-mail settings", () => {
  const database = {
    DATABASE_URL: "postgres://ketenkaart:Vq7-lang-en-geheim-2026@localhost:1/ketenkaart",
  };

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
        DATABASE_URL: "postgres://ketenkaart:Vq7-lang-en-geheim-2026@localhost:1/ketenkaart",
        ...(publicUrl ? { PUBLIC_URL: publicUrl } : {}),
      });
      expect(code, publicUrl).not.toBe(0);
      expect(output, publicUrl).toContain("PUBLIC_URL must be the https:// address");
    }
  });
});

describe("production data", () => {
  it("seeds the demo region without its demo accounts: their logins fail", async () => {
    // A database of its own, reached with a strong password as production demands.
    const database = await createDatabaseWithStrongPassword(inject("clusterUrl"), "production");
    let instance: Instance | undefined;
    try {
      instance = await startInstance(
        {
          NODE_ENV: "production",
          SHUTDOWN_DELAY_MS: "0",
          PUBLIC_URL: "https://ketenkaart.example.nl",
        },
        { databaseUrl: database.url },
      );
      // The region is there: the sociale kaart has something to show.
      const regions = await graphql<{ regions: Array<{ id: string }> }>(
        "{ regions { id } }",
        {},
        {},
        instance.baseUrl,
      );
      expect(regions.data?.regions).toHaveLength(1);

      for (const email of Object.values(demoAccounts)) {
        const login = await attemptLogin(email, demoPassword, { baseUrl: instance.baseUrl });
        expect(login.data?.login ?? null, email).toBeNull();
        expect(login.errors?.[0]?.extensions?.code, email).toBe("UNAUTHENTICATED");
      }
      const users = await queryDatabase(database.url, "SELECT email FROM app_user");
      expect(users).toEqual([]);
    } finally {
      await instance?.stop();
      await database.drop();
    }
  }, 120_000);
});
