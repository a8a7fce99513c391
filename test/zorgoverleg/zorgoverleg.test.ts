import { describe, expect, inject, it } from "vitest";
import {
  amsterdamInstant,
  daysFromToday,
  meetingAt,
  nextDayOfYear,
  onAWorkingDay,
} from "../support/calendar.js";
import { graphql } from "../support/api.js";
import { accessLogOfCase } from "../support/access-log.js";
import { recordConsent } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";

type Worker = Awaited<ReturnType<typeof loggedInUser>>;

const zorgoverlegFields = `
  id caseId startsAt endsAt location videoLink clientParticipates summary communicationAgreement
  recordedAt invitationUrl
  organizer { id } scheduledBy { id } recordedBy { id }
  invitees { organization { id } user { id } }
  agreements { id description dueOn status isOverdue ownerOrganization { id } ownerUser { id } }
  regieDecision { organization { id } user { id } reason zorgoverleg { id } }`;

const schedule = `mutation ($input: ScheduleZorgoverlegInput!) {
  scheduleZorgoverleg(input: $input) { ${zorgoverlegFields} } }`;
const record = `mutation ($input: RecordZorgoverlegInput!) {
  recordZorgoverleg(input: $input) { ${zorgoverlegFields} } }`;
const readZorgoverleg = `query ($id: ID!) { zorgoverleg(id: $id) { ${zorgoverlegFields} } }`;
const readCase = `query ($id: ID!) { case(id: $id) {
  team { role organization { id } workers { id } }
  regieHolder { organization { id } user { id } reason zorgoverleg { id startsAt } }
  regieHistory { organization { id } zorgoverleg { id } }
  zorgoverleggen { id recordedAt agreements { id } } } }`;
const myAgreements = `{ myAgreements { id description dueOn isOverdue status caseId
  ownerOrganization { id } ownerUser { id } zorgoverleg { id startsAt } } }`;
const setStatus = `mutation ($input: SetAgreementStatusInput!) {
  setAgreementStatus(input: $input) { id status statusChangedAt } }`;

interface Agreement {
  id: string;
  description: string;
  dueOn: string;
  status: string;
  isOverdue: boolean;
  ownerOrganization: { id: string };
  ownerUser: { id: string } | null;
}

interface ZorgoverlegData {
  id: string;
  caseId: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  videoLink: string | null;
  clientParticipates: boolean;
  summary: string | null;
  communicationAgreement: string | null;
  recordedAt: string | null;
  invitationUrl: string;
  organizer: { id: string };
  scheduledBy: { id: string };
  recordedBy: { id: string } | null;
  invitees: Array<{ organization: { id: string }; user: { id: string } | null }>;
  agreements: Agreement[];
  regieDecision: {
    organization: { id: string };
    user: { id: string } | null;
    reason: string;
    zorgoverleg: { id: string };
  } | null;
}

interface CaseData {
  team: Array<{ role: string; organization: { id: string }; workers: Array<{ id: string }> }>;
  regieHolder: {
    organization: { id: string };
    user: { id: string } | null;
    reason: string;
    zorgoverleg: { id: string; startsAt: string } | null;
  };
  regieHistory: Array<{ organization: { id: string }; zorgoverleg: { id: string } | null }>;
  zorgoverleggen: Array<{
    id: string;
    recordedAt: string | null;
    agreements: Array<{ id: string }>;
  }>;
}

