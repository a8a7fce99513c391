import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { PaletteLevel } from "../../server/taxonomy/taxonomy.js";
import { buildOffering, buildOrganization, buildRegion } from "../support/factories.js";
import { type Instance, startInstance } from "../support/instance.js";
import { openCase } from "../support/nazorg.js";
import { scheduleZorgoverleg } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";

/**
 * Every link Ketenkaart writes into a file starts at PUBLIC_URL. The Host header (and what a
 * proxy forwards as X-Forwarded-Host) is the caller's to choose: built from it, an invitation
 * could send the team to a look-alike site.
 */
const publicUrl = "https://ketenkaart.example.nl";
const hostile = {
  host: "evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "http",
};

let instance: Instance;

/** A GET as sent, with the Host header it names. */
function get(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const url = new URL(instance.baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method: "GET", path, headers },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, text }));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  instance = await startInstance({ PUBLIC_URL: publicUrl });
});
afterAll(() => instance.stop());

describe("links in downloads", () => {
  it("links the invitation to the case at PUBLIC_URL, whatever Host the request names", async () => {
    const worker = await loggedInUser();
    const { caseId } = await openCase(worker.headers);
    const zorgoverlegId = await scheduleZorgoverleg(worker.headers, caseId);
    const { status, text } = await get(`/zorgoverleg/${zorgoverlegId}/uitnodiging.ics`, {
      ...worker.headers,
      ...hostile,
    });
    expect(status).toBe(200);
    // Lines of an .ics are folded at 75 octets; a fold is a line break and one space.
    const unfolded = text.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain(`${publicUrl}/casussen/${caseId}`);
    expect(unfolded).not.toContain("evil.example");
  });

  it("links every offering in aanbod.csv at PUBLIC_URL, whatever Host the request names", async () => {
    const coordinator = await loggedInUser({ roles: [Role.COORDINATOR] });
    const region = await buildRegion(1);
    const [gemeente] = region.gemeenteCodes as [string];
    const organizationId = await buildOrganization({ gemeenteCodes: [gemeente] });
    const offeringId = await buildOffering({
      organizationId,
      paletteLevel: PaletteLevel.A7,
      gemeenteCodes: [gemeente],
    });
    const { status, text } = await get(`/export/aanbod.csv?gemeente=${gemeente}`, {
      ...coordinator.headers,
      ...hostile,
    });
    expect(status).toBe(200);
    expect(text).toContain(`${publicUrl}/aanbod/${offeringId}`);
    expect(text).not.toContain("evil.example");
  });
});
