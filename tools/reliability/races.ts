// Three races, each of many identical requests at once on one object: accepting a referral,
// transferring regie, ticking off an agreement. Exactly one may win; the others must be told
// CONFLICT; and after every round the database must still tell one consistent story.
import { amsterdamToday } from "../../server/common/amsterdam-time.js";
import type { Queryable } from "../../server/db/queryable.js";
import { type Headers, must, type Outcome, post } from "./http.js";

export interface Actor {
  headers: Headers;
  organizationId: string;
}

/** A worker who opens cases, a partner organisation's worker, and an offering of that partner. */
export interface RaceActors {
  owner: Actor;
  partner: Actor;
  partnerOfferingId: string;
}

export type RaceName = "acceptReferral" | "transferRegie" | "markAgreementDone";

export interface RaceRound {
  race: RaceName;
  winners: number;
  conflicts: number;
  /** Codes of responses that were neither a win nor a CONFLICT. */
  otherCodes: string[];
  /** Broken invariants found after the round; empty when all hold. */
  violations: string[];
  ms: number;
}

const openCase = `mutation ($input: OpenCaseInput!) {
  openCase(input: $input) { id client { id } regieHolder { id } } }`;
const recordConsent = `mutation ($clientId: ID!, $input: ConsentInput!) {
  recordConsent(clientId: $clientId, input: $input) { id } }`;
const startReferral = `mutation ($input: StartReferralInput!) { startReferral(input: $input) { id } }`;
const transition = `mutation ($input: ReferralTransitionInput!) {
  transitionReferral(input: $input) { id state } }`;
const transferRegie = `mutation ($input: TransferRegieInput!) { transferRegie(input: $input) { id } }`;
const schedule = `mutation ($input: ScheduleZorgoverlegInput!) { scheduleZorgoverleg(input: $input) { id } }`;
const record = `mutation ($input: RecordZorgoverlegInput!) {
  recordZorgoverleg(input: $input) { id agreements { id } } }`;
const setAgreementStatus = `mutation ($input: SetAgreementStatusInput!) {
  setAgreementStatus(input: $input) { id status } }`;

/** One round of all three races on a fresh case; returns a result per race. */
export async function raceRound(
  baseUrl: string,
  db: Queryable,
  actors: RaceActors,
  parallel: number,
): Promise<RaceRound[]> {
  const { owner, partner } = actors;
  const opened = await must<{
    openCase: { id: string; client: { id: string }; regieHolder: { id: string } };
  }>(
    baseUrl,
    openCase,
    {
      input: {
        client: { displayName: "R. Test", contactPreferences: ["TELEFOON"] },
        role: "Wijkteam",
      },
    },
    owner.headers,
  );
  const caseId = opened.openCase.id;
  const consent = await must<{ recordConsent: { id: string } }>(
    baseUrl,
    recordConsent,
    {
      clientId: opened.openCase.client.id,
      input: {
        recipientOrganizationIds: [partner.organizationId],
        purpose: "Warme overdracht (betrouwbaarheidstest)",
        dataCategories: ["CONTACTGEGEVENS", "HULPVRAAG"],
        method: "SCHRIFTELIJK",
        givenOn: amsterdamToday(),
        validUntil: "2099-12-31",
      },
    },
    owner.headers,
  );
  const referral = await must<{ startReferral: { id: string } }>(
    baseUrl,
    startReferral,
    {
      input: {
        caseId,
        offeringId: actors.partnerOfferingId,
        question: "Hulp bij een schuldregeling",
        handoverSummary: "Betrouwbaarheidstest: gelijktijdig accepteren.",
        lifeDomains: ["FINANCIEN"],
        urgency: "NORMAAL",
        contactPreferences: ["TELEFOON"],
        consentId: consent.recordConsent.id,
      },
    },
    owner.headers,
  );
  const referralId = referral.startReferral.id;
  await must(
    baseUrl,
    transition,
    { input: { referralId, to: "SENT", expectedState: "DRAFT" } },
    owner.headers,
  );

  const rounds: RaceRound[] = [];
  rounds.push(
    await race("acceptReferral", parallel, () =>
      post(
        baseUrl,
        transition,
        { input: { referralId, to: "ACCEPTED", expectedState: "SENT" } },
        partner.headers,
      ),
    ),
  );
  rounds.at(-1)!.violations.push(...(await referralInvariants(db, referralId, "ACCEPTED")));

  // Half of the requests from each side of the team, all having seen the same holder.
  rounds.push(
    await race("transferRegie", parallel, (index) =>
      post(
        baseUrl,
        transferRegie,
        {
          input: {
            caseId,
            toOrganizationId: partner.organizationId,
            expectedAssignmentId: opened.openCase.regieHolder.id,
            reason: `Regie naar de partner (poging ${index + 1})`,
          },
        },
        index % 2 ? owner.headers : partner.headers,
      ),
    ),
  );
  rounds.at(-1)!.violations.push(...(await regieInvariants(db, caseId, partner.organizationId)));

  const scheduled = await must<{ scheduleZorgoverleg: { id: string } }>(
    baseUrl,
    schedule,
    {
      input: {
        caseId,
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        durationMinutes: 30,
        location: "Wijkcentrum",
        clientParticipates: false,
        invitees: [],
      },
    },
    owner.headers,
  );
  const recorded = await must<{ recordZorgoverleg: { agreements: Array<{ id: string }> } }>(
    baseUrl,
    record,
    {
      input: {
        zorgoverlegId: scheduled.scheduleZorgoverleg.id,
        summary: "Betrouwbaarheidstest",
        communicationAgreement: "Via Ketenkaart",
        agreements: [
          {
            description: "Aanvraag indienen",
            ownerOrganizationId: partner.organizationId,
            dueOn: "2099-01-01",
          },
        ],
      },
    },
    owner.headers,
  );
  const agreementId = recorded.recordZorgoverleg.agreements[0]!.id;
  rounds.push(
    await race("markAgreementDone", parallel, () =>
      post(
        baseUrl,
        setAgreementStatus,
        { input: { agreementId, status: "DONE" } },
        partner.headers,
      ),
    ),
  );
  rounds.at(-1)!.violations.push(...(await agreementInvariants(db, agreementId)));
  return rounds;
}

