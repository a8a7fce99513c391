import http from "node:http";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { hsdsImportLimits, maxDocumentDepth } from "../../server/hsds/hsds.schema.js";
import { buildUser, database, uniqueWord } from "../support/factories.js";
import { type Instance, logEntries, startInstance } from "../support/instance.js";
import { sessionHeaders } from "../support/session.js";

/**
 * Requests that are malformed in every way a stranger might try: each is answered with a 4xx
 * and a Dutch message, never a 500 or a stack trace, and nothing of it lands in the error log.
 */

let instance: Instance;
let worker: { headers: Record<string, string>; organizationId: string };
let regionAdministrator: Record<string, string>;

/** A request exactly as given (a bad path, a bad body), answered as it comes. */
function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<{ status: number; text: string }> {
  const url = new URL(instance.baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method, path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, text: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const postGraphql = (body: unknown, headers: Record<string, string> = {}) =>
  send(
    "POST",
    "/graphql",
    { "content-type": "application/json", ...headers },
    typeof body === "string" ? body : JSON.stringify(body),
  );

const importDocument = (body: string, headers: Record<string, string> = {}) =>
  send(
    "POST",
    "/open-referral/import",
    { "content-type": "application/json", ...regionAdministrator, ...headers },
    body,
  );

/** A clear refusal: the status, no stack trace, and a Dutch message. */
function expectRefusal(answer: { status: number; text: string }, status: number) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.text).not.toMatch(/\bat \/|node_modules|stack|Error:/);
  const body = JSON.parse(answer.text) as {
    errors?: Array<{ message: string; extensions: { code: string } }>;
    problems?: Array<{ path: string; message: string }>;
  };
  const messages = [
    ...(body.errors ?? []).map((error) => error.message),
    ...(body.problems ?? []).map((problem) => problem.message),
  ];
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) expect(message).toMatch(/\b(de|het|een|is|niet|bevat)\b/);
  return body;
}

beforeAll(async () => {
  instance = await startInstance({ LOG_LEVEL: "info" });
  const user = await buildUser({ roles: [Role.BEHEERDER] });
  worker = {
    organizationId: user.organizationId,
    headers: await sessionHeaders(user.email, undefined, instance.baseUrl),
  };
  const administrator = await buildUser({ roles: [Role.REGIO_BEHEERDER] });
  regionAdministrator = await sessionHeaders(administrator.email, undefined, instance.baseUrl);
});

afterAll(async () => {
  // Nothing here was the server's fault: no error was logged, and no raw input either.
  const entries = logEntries(instance);
  expect(entries.filter((entry) => (entry.level as number) >= 50)).toEqual([]);
  expect(instance.logLines.join("\n")).not.toContain("%E0%A4%A");
  await instance.stop();
});

