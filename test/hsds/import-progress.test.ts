import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import type { HsdsDocument } from "../../server/hsds/hsds.types.js";
import { buildOffering, buildOrganization, database, uniqueWord } from "../support/factories.js";
import { loggedInUser } from "../support/session.js";

type Line =
  | { progress: { phase: "checking" } | { phase: "writing"; processed: number; total: number } }
  | { report: { imported: boolean; services?: Record<string, number>; problems?: unknown[] } }
  | { error: { code: string; message: string } };

let regionAdministrator: Record<string, string>;

beforeAll(async () => {
  regionAdministrator = (await loggedInUser({ roles: [Role.REGIO_BEHEERDER] })).headers;
});

async function exportDocument(): Promise<HsdsDocument> {
  return (await (
    await fetch(`${inject("baseUrl")}/open-referral/hsds.json`)
  ).json()) as HsdsDocument;
}

/** An import as the web client sends it: the answer read line by line as it arrives. */
async function streamedImport(document: unknown): Promise<{ contentType: string; lines: Line[] }> {
  const response = await fetch(`${inject("baseUrl")}/open-referral/import`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/x-ndjson",
      ...regionAdministrator,
    },
    body: JSON.stringify(document),
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text.endsWith("\n")).toBe(true);
  return {
    contentType: response.headers.get("content-type") ?? "",
    lines: text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Line),
  };
}

describe("an HSDS import with progress", () => {
  it("streams how far it is, n of m, and ends with the report", async () => {
    const document = await exportDocument();
    const total =
      document.organizations.length +
      document.organizations.reduce((sum, o) => sum + (o.locations ?? []).length, 0) +
      document.services.length;

    const { contentType, lines } = await streamedImport(document);
    expect(contentType).toMatch(/^application\/x-ndjson/);
    expect(lines[0]).toEqual({ progress: { phase: "checking" } });
    const writing = lines.flatMap((line) =>
      "progress" in line && line.progress.phase === "writing" ? [line.progress] : [],
    );
    expect(writing[0]).toEqual({ phase: "writing", processed: 0, total });
    expect(writing.at(-1)).toEqual({ phase: "writing", processed: total, total });
    const counts = writing.map((progress) => progress.processed);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const last = lines.at(-1)!;
    expect("report" in last && last.report.imported).toBe(true);
    const services = "report" in last ? last.report.services! : {};
    expect(services.created! + services.updated! + services.unchanged!).toBe(
      document.services.length,
    );
  });

  it("ends with the refusal when the document is wrong, without writing a thing", async () => {
    const document = await exportDocument();
    const { lines } = await streamedImport({ ...document, services: "geen lijst" });
    expect(lines).toEqual([
      { progress: { phase: "checking" } },
      {
        report: {
          imported: false,
          problems: expect.arrayContaining([
            expect.objectContaining({ message: "'services' moet een lijst zijn." }),
          ]) as unknown[],
        },
      },
    ]);
  });

  it("answers plain JSON to a caller that does not ask for the stream", async () => {
    const response = await fetch(`${inject("baseUrl")}/open-referral/import`, {
      method: "POST",
      headers: { "content-type": "application/json", ...regionAdministrator },
      body: JSON.stringify(await exportDocument()),
    });
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await response.json()) as { imported: boolean }).imported).toBe(true);
  });
});

describe("a large HSDS import", () => {
  it("writes hundreds of services in a few statements, all or nothing, with progress", async () => {
    const organizationId = await buildOrganization();
    const original = await buildOffering({ organizationId });
    const document = (await (
      await fetch(`${inject("baseUrl")}/open-referral/hsds.json?organisatie=${organizationId}`)
    ).json()) as HsdsDocument;
    const [template] = document.services;
    const copies = Array.from({ length: 600 }, (_, index) => ({
      ...template!,
      id: randomUUID(),
      name: `Kopie ${index} ${uniqueWord()}`,
    }));
    document.services.push(...copies);

    const { lines } = await streamedImport(document);
    const last = lines.at(-1)!;
    expect("report" in last && last.report).toMatchObject({
      imported: true,
      services: { created: 600, updated: 0, unchanged: 1 },
    });
    const counts = lines.flatMap((line) =>
      "progress" in line && line.progress.phase === "writing" ? [line.progress.processed] : [],
    );
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(document.organizations.length + 601);

    const [{ offerings }] = (await (
      await database()
    ).query("SELECT count(*)::int AS offerings FROM offering WHERE organization_id = $1", [
      organizationId,
    ])) as [{ offerings: number }];
    expect(offerings).toBe(601);
    expect(copies.map((copy) => copy.id)).not.toContain(original);
  });
});