async function race(
  name: RaceName,
  parallel: number,
  attempt: (index: number) => Promise<Outcome>,
): Promise<RaceRound> {
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: parallel }, (_, index) => attempt(index)),
  );
  const winners = outcomes.filter((outcome) => !outcome.code).length;
  const conflicts = outcomes.filter((outcome) => outcome.code === "CONFLICT").length;
  const otherCodes = outcomes.flatMap((outcome) =>
    outcome.code && outcome.code !== "CONFLICT" ? [outcome.code] : [],
  );
  const violations = winners === 1 ? [] : [`${name}: ${winners} winners instead of 1`];
  return {
    race: name,
    winners,
    conflicts,
    otherCodes,
    violations,
    ms: performance.now() - started,
  };
}

/** The events chain from DRAFT to the current state, each step starting where the last ended. */
export async function referralInvariants(
  db: Queryable,
  referralId: string,
  expectedState: string,
): Promise<string[]> {
  const [referral] = (await db.query("SELECT state FROM referral WHERE id = $1", [
    referralId,
  ])) as Array<{ state: string }>;
  const events = (await db.query(
    `SELECT from_state, to_state FROM referral_event WHERE referral_id = $1 ORDER BY id`,
    [referralId],
  )) as Array<{ from_state: string | null; to_state: string }>;
  const problems: string[] = [];
  if (referral?.state !== expectedState)
    problems.push(`referral: state ${referral?.state} instead of ${expectedState}`);
  let previous: string | null = null;
  for (const event of events) {
    if (event.from_state !== previous)
      problems.push(`referral: event ${event.from_state}→${event.to_state} after ${previous}`);
    previous = event.to_state;
  }
  if (events[0]?.to_state !== "DRAFT") problems.push("referral: history does not start at DRAFT");
  if (previous !== referral?.state)
    problems.push(`referral: history ends at ${previous}, state is ${referral?.state}`);
  return problems;
}

/** Exactly one current holder, the expected one, and a history without overlaps. */
export async function regieInvariants(
  db: Queryable,
  caseId: string,
  expectedHolder: string,
): Promise<string[]> {
  const rows = (await db.query(
    `SELECT organization_id, started_at, ended_at FROM regie_assignment
      WHERE case_id = $1 ORDER BY started_at, id`,
    [caseId],
  )) as Array<{ organization_id: string; started_at: Date; ended_at: Date | null }>;
  const problems: string[] = [];
  const current = rows.filter((row) => row.ended_at === null);
  if (current.length !== 1) problems.push(`regie: ${current.length} current holders`);
  if (current[0]?.organization_id !== expectedHolder) problems.push("regie: wrong holder");
  if (rows.length !== 2) problems.push(`regie: ${rows.length} assignments instead of 2`);
  for (let index = 1; index < rows.length; index++) {
    const before = rows[index - 1]!;
    if (!before.ended_at || before.ended_at > rows[index]!.started_at)
      problems.push("regie: overlapping assignments");
  }
  return problems;
}

/** Done once: status and its change recorded together, and one write in the access log. */
export async function agreementInvariants(db: Queryable, agreementId: string): Promise<string[]> {
  const [agreement] = (await db.query(
    `SELECT status, status_changed_at, status_changed_by_user_id FROM agreement WHERE id = $1`,
    [agreementId],
  )) as Array<{
    status: string;
    status_changed_at: Date | null;
    status_changed_by_user_id: string | null;
  }>;
  const [{ writes }] = (await db.query(
    `SELECT count(*)::int AS writes FROM access_log
      WHERE object_type = 'AGREEMENT' AND object_id = $1 AND action = 'UPDATE'`,
    [agreementId],
  )) as [{ writes: number }];
  const problems: string[] = [];
  if (agreement?.status !== "DONE") problems.push(`agreement: status ${agreement?.status}`);
  if (!agreement?.status_changed_at || !agreement.status_changed_by_user_id)
    problems.push("agreement: status changed without when and by whom");
  if (writes !== 1) problems.push(`agreement: ${writes} status writes instead of 1`);
  return problems;
}