describe("text with control characters", () => {
  const update = `mutation ($id: ID!, $input: OrganizationInput!) {
    updateOrganization(id: $id, input: $input) { id name }
  }`;

  it("refuses a NUL or other control character in any text input, naming the field", async () => {
    const name = `Organisatie ${uniqueWord()}`;
    for (const character of ["\u0000", "\u0001", "\u0008", "\u000b", "\u001f", "\u007f"]) {
      const answer = await postGraphql(
        {
          query: update,
          variables: {
            id: worker.organizationId,
            input: {
              name,
              gemeenten: ["GM0202"],
              nvvkMember: false,
              contactPoint: { phone: null, address: `Kerkstraat 1${character}` },
            },
          },
        },
        worker.headers,
      );
      const body = expectRefusal(answer, 400);
      expect(body.errors).toEqual([
        {
          message:
            "De tekst bevat onzichtbare stuurtekens (bijvoorbeeld een nul-teken). Haal ze weg en probeer het opnieuw.",
          extensions: {
            code: "BAD_USER_INPUT",
            field: "address",
            fieldPath: "contactPoint.address",
          },
        },
      ]);
    }
    const [stored] = (await (
      await database()
    ).query("SELECT name FROM organization WHERE id = $1", [worker.organizationId])) as [
      { name: string },
    ];
    expect(stored.name).not.toBe(name);
  });

  it("accepts tabs and line breaks, which people do type", async () => {
    const answer = await postGraphql(
      {
        query: update,
        variables: {
          id: worker.organizationId,
          input: {
            name: `Organisatie ${uniqueWord()}`,
            description: "Eerste regel\r\nTweede regel\n\tingesprongen",
            gemeenten: ["GM0202"],
            nvvkMember: false,
            contactPoint: {},
          },
        },
      },
      worker.headers,
    );
    expect(answer.status, answer.text).toBe(200);
    expect(JSON.parse(answer.text)).not.toHaveProperty("errors");
  });

  it("refuses a NUL written into the document itself, and in anonymous searches", async () => {
    const literal = await postGraphql({
      query: '{ offerings(search: { text: "schuld\\u0000hulp" }) { totalCount } }',
    });
    expect(expectRefusal(literal, 400).errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "text",
    });
    const variable = await postGraphql({
      query: "query ($search: OfferingSearchInput) { offerings(search: $search) { totalCount } }",
      variables: { search: { text: "schuld\u0000hulp" } },
    });
    expect(expectRefusal(variable, 400).errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "text",
    });
  });

  it("answers variables nested thousands deep as a wrong input, not a crash", async () => {
    const answer = await postGraphql(
      `{"query": "query ($t: String) { offerings(search: { text: $t }) { totalCount } }", "variables": {"t": ${"[".repeat(5000)}${"]".repeat(5000)}}}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.text).not.toMatch(/INTERNAL_SERVER_ERROR|stack/);
  });
});

describe("requests the server cannot read", () => {
  it("refuses an unknown operation name, and several operations without one", async () => {
    const unknown = expectRefusal(
      await postGraphql({ query: "query Regions { regions { id } }", operationName: "Iets" }),
      400,
    );
    expect(unknown.errors![0]!.extensions.code).toBe("OPERATION_RESOLUTION_FAILURE");
    const ambiguous = expectRefusal(
      await postGraphql({ query: "query A { regions { id } } query B { regions { name } }" }),
      400,
    );
    expect(ambiguous.errors![0]!.extensions.code).toBe("OPERATION_RESOLUTION_FAILURE");
    const chosen = await postGraphql({
      query: "query A { regions { id } } query B { regions { name } }",
      operationName: "B",
    });
    expect(chosen.status).toBe(200);
  });

  it("refuses a body that is not what its Content-Encoding says", async () => {
    const body = JSON.stringify({ query: "{ regions { id } }" });
    for (const encoding of ["gzip", "deflate"]) {
      const answer = await send(
        "POST",
        "/graphql",
        { "content-type": "application/json", "content-encoding": encoding },
        body,
      );
      expect(expectRefusal(answer, 400).errors![0]!.extensions.code).toBe("BAD_REQUEST");
      const imported = await importDocument(body, { "content-encoding": encoding });
      expectRefusal(imported, 400);
    }
  });

  it("refuses a path with a malformed %-escape, and keeps it out of the log", async () => {
    for (const path of [
      "/zorgoverleg/%E0%A4%A/uitnodiging.ics",
      "/aanbod/%E0%A4%A",
      "/open-referral/hsds.json/%E0%A4%A",
    ]) {
      const answer = await send("GET", path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
    }
    const refused = await send("GET", "/zorgoverleg/%E0%A4%A/uitnodiging.ics", worker.headers);
    expectRefusal(refused, 400);
    await expect
      .poll(() => logEntries(instance).filter((entry) => entry.path === "[malformed path]").length)
      .toBeGreaterThanOrEqual(2);
  });
});

describe("HSDS documents that are no directory", () => {
  it("refuses a document nested 5 000 deep, at the top and inside an organisation", async () => {
    const deep = `${'{"a":'.repeat(5000)}{}${"}".repeat(5000)}`;
    for (const body of [
      deep,
      `{"taxonomies":[],"taxonomy_terms":[],"organizations":[${deep}],"services":[]}`,
    ]) {
      const answer = expectRefusal(await importDocument(body), 422);
      expect(answer.problems).toEqual([
        {
          path: "/",
          message: `Het document is te diep genest: een HSDS-document heeft hoogstens ${maxDocumentDepth} niveaus.`,
        },
      ]);
    }
  });

  it("refuses text with a NUL, naming where it is, and writes nothing", async () => {
    const id = randomUUID();
    const answer = expectRefusal(
      await importDocument(
        JSON.stringify({
          taxonomies: [],
          taxonomy_terms: [],
          organizations: [{ id, name: "Stichting\u0000Nul", description: "Een beschrijving." }],
          services: [],
        }),
      ),
      422,
    );
    expect(answer.problems).toEqual([
      {
        path: "/organizations/0/name",
        message:
          "De tekst bevat onzichtbare stuurtekens (bijvoorbeeld een nul-teken). Haal ze weg en probeer het opnieuw.",
      },
    ]);
    expect(
      await (await database()).query("SELECT 1 FROM organization WHERE id = $1", [id]),
    ).toEqual([]);
  });

  it("refuses more services than one import may hold, at once and with what to do", async () => {
    const services = Array.from({ length: 20_000 }, () => ({ id: randomUUID() }));
    const started = Date.now();
    const answer = expectRefusal(
      await importDocument(
        JSON.stringify({ taxonomies: [], taxonomy_terms: [], organizations: [], services }),
      ),
      422,
    );
    expect(answer.problems).toEqual([
      {
        path: "/services",
        message: `Een import bevat hoogstens ${hsdsImportLimits.services} diensten; dit document heeft er 20000. Splits het document, bijvoorbeeld per organisatie, en lees de delen na elkaar in.`,
      },
    ]);
    // Refused before any of it is checked or written.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