async function openCase(worker: Worker, displayName = "J. de Boer") {
  const result = await graphql<{ openCase: { id: string; client: { id: string } } }>(
    `
      mutation ($input: OpenCaseInput!) {
        openCase(input: $input) {
          id
          client {
            id
          }
        }
      }
    `,
    { input: { client: { displayName, contactPreferences: [] }, role: "Casusregie wijkteam" } },
    worker.headers,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return { caseId: result.data.openCase.id, clientId: result.data.openCase.client.id };
}

/** The client's consent for the organisation, then the organisation on the case team. */
async function addMember(
  owner: Worker,
  { caseId, clientId }: { caseId: string; clientId: string },
  organizationId: string,
  role: string,
) {
  await recordConsent(owner.headers, clientId, [organizationId]);
  const result = await graphql(
    `
      mutation ($caseId: ID!, $organizationId: ID!, $role: String!) {
        addCaseMember(caseId: $caseId, organizationId: $organizationId, role: $role) {
          id
        }
      }
    `,
    { caseId, organizationId, role },
    owner.headers,
  );
  expect(result.errors).toBeUndefined();
}

async function caseAs(worker: Worker, caseId: string): Promise<CaseData | null> {
  const result = await graphql<{ case: CaseData | null }>(readCase, { id: caseId }, worker.headers);
  expect(result.errors).toBeUndefined();
  return result.data!.case;
}

/** A case of the owner's organisation with a partner organisation on its team. */
async function caseWithPartner() {
  const owner = await loggedInUser();
  const { caseId, clientId } = await openCase(owner);
  const partner = await loggedInUser();
  await addMember(owner, { caseId, clientId }, partner.organizationId, "Kredietbank");
  return { owner, partner, caseId, clientId };
}

/** A meeting held two weeks ago: one to record. */
const twoWeeksAgo = () => meetingAt(-14);

const scheduleInput = (caseId: string, overrides: Record<string, unknown> = {}) => ({
  caseId,
  startsAt: meetingAt(7),
  durationMinutes: 90,
  location: "Wijkcentrum Het Klarendal, zaal 2",
  clientParticipates: true,
  invitees: [],
  ...overrides,
});

async function scheduleAs(worker: Worker, input: Record<string, unknown>) {
  const result = await graphql<{ scheduleZorgoverleg: ZorgoverlegData }>(
    schedule,
    { input },
    worker.headers,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.scheduleZorgoverleg;
}

async function consentFor(owner: Worker, clientId: string, overrides: Record<string, unknown>) {
  const result = await graphql<{ recordConsent: { id: string } }>(
    `
      mutation ($clientId: ID!, $input: ConsentInput!) {
        recordConsent(clientId: $clientId, input: $input) {
          id
        }
      }
    `,
    {
      clientId,
      input: {
        purpose: "Deelname aan het zorgoverleg",
        dataCategories: ["HULPVRAAG", "FINANCIELE_SITUATIE"],
        method: "MONDELING",
        givenOn: daysFromToday(0),
        validUntil: "2099-12-31",
        ...overrides,
      },
    },
    owner.headers,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.recordConsent.id;
}

describe("scheduling a zorgoverleg", () => {
  it("plans time, place, invitees and the client's part, for the case team", async () => {
    const { owner, partner, caseId } = await caseWithPartner();
    const day = onAWorkingDay(daysFromToday(7));
    const scheduled = await scheduleAs(
      owner,
      scheduleInput(caseId, {
        startsAt: amsterdamInstant(day, "10:00"),
        videoLink: "https://video.example/zorgoverleg-123",
        invitees: [
          { organizationId: partner.organizationId, userId: partner.id },
          { organizationId: owner.organizationId },
        ],
      }),
    );
    expect(scheduled).toMatchObject({
      caseId,
      startsAt: amsterdamInstant(day, "10:00"),
      endsAt: amsterdamInstant(day, "11:30"),
      location: "Wijkcentrum Het Klarendal, zaal 2",
      videoLink: "https://video.example/zorgoverleg-123",
      clientParticipates: true,
      recordedAt: null,
      organizer: { id: owner.organizationId },
      scheduledBy: { id: owner.id },
      agreements: [],
      regieDecision: null,
      invitationUrl: `/zorgoverleg/${scheduled.id}/uitnodiging.ics`,
    });
    expect(scheduled.invitees).toEqual(
      expect.arrayContaining([
        { organization: { id: partner.organizationId }, user: { id: partner.id } },
        { organization: { id: owner.organizationId }, user: null },
      ]),
    );
    // The partner sees it on the case too, and the workers it can name.
    const seen = await caseAs(partner, caseId);
    expect(seen!.zorgoverleggen.map((z) => z.id)).toEqual([scheduled.id]);
    expect(seen!.team.find((m) => m.organization.id === partner.organizationId)!.workers).toEqual([
      { id: partner.id },
    ]);
    const log = await accessLogOfCase(caseId);
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: owner.id,
          action: "CREATE",
          objectType: "ZORGOVERLEG",
          objectId: scheduled.id,
        }),
        expect.objectContaining({
          userId: partner.id,
          action: "READ",
          objectType: "ZORGOVERLEG",
          objectId: scheduled.id,
        }),
      ]),
    );
  });

  it("needs a place or a video link, and names the field", async () => {
    const { owner, caseId } = await caseWithPartner();
    for (const [overrides, field] of [
      [{ location: null }, "location"],
      [{ location: null, videoLink: "http://video.example/onveilig" }, "videoLink"],
      [{ durationMinutes: 5 }, "durationMinutes"],
      [
        { invitees: [{ organizationId: owner.organizationId, userId: owner.organizationId }] },
        "userId",
      ],
    ] as const) {
      const result = await graphql(
        schedule,
        { input: scheduleInput(caseId, overrides) },
        owner.headers,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(result.errors?.[0]?.message).not.toContain(`'${field}'`);
    }
    expect((await caseAs(owner, caseId))!.zorgoverleggen).toEqual([]);
  });

  it("invites an organisation outside the team only on the client's valid consent, which puts it on the team", async () => {
    const { owner, caseId, clientId } = await caseWithPartner();
    const outside = await loggedInUser();
    const invite = scheduleInput(caseId, {
      invitees: [{ organizationId: outside.organizationId, userId: outside.id }],
    });

    const refused = async () => {
      const result = await graphql(schedule, { input: invite }, owner.headers);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "organizationId",
      });
      expect(result.errors?.[0]?.message).toMatch(/toestemming/);
      const seen = await caseAs(owner, caseId);
      expect(seen!.zorgoverleggen).toEqual([]);
      expect(seen!.team.map((m) => m.organization.id)).not.toContain(outside.organizationId);
    };
    // No consent; a consent for someone else; an expired one; a withdrawn one.
    await refused();
    await consentFor(owner, clientId, { recipientOrganizationIds: [owner.organizationId] });
    await refused();
    await consentFor(owner, clientId, {
      recipientOrganizationIds: [outside.organizationId],
      givenOn: daysFromToday(-60),
      validUntil: daysFromToday(-1),
    });
    await refused();
    const withdrawn = await consentFor(owner, clientId, {
      recipientOrganizationIds: [outside.organizationId],
    });
    await graphql(
      `
        mutation ($id: ID!) {
          withdrawConsent(consentId: $id) {
            id
          }
        }
      `,
      { id: withdrawn },
      owner.headers,
    );
    await refused();
    expect(await caseAs(outside, caseId)).toBeNull();

    await consentFor(owner, clientId, { recipientOrganizationIds: [outside.organizationId] });
    const scheduled = await scheduleAs(owner, invite);
    expect(scheduled.invitees).toEqual([
      { organization: { id: outside.organizationId }, user: { id: outside.id } },
    ]);
    const team = (await caseAs(owner, caseId))!.team;
    expect(team).toContainEqual(
      expect.objectContaining({
        role: "Deelnemer zorgoverleg",
        organization: { id: outside.organizationId },
      }),
    );
    // Now on the team, the invited organisation sees the case and the meeting.
    expect((await caseAs(outside, caseId))!.zorgoverleggen.map((z) => z.id)).toEqual([
      scheduled.id,
    ]);
  });
});

