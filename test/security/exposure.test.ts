import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { loadConfig } from "../../server/config.js";
import { securityHeaders } from "../../server/security/http-headers.js";
import { graphql } from "../support/api.js";
import { database } from "../support/factories.js";
import { type Instance, startInstance } from "../support/instance.js";
import { loggedInUser } from "../support/session.js";

const introspection = `{ __schema { queryType { name } types { name } } }`;

describe("security headers", () => {
  it("sends a strict CSP, no framing and no referrer with the web client", async () => {
    const response = await fetch(`${inject("baseUrl")}/zoeken`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const csp = Object.fromEntries(
      (response.headers.get("content-security-policy") ?? "")
        .split(";")
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(" ")]),
    );
    expect(csp).toMatchObject({
      "default-src": "'self'",
      "script-src": "'self'",
      "script-src-attr": "'none'",
      "style-src": "'self'",
      "object-src": "'none'",
      "frame-ancestors": "'none'",
      "base-uri": "'self'",
    });
    expect(JSON.stringify(csp)).not.toContain("unsafe-inline");
    expect(JSON.stringify(csp)).not.toContain("unsafe-eval");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-powered-by")).toBeNull();
    // The built page has no inline script the policy would have to allow.
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style/);
  });

  it("sends them with the API too", async () => {
    const result = await graphql(`
      {
        regions {
          id
        }
      }
    `);
    expect(result.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(result.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("asks for HTTPS (HSTS, upgrade-insecure-requests) in production only", async () => {
    // On the middleware itself: a production server refuses to start without its secrets.
    const headersOf = async (production: boolean) => {
      const app = express()
        .use(securityHeaders(production))
        .get("/", (_req, res) => {
          res.send("ok");
        });
      const server = app.listen(0);
      await new Promise((resolve) => server.once("listening", resolve));
      try {
        const { port } = server.address() as AddressInfo;
        return (await fetch(`http://localhost:${port}/`)).headers;
      } finally {
        server.close();
      }
    };
    const production = await headersOf(true);
    expect(production.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(production.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const development = await headersOf(false);
    expect(development.get("strict-transport-security")).toBeNull();
    expect(development.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });
});

describe("schema discovery", () => {
  it("is off in production unless asked for, on elsewhere", () => {
    expect(loadConfig({ NODE_ENV: "production" }).graphqlIntrospection).toBe(false);
    expect(
      loadConfig({ NODE_ENV: "production", GRAPHQL_INTROSPECTION: "true" }).graphqlIntrospection,
    ).toBe(true);
    expect(loadConfig({ NODE_ENV: "test" }).graphqlIntrospection).toBe(true);
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: "ja" })).toThrow(/GRAPHQL_INTROSPECTION/);
  });

  it("answers introspection and suggestions on the development server", async () => {
    expect((await graphql(introspection)).data).toBeTruthy();
    const typo = await graphql(`
      {
        regoins {
          id
        }
      }
    `);
    expect(typo.errors?.[0]?.message).toContain('Did you mean "regions"?');
  });

  describe("with GRAPHQL_INTROSPECTION=false (as in production)", () => {
    let instance: Instance;
    let baseUrl: string;

    beforeAll(async () => {
      instance = await startInstance({ GRAPHQL_INTROSPECTION: "false" });
      baseUrl = instance.baseUrl;
    });

    afterAll(async () => {
      await instance?.stop();
    });

    const ask = async (query: string) => {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      return {
        status: response.status,
        ...((await response.json()) as { data?: unknown; errors?: Array<{ message: string }> }),
      };
    };

    it("refuses introspection", async () => {
      const result = await ask(introspection);
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
      const typename = await ask(`{ __type(name: "CareCase") { fields { name } } }`);
      expect(typename.data).toBeUndefined();
    });

    it("gives no field suggestions", async () => {
      const result = await ask(`{ regoins { id } }`);
      expect(result.errors?.[0]?.message).toBe('Cannot query field "regoins" on type "Query".');
      expect(JSON.stringify(result)).not.toContain("regions");
    });

    it("still serves the sociale kaart", async () => {
      const result = await ask(`{ regions { name } }`);
      expect(result.status).toBe(200);
      expect(result.data).toBeTruthy();
    });
  });
});

describe("errors", () => {
  it("mask a database failure: no SQL, no stack, no parameters", async () => {
    const db = await database();
    const marker = `kk-forced-failure`;
    await db.query(`
      CREATE FUNCTION test_force_failure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'forced failure: INSERT INTO client (display_name) VALUES (%)', NEW.display_name;
      END $$;
      CREATE TRIGGER test_force_failure BEFORE INSERT ON client
        FOR EACH ROW WHEN (NEW.display_name = '${marker}') EXECUTE FUNCTION test_force_failure();
    `);
    try {
      const worker = await loggedInUser();
      const result = await graphql(
        `
          mutation ($input: OpenCaseInput!) {
            openCase(input: $input) {
              id
            }
          }
        `,
        { input: { client: { displayName: marker, contactPreferences: [] }, role: "Wijkteam" } },
        worker.headers,
      );
      expect(result.status).toBe(200);
      expect(result.errors).toEqual([
        {
          message: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
          path: ["openCase"],
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        },
      ]);
      const body = JSON.stringify(result);
      for (const leak of ["INSERT", "client", "QueryFailedError", "stack", "at /", marker]) {
        expect(body).not.toContain(leak);
      }
    } finally {
      await db.query(`
        DROP TRIGGER test_force_failure ON client;
        DROP FUNCTION test_force_failure();
      `);
    }
  });
});
