// A mixed workload at a fixed arrival rate (open loop: requests keep arriving whether or not
// the server keeps up, as users do), with the outcome of every request.
import { amsterdamToday } from "../../server/common/amsterdam-time.js";
import type { Queryable } from "../../server/db/queryable.js";
import { type Headers, logIn, must, type Outcome, percentile, post } from "./http.js";

export interface Sample {
  op: string;
  /** When the request started, in ms since the run began. */
  at: number;
  ms: number;
  code?: string;
  status: number;
}

export interface LoadFigures {
  requests: number;
  errors: number;
  errorRatePercent: number;
  p50: number;
  p95: number;
  p99: number;
  maxMs: number;
  byCode: Record<string, number>;
  byOp: Record<string, number>;
}

export function figures(samples: Sample[], isError = (sample: Sample) => !!sample.code) {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const errors = samples.filter(isError);
  const count = (key: (sample: Sample) => string) =>
    samples.reduce<Record<string, number>>((counts, sample) => {
      counts[key(sample)] = (counts[key(sample)] ?? 0) + 1;
      return counts;
    }, {});
  return {
    requests: samples.length,
    errors: errors.length,
    errorRatePercent: samples.length ? (100 * errors.length) / samples.length : 0,
    p50: Math.round(percentile(sorted, 0.5)),
    p95: Math.round(percentile(sorted, 0.95)),
    p99: Math.round(percentile(sorted, 0.99)),
    maxMs: Math.round(sorted.at(-1) ?? 0),
    byCode: count((sample) => sample.code ?? "OK"),
    byOp: count((sample) => sample.op),
  } satisfies LoadFigures;
}

interface PoolReferral {
  id: string;
  state: "ACCEPTED" | "ON_HOLD";
}

/**
 * The demo region's wijkteam worker with some cases, each with a referral the kredietbank has
 * accepted; the kredietbank worker moves those between ACCEPTED and ON_HOLD (a transition that
 * can go on for ever), one request per referral at a time so they never conflict.
 */
export class Workload {
  private referrals: PoolReferral[] = [];
  private caseIds: string[] = [];
  private worker: Headers = {};
  private partner: Headers = {};

  constructor(
    private baseUrl: string,
    private cases = 20,
  ) {}