describe("who may see a zorgoverleg", () => {
  it("is the case team only; to others it does not exist, also through nested fields", async () => {
    const { owner, partner, caseId } = await caseWithPartner();
    const scheduled = await scheduleAs(owner, scheduleInput(caseId, { startsAt: twoWeeksAgo() }));
    const recorded = await graphql<{ recordZorgoverleg: ZorgoverlegData }>(
      record,
      {
        input: {
          zorgoverlegId: scheduled.id,
          summary: "Besproken: de schuldregeling en de nazorg.",
          communicationAgreement: "Maandelijks een kort bericht via Ketenkaart.",
          agreements: [
            {
              description: "Aanvraag schuldregeling indienen",
              ownerOrganizationId: partner.organizationId,
              dueOn: daysFromToday(14),
            },
          ],
        },
      },
      owner.headers,
    );
    const agreementId = recorded.data!.recordZorgoverleg.agreements[0]!.id;
    const outsider = await loggedInUser();

    const read = await graphql<{ zorgoverleg: unknown }>(
      readZorgoverleg,
      { id: scheduled.id },
      outsider.headers,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.zorgoverleg).toBeNull();

    const attempts = [
      graphql(schedule, { input: scheduleInput(caseId) }, outsider.headers),
      graphql(
        record,
        {
          input: {
            zorgoverlegId: scheduled.id,
            summary: "Overgenomen",
            communicationAgreement: "Geen",
            agreements: [],
          },
        },
        outsider.headers,
      ),
      graphql(setStatus, { input: { agreementId, status: "DONE" } }, outsider.headers),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(Object.values(result.data ?? {}).every((value) => value === null)).toBe(true);
    }
    expect(
      (await graphql<{ myAgreements: Array<{ id: string }> }>(myAgreements, {}, outsider.headers))
        .data!.myAgreements,
    ).toEqual([]);
    const anonymous = await graphql(readZorgoverleg, { id: scheduled.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // The team still sees it all, with nothing changed by the outsider.
    const own = await graphql<{ zorgoverleg: ZorgoverlegData }>(
      readZorgoverleg,
      { id: scheduled.id },
      partner.headers,
    );
    expect(own.data!.zorgoverleg.summary).toBe("Besproken: de schuldregeling en de nazorg.");
    expect(own.data!.zorgoverleg.agreements.map((a) => a.status)).toEqual(["OPEN"]);
  });
});

describe("recording a zorgoverleg", () => {
  it("keeps two agreements and a regie decision that moves regie, linked to the meeting", async () => {
    const { owner, partner, caseId } = await caseWithPartner();
    const heldAt = twoWeeksAgo();
    const scheduled = await scheduleAs(owner, scheduleInput(caseId, { startsAt: heldAt }));
    const result = await graphql<{ recordZorgoverleg: ZorgoverlegData }>(
      record,
      {
        input: {
          zorgoverlegId: scheduled.id,
          summary: "Huurachterstand is geregeld; de schuldregeling kan starten.",
          communicationAgreement: "Elke eerste maandag van de maand een update in Ketenkaart.",
          clientParticipated: false,
          agreements: [
            {
              description: "Aanvraag minnelijke schuldregeling indienen",
              ownerOrganizationId: partner.organizationId,
              ownerUserId: partner.id,
              dueOn: daysFromToday(14),
            },
            {
              description: "Budgetcoaching regelen",
              ownerOrganizationId: owner.organizationId,
              dueOn: daysFromToday(30),
            },
          ],
          regieDecision: {
            toOrganizationId: partner.organizationId,
            toUserId: partner.id,
            reason: "De schuldregeling is nu het belangrijkste spoor.",
          },
        },
      },
      owner.headers,
    );
    expect(result.errors).toBeUndefined();
    const recorded = result.data!.recordZorgoverleg;
    expect(recorded).toMatchObject({
      summary: "Huurachterstand is geregeld; de schuldregeling kan starten.",
      communicationAgreement: "Elke eerste maandag van de maand een update in Ketenkaart.",
      clientParticipates: false,
      recordedBy: { id: owner.id },
      regieDecision: {
        organization: { id: partner.organizationId },
        user: { id: partner.id },
        reason: "De schuldregeling is nu het belangrijkste spoor.",
        zorgoverleg: { id: scheduled.id },
      },
    });
    expect(recorded.recordedAt).not.toBeNull();
    expect(recorded.agreements).toEqual([
      expect.objectContaining({
        description: "Aanvraag minnelijke schuldregeling indienen",
        status: "OPEN",
        isOverdue: false,
        ownerOrganization: { id: partner.organizationId },
        ownerUser: { id: partner.id },
      }),
      expect.objectContaining({
        description: "Budgetcoaching regelen",
        ownerOrganization: { id: owner.organizationId },
        ownerUser: null,
      }),
    ]);

    const seen = await caseAs(owner, caseId);
    expect(seen!.regieHolder).toMatchObject({
      organization: { id: partner.organizationId },
      user: { id: partner.id },
      zorgoverleg: { id: scheduled.id, startsAt: heldAt },
    });
    expect(seen!.regieHistory).toEqual([
      { organization: { id: owner.organizationId }, zorgoverleg: null },
      { organization: { id: partner.organizationId }, zorgoverleg: { id: scheduled.id } },
    ]);
    expect(seen!.zorgoverleggen[0]!.agreements).toHaveLength(2);

    // A meeting is recorded once: a second record would rewrite what partners agreed.
    const again = await graphql(
      record,
      {
        input: {
          zorgoverlegId: scheduled.id,
          summary: "Nog eens",
          communicationAgreement: "Nog eens",
          agreements: [],
        },
      },
      partner.headers,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  it("names the field of a refused record and writes nothing", async () => {
    const { owner, partner, caseId } = await caseWithPartner();
    const stranger = await loggedInUser();
    const scheduled = await scheduleAs(owner, scheduleInput(caseId, { startsAt: twoWeeksAgo() }));
    const valid = {
      description: "Aanvraag schuldregeling indienen",
      ownerOrganizationId: partner.organizationId,
      dueOn: daysFromToday(7),
    };
    const input = (overrides: Record<string, unknown>) => ({
      zorgoverlegId: scheduled.id,
      summary: "Besproken: de aanpak van de schulden.",
      communicationAgreement: "Wekelijks bellen.",
      agreements: [valid, valid],
      regieDecision: { toOrganizationId: partner.organizationId, reason: "Schuldregeling" },
      ...overrides,
    });
    for (const [overrides, field] of [
      [{ summary: "" }, "summary"],
      [{ communicationAgreement: "x" }, "communicationAgreement"],
      [{ agreements: [valid, { ...valid, description: "" }] }, "description"],
      [{ agreements: [valid, { ...valid, dueOn: "volgende week" }] }, "dueOn"],
      [{ agreements: [valid, { ...valid, dueOn: "2026-02-31" }] }, "dueOn"],
      [
        { agreements: [valid, { ...valid, ownerOrganizationId: stranger.organizationId }] },
        "ownerOrganizationId",
      ],
      [{ agreements: [valid, { ...valid, ownerUserId: owner.id }] }, "ownerUserId"],
      [
        { regieDecision: { toOrganizationId: stranger.organizationId, reason: "Overdracht" } },
        "toOrganizationId",
      ],
      [
        {
          regieDecision: {
            toOrganizationId: partner.organizationId,
            toUserId: owner.id,
            reason: "Overdracht",
          },
        },
        "toUserId",
      ],
      [{ regieDecision: { toOrganizationId: partner.organizationId, reason: "" } }, "reason"],
    ] as const) {
      const result = await graphql(record, { input: input(overrides) }, owner.headers);
      expect(result.errors?.[0]?.extensions, JSON.stringify(overrides)).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
      });
      expect(result.errors?.[0]?.message).not.toContain(`'${field}'`);
    }
    const seen = await caseAs(owner, caseId);
    expect(seen!.zorgoverleggen).toEqual([{ id: scheduled.id, recordedAt: null, agreements: [] }]);
    expect(seen!.regieHolder.organization.id).toBe(owner.organizationId);
    expect(seen!.regieHistory).toHaveLength(1);
  });
});

describe("mijn afspraken", () => {
  it("lists my open agreements and my organisation's unnamed ones across cases, overdue first", async () => {
    const { owner, partner, caseId } = await caseWithPartner();
    const colleague = await loggedInUser({ organizationId: partner.organizationId });
    const second = await openCase(owner, "P. Bakker");
    await addMember(owner, second, partner.organizationId, "Budgetcoaching");
    const recordWith = async (forCase: string, agreements: Array<Record<string, unknown>>) => {
      const scheduled = await scheduleAs(
        owner,
        scheduleInput(forCase, { startsAt: twoWeeksAgo() }),
      );
      const result = await graphql(
        record,
        {
          input: {
            zorgoverlegId: scheduled.id,
            summary: "Afspraken gemaakt.",
            communicationAgreement: "Per mail.",
            agreements,
          },
        },
        owner.headers,
      );
      expect(result.errors).toBeUndefined();
    };
    const owned = (description: string, dueOn: string, ownerUserId?: string) => ({
      description,
      ownerOrganizationId: partner.organizationId,
      ownerUserId: ownerUserId ?? null,
      dueOn,
    });
    await recordWith(caseId, [
      owned("Later, van mij", daysFromToday(10), partner.id),
      owned("Gisteren, van de organisatie", daysFromToday(-1)),
      owned("Van mijn collega", daysFromToday(1), colleague.id),
    ]);
    await recordWith(second.caseId, [
      owned("Eergisteren, van mij", daysFromToday(-2), partner.id),
      owned("Morgen, van mij", daysFromToday(1), partner.id),
      {
        description: "Van de wijkteamorganisatie",
        ownerOrganizationId: owner.organizationId,
        dueOn: daysFromToday(-5),
      },
    ]);

    const mine = await graphql<{ myAgreements: Array<Agreement & { caseId: string }> }>(
      myAgreements,
      {},
      partner.headers,
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myAgreements.map((a) => [a.description, a.isOverdue])).toEqual([
      ["Eergisteren, van mij", true],
      ["Gisteren, van de organisatie", true],
      ["Morgen, van mij", false],
      ["Later, van mij", false],
    ]);
    expect(new Set(mine.data!.myAgreements.map((a) => a.caseId))).toEqual(
      new Set([caseId, second.caseId]),
    );
    const theirs = await graphql<{ myAgreements: Agreement[] }>(
      myAgreements,
      {},
      colleague.headers,
    );
    expect(theirs.data!.myAgreements.map((a) => a.description)).toEqual([
      "Gisteren, van de organisatie",
      "Van mijn collega",
    ]);
    const reads = (await accessLogOfCase(caseId)).filter(
      (e) => e.userId === partner.id && e.action === "READ" && e.objectType === "AGREEMENT",
    );
    expect(reads).toHaveLength(2);
  });

  it("are ticked off by the owner organisation only", async () => {
    const { owner, partner, caseId } = await caseWithPartner();
    const colleague = await loggedInUser({ organizationId: partner.organizationId });
    const scheduled = await scheduleAs(owner, scheduleInput(caseId, { startsAt: twoWeeksAgo() }));
    const recorded = await graphql<{ recordZorgoverleg: ZorgoverlegData }>(
      record,
      {
        input: {
          zorgoverlegId: scheduled.id,
          summary: "Afspraken gemaakt.",
          communicationAgreement: "Per mail.",
          agreements: [
            {
              description: "Inkomen en uitgaven op een rij",
              ownerOrganizationId: partner.organizationId,
              ownerUserId: partner.id,
              dueOn: daysFromToday(3),
            },
          ],
        },
      },
      owner.headers,
    );
    const agreementId = recorded.data!.recordZorgoverleg.agreements[0]!.id;

    const byTeamMember = await graphql(
      setStatus,
      { input: { agreementId, status: "DONE" } },
      owner.headers,
    );
    expect(byTeamMember.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    // Anyone of the owner organisation may tick it off, not only the named worker.
    const done = await graphql<{ setAgreementStatus: { status: string; statusChangedAt: string } }>(
      setStatus,
      { input: { agreementId, status: "DONE" } },
      colleague.headers,
    );
    expect(done.errors).toBeUndefined();
    expect(done.data!.setAgreementStatus.status).toBe("DONE");
    expect(done.data!.setAgreementStatus.statusChangedAt).not.toBeNull();
    const mine = await graphql<{ myAgreements: Agreement[] }>(myAgreements, {}, partner.headers);
    expect(mine.data!.myAgreements.map((a) => a.id)).not.toContain(agreementId);
    const seen = await graphql<{ zorgoverleg: ZorgoverlegData }>(
      readZorgoverleg,
      { id: scheduled.id },
      owner.headers,
    );
    expect(seen.data!.zorgoverleg.agreements[0]).toMatchObject({
      status: "DONE",
      isOverdue: false,
    });
    expect(
      (await accessLogOfCase(caseId)).filter(
        (e) => e.action === "UPDATE" && e.objectType === "AGREEMENT" && e.objectId === agreementId,
      ),
    ).toEqual([expect.objectContaining({ userId: colleague.id })]);
  });
});

describe("the invitation (.ics)", () => {
  const download = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${inject("baseUrl")}${url}`, { headers });

  it("is a meeting request in Amsterdam time that names no client", async () => {
    const owner = await loggedInUser();
    const opened = await openCase(owner, "Q. Verborgen-Naamloos");
    const { caseId } = opened;
    const partner = await loggedInUser();
    await addMember(owner, opened, partner.organizationId, "Kredietbank");
    // The next meetings in winter and in summer time.
    const winterDay = onAWorkingDay(nextDayOfYear("12-03"));
    const summerDay = onAWorkingDay(nextDayOfYear("06-10"));
    const compact = (day: string) => day.replaceAll("-", "");
    const winter = await scheduleAs(
      owner,
      scheduleInput(caseId, {
        startsAt: amsterdamInstant(winterDay, "10:00"),
        videoLink: "https://video.example/zorgoverleg-456",
        invitees: [{ organizationId: partner.organizationId, userId: partner.id }],
      }),
    );
    // 09:00 UTC in December is 10:00 in Amsterdam (CET).
    expect(winter.startsAt).toBe(`${winterDay}T09:00:00.000Z`);
    const response = await download(winter.invitationUrl, partner.headers);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar; charset=utf-8/);
    const body = await response.text();
    const lines = body.split("\r\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        "METHOD:REQUEST",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Amsterdam",
        `DTSTART;TZID=Europe/Amsterdam:${compact(winterDay)}T100000`,
        `DTEND;TZID=Europe/Amsterdam:${compact(winterDay)}T113000`,
        `SUMMARY:Zorgoverleg casus ${caseId.slice(0, 8).toUpperCase()}`,
        "LOCATION:Wijkcentrum Het Klarendal\\, zaal 2",
        "URL;VALUE=URI:https://video.example/zorgoverleg-456",
      ]),
    );
    expect(lines.find((line) => line.startsWith("DTSTAMP:"))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(lines.find((line) => line.startsWith("ORGANIZER"))).toContain(owner.email);
    expect(body.replace(/\r\n /g, "")).toContain(`MAILTO:${partner.email}`);
    expect(body).not.toMatch(/Verborgen|Naamloos/);

    // Summer time: 08:30 UTC in June is 10:30 in Amsterdam (CEST).
    const summer = await scheduleAs(
      owner,
      scheduleInput(caseId, {
        startsAt: amsterdamInstant(summerDay, "10:30"),
        durationMinutes: 60,
      }),
    );
    expect(summer.startsAt).toBe(`${summerDay}T08:30:00.000Z`);
    const summerBody = await (await download(summer.invitationUrl, owner.headers)).text();
    expect(summerBody).toContain(`DTSTART;TZID=Europe/Amsterdam:${compact(summerDay)}T103000\r\n`);
    expect(summerBody).toContain(`DTEND;TZID=Europe/Amsterdam:${compact(summerDay)}T113000\r\n`);

    const log = await accessLogOfCase(caseId);
    expect(log).toContainEqual(
      expect.objectContaining({
        userId: partner.id,
        action: "READ",
        objectType: "ZORGOVERLEG",
        objectId: winter.id,
      }),
    );
  });

  it("is for the case team only", async () => {
    const { owner, caseId } = await caseWithPartner();
    const scheduled = await scheduleAs(owner, scheduleInput(caseId));
    const outsider = await loggedInUser();
    expect((await download(scheduled.invitationUrl)).status).toBe(401);
    expect((await download(scheduled.invitationUrl, outsider.headers)).status).toBe(404);
    expect((await download("/zorgoverleg/geen-uuid/uitnodiging.ics", owner.headers)).status).toBe(
      404,
    );
    const body = await (await download(scheduled.invitationUrl, outsider.headers)).text();
    expect(body).not.toContain("BEGIN:VCALENDAR");
  });
});
