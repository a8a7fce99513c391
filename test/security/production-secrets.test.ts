import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

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
      {},
    ];
    for (const mail of configurations) {
      const { code, output } = await startInProduction({ ...database, ...mail });
      expect(code).not.toBe(0);
      expect(output).not.toContain("refusing to start in production");
      expect(output).toContain("could not start");
      expect(output).not.toContain("Mx9-sterk-wachtwoord");
    }
  }, 60_000);
});