  setBaseUrl(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async prepare(db: Queryable) {
    this.worker = await logIn(this.baseUrl, demo.worker, demo.password);
    this.partner = await logIn(this.baseUrl, demo.partner, demo.password);
    const [{ organization_id: partnerOrganizationId }] = (await db.query(
      "SELECT organization_id FROM app_user WHERE email = $1",
      [demo.partner],
    )) as [{ organization_id: string }];
    const [{ id: offeringId }] = (await db.query(
      "SELECT id FROM offering WHERE organization_id = $1 AND status = 'ACTIVE' ORDER BY id LIMIT 1",
      [partnerOrganizationId],
    )) as [{ id: string }];
    for (let index = 0; index < this.cases; index++) {
      const { caseId, referralId } = await acceptedReferral(
        this.baseUrl,
        this.worker,
        this.partner,
        partnerOrganizationId,
        offeringId,
      );
      this.caseIds.push(caseId);
      this.referrals.push({ id: referralId, state: "ACCEPTED" });
      this.allReferralIds.push(referralId);
    }
    return { partnerOrganizationId, offeringId };
  }

  /** Every referral the workload moves, to check their histories afterwards. */
  referralIds(): string[] {
    return this.allReferralIds;
  }

  private allReferralIds: string[] = [];

  /** One request of the mix: 45 % searches, 25 % case pages, 15 % inbox, 15 % transitions. */
  async next(): Promise<{ op: string; outcome: Outcome }> {
    const roll = Math.random();
    if (roll < 0.45) {
      const text = searchTexts[Math.floor(Math.random() * searchTexts.length)];
      const search = Math.random() < 0.3 ? { text, near: "6811", maxDistanceKm: 15 } : { text };
      return { op: "search", outcome: await post(this.baseUrl, searchQuery, { search }) };
    }
    if (roll < 0.7) {
      const id = this.caseIds[Math.floor(Math.random() * this.caseIds.length)];
      return { op: "casePage", outcome: await post(this.baseUrl, caseQuery, { id }, this.worker) };
    }
    if (roll < 0.85) {
      return { op: "inbox", outcome: await post(this.baseUrl, inboxQuery, {}, this.partner) };
    }
    const referral = this.referrals.shift();
    if (!referral) {
      return { op: "inbox", outcome: await post(this.baseUrl, inboxQuery, {}, this.partner) };
    }
    const to = referral.state === "ACCEPTED" ? "ON_HOLD" : "ACCEPTED";
    const outcome = await post(
      this.baseUrl,
      transitionQuery,
      { input: { referralId: referral.id, to, expectedState: referral.state } },
      this.partner,
    );
    // Not written (success aside) unless the answer got lost: then the state is unknown and
    // the referral leaves the pool.
    if (!outcome.code) this.referrals.push({ id: referral.id, state: to });
    else if (outcome.code !== "NETWORK") this.referrals.push(referral);
    return { op: "transition", outcome };
  }
}

export const demo = {
  worker: "sanne.devries@wijkteam-arnhem-noord.example",
  partner: "ingrid.jansen@kredietbank-rijn-en-veluwezoom.example",
  password: "ketenkaart-demo",
};

/** Open loop: `rate` requests a second for `seconds`, at most `maxInFlight` at once. */
export async function runLoad(
  workload: Workload,
  options: { rate: number; seconds: number; maxInFlight?: number; startedAt?: number },
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const started = options.startedAt ?? performance.now();
  const end = performance.now() + options.seconds * 1000;
  const running = new Set<Promise<void>>();
  const interval = 1000 / options.rate;
  let due = performance.now();
  while (performance.now() < end) {
    if (running.size < (options.maxInFlight ?? 400)) {
      const at = performance.now() - started;
      const request = workload.next().then(({ op, outcome }) => {
        samples.push({ op, at, ms: outcome.ms, code: outcome.code, status: outcome.status });
      });
      running.add(request);
      void request.finally(() => running.delete(request));
    }
    due += interval;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
  }
  await Promise.all(running);
  return samples;
}

const searchTexts = ["schuld", "budgetcoaching", "bewindvoering", "nazorg", "huur", "inkomen"];
const searchQuery = `query ($search: OfferingSearchInput) {
  offerings(search: $search, first: 20) {
    totalCount edges { distanceKm node { id title organization { name } } }
    facets { field values { value count } } } }`;
const caseQuery = `query ($id: ID!) { case(id: $id) {
  id phase client { id displayName consents { id isValid recipients { name } } }
  team { role organization { name } }
  regieHolder { id startedAt organization { name } user { name } }
  regieHistory { startedAt endedAt organization { name } }
  referrals { id state events { toState at } } } }`;
const inboxQuery = `{ referralInbox { id state urgency responseDueAt isResponseOverdue } }`;
const transitionQuery = `mutation ($input: ReferralTransitionInput!) {
  transitionReferral(input: $input) { id state } }`;

async function acceptedReferral(
  baseUrl: string,
  worker: Headers,
  partner: Headers,
  partnerOrganizationId: string,
  offeringId: string,
): Promise<{ caseId: string; referralId: string }> {
  const opened = await must<{ openCase: { id: string; client: { id: string } } }>(
    baseUrl,
    `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id client { id } } }`,
    {
      input: {
        client: { displayName: "L. Test", contactPreferences: ["TELEFOON"] },
        role: "Wijkteam",
      },
    },
    worker,
  );
  const consent = await must<{ recordConsent: { id: string } }>(
    baseUrl,
    `mutation ($clientId: ID!, $input: ConsentInput!) {
      recordConsent(clientId: $clientId, input: $input) { id } }`,
    {
      clientId: opened.openCase.client.id,
      input: {
        recipientOrganizationIds: [partnerOrganizationId],
        purpose: "Warme overdracht (belastingtest)",
        dataCategories: ["CONTACTGEGEVENS", "HULPVRAAG"],
        method: "SCHRIFTELIJK",
        givenOn: amsterdamToday(),
        validUntil: "2099-12-31",
      },
    },
    worker,
  );
  const started = await must<{ startReferral: { id: string } }>(
    baseUrl,
    `mutation ($input: StartReferralInput!) { startReferral(input: $input) { id } }`,
    {
      input: {
        caseId: opened.openCase.id,
        offeringId,
        question: "Hulp bij schulden",
        handoverSummary: "Belastingtest.",
        lifeDomains: ["FINANCIEN"],
        urgency: "NORMAAL",
        contactPreferences: ["TELEFOON"],
        consentId: consent.recordConsent.id,
      },
    },
    worker,
  );
  const referralId = started.startReferral.id;
  for (const [to, who] of [
    ["SENT", worker],
    ["ACCEPTED", partner],
  ] as const) {
    await must(baseUrl, transitionQuery, { input: { referralId, to } }, who);
  }
  return { caseId: opened.openCase.id, referralId };
}
