import type { DataSource, EntityManager } from "typeorm";
import { logAccess } from "../access-log/access-log.service.js";
import type { Viewer } from "../security/viewer.js";
import { assertCaseMember, teamAccessSql } from "../case/case.policy.js";
import { joinCaseTeam } from "../case/case.service.js";
import {
  caseSharingCategory,
  consentInForceSql,
  consentSharesCaseSql,
} from "../inwoner/consent.service.js";
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { type Queryable, queryByIds, returnedRows } from "../db/queryable.js";
import type { Config } from "../config.js";
import { ReferralState, referralStateLabels, Urgency } from "./referral.entity.js";
import type { ReferralTransitionInput, StartReferralInput } from "./referral.inputs.js";
import { transitionFor } from "./referral.transitions.js";
import type { WorkingDayCalendar } from "../common/working-days.js";
import { inTransaction } from "../common/transaction.js";
import { ChangeKind } from "../live/live-change.js";
import { announceChange } from "../live/live.service.js";
import { enqueueReferralMail } from "../mail/mail-outbox.service.js";

/** NVVK Belofte: respond within 2 working days, plan the intake within 10. */
const responseWorkingDays = 2;
const intakeWorkingDays = 10;

const conflict = () =>
  new ConflictError(
    "Iemand anders heeft deze overdracht net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.",
  );

const referralNotFound = () =>
  new NotFoundError("Deze overdracht bestaat niet of u heeft er geen toegang toe.");

interface ReferralRow {
  id: string;
  case_id: string;
  client_id: string;
  state: ReferralState;
  urgency: Urgency;
  sender_organization_id: string;
  receiver_organization_id: string;
  consent_id: string | null;
  /** The consent shares the case with the receiver: named, in force, covering the question. */
  consent_valid: boolean;
  /** The consent names the receiver and is in force, whatever it covers. */
  consent_in_force: boolean;
  /** The viewer's organisation is on the case team and may see the case now. */
  viewer_on_team: boolean;
  offering_title: string;
}

/**
 * The referral as the viewer may know it. A receiver the consent no longer shares the case
 * with does not see the referral row (row-level security); for it the referral comes from
 * `ketenkaart_referrals_after_consent`, which gives what closing it needs and nothing more.
 */
export async function referralRow(
  db: Queryable,
  viewer: Viewer,
  id: string,
): Promise<ReferralRow | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = (await db.query(
    `SELECT r.id, r.case_id, c.client_id, r.state, r.urgency, r.sender_organization_id,
            r.receiver_organization_id, r.consent_id, o.title AS offering_title,
            coalesce(${consentSharesCaseSql("k", "r.receiver_organization_id")}, false) AS consent_valid,
            coalesce(r.receiver_organization_id = ANY (k.recipient_organization_ids)
                     AND ${consentInForceSql("k")}, false) AS consent_in_force,
            ${teamAccessSql("r.case_id", "$2::uuid")} AS viewer_on_team
       FROM referral r
       JOIN care_case c ON c.id = r.case_id
       JOIN offering o ON o.id = r.offering_id
       LEFT JOIN consent k ON k.id = r.consent_id
      WHERE r.id = $1`,
    [id, viewer.organizationId],
  )) as ReferralRow[];
  if (rows[0]) return rows[0];
  const afterConsent = (await db.query(
    `SELECT v.id, v."caseId" AS case_id, v."clientId" AS client_id, v.state, v.urgency,
            v."senderOrganizationId" AS sender_organization_id,
            v."receiverOrganizationId" AS receiver_organization_id, v."consentId" AS consent_id,
            o.title AS offering_title, false AS consent_valid, false AS consent_in_force,
            false AS viewer_on_team
       FROM ketenkaart_referrals_after_consent(ARRAY[$1::uuid]) v
       JOIN offering o ON o.id = v."offeringId"`,
    [id],
  )) as ReferralRow[];
  return afterConsent[0];
}

/**
 * How the viewer stands to a referral, or null when it is none of theirs:
 * - SENDER: its organisation sent it and is on the case team (may still see the case);
 * - RECEIVER: it receives it, from SENT on, while the consent it rests on shares the case;
 * - AFTER_CONSENT: it receives it, but that consent was withdrawn or expired: from then on it
 *   sees no client data and may only close the referral, with an outcome or a reason.
 */
type Access = "SENDER" | "RECEIVER" | "AFTER_CONSENT";

export function accessOf(viewer: Viewer, referral: ReferralRow): Access | null {
  if (viewer.organizationId === referral.sender_organization_id && referral.viewer_on_team) {
    return "SENDER";
  }
  if (
    viewer.organizationId !== referral.receiver_organization_id ||
    referral.state === ReferralState.DRAFT
  ) {
    return null;
  }
  return referral.consent_valid ? "RECEIVER" : "AFTER_CONSENT";
}

/** The states that close a referral: all a receiver may still reach after the consent ended. */
export const closingStates: ReadonlySet<ReferralState> = new Set([
  ReferralState.DECLINED,
  ReferralState.CANCELLED,
  ReferralState.COMPLETED,
  ReferralState.FAILED,
]);

/** The basis on which a receiver reads a referral it may only close: it is its own. */
export const ownReferralBasis = "OWN_REFERRAL";

const onlyClosing = () =>
  new ForbiddenError(
    "De inwoner heeft de toestemming voor uw organisatie ingetrokken, of die is verlopen. U kunt deze overdracht alleen nog afsluiten, met een uitkomst of reden.",
  );

/** Starts a referral (a draft) from an offering for the client of one of the viewer's cases. */
export async function startReferral(
  db: DataSource,
  viewer: Viewer,
  input: StartReferralInput,
): Promise<string> {
  return inTransaction(db, async (manager) => {
    await assertCaseMember(manager, viewer, input.caseId);
    const offerings = await queryByIds<{
      organization_id: string;
      status: string;
    }>(manager, "SELECT organization_id, status FROM offering WHERE id = $1", [input.offeringId]);
    const offering = offerings[0];
    if (!offering || offering.status !== "ACTIVE") {
      throw new UserInputError("Kies een actief aanbod op de sociale kaart.", "offeringId");
    }
    const [{ client_id: clientId }] = (await manager.query(
      "SELECT client_id FROM care_case WHERE id = $1",
      [input.caseId],
    )) as [{ client_id: string }];
    if (input.consentId) await assertConsentForReferral(manager, input.consentId, clientId);
    const [{ id }] = (await manager.query(
      `INSERT INTO referral (case_id, offering_id, sender_organization_id, sender_user_id, receiver_organization_id,
         consent_id, question, handover_summary, life_domains, urgency, contact_preferences, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'DRAFT') RETURNING id`,
      [
        input.caseId,
        input.offeringId,
        viewer.organizationId,
        viewer.userId,
        offering.organization_id,
        input.consentId ?? null,
        input.question,
        input.handoverSummary,
        [...new Set(input.lifeDomains)],
        input.urgency,
        [...new Set(input.contactPreferences)],
      ],
    )) as [{ id: string }];
    await recordEvent(manager, viewer, id, null, ReferralState.DRAFT, null);
    // A draft is the sender's alone.
    await announceChange(manager, ChangeKind.REFERRAL, {
      organizationIds: [viewer.organizationId],
    });
    await logAccess(manager, viewer, "CREATE", { type: "REFERRAL", id, clientId }, "CASE_TEAM");
    return id;
  });
}

/**
 * Moves a referral to its next state, if the transition exists and the viewer's side may make
 * it. Two workers acting at once: the update only applies to the state both saw, so exactly one
 * wins and the other gets CONFLICT, with nothing half-written.
 */
export async function transitionReferral(
  db: DataSource,
  viewer: Viewer,
  input: ReferralTransitionInput,
  calendar: WorkingDayCalendar,
  config: Config,
): Promise<void> {
  const referral = await referralRow(db, viewer, input.referralId);
  const access = referral && accessOf(viewer, referral);
  if (!referral || !access) throw referralNotFound();
  const side = access === "SENDER" ? "SENDER" : "RECEIVER";

  if (
    (input.expectedState && input.expectedState !== referral.state) ||
    (input.to === referral.state && !transitionFor(referral.state, input.to))
  ) {
    throw conflict();
  }
  const rule = transitionFor(referral.state, input.to);
  if (!rule) {
    throw new UserInputError(
      `Een overdracht met status '${referralStateLabels[referral.state]}' kan niet naar '${referralStateLabels[input.to]}'.`,
      "to",
    );
  }
  if (rule.by !== "EITHER" && rule.by !== side) {
    throw new ForbiddenError(
      rule.by === "RECEIVER"
        ? "Alleen de ontvangende organisatie kan deze stap zetten."
        : "Alleen de verwijzer kan deze stap zetten.",
    );
  }
  if (access === "AFTER_CONSENT" && !closingStates.has(input.to)) throw onlyClosing();
  const note = input.note?.trim() || null;
  if ((rule.requires === "reason" || rule.requires === "outcome") && !note) {
    throw new UserInputError(
      rule.requires === "outcome"
        ? "Meld de uitkomst terug aan de verwijzer."
        : "Geef een reden op.",
      "note",
    );
  }
  if (rule.requires === "introductionAt" && !input.introductionAt) {
    throw new UserInputError("Kies datum en tijd van de kennismaking.", "introductionAt");
  }
  if (input.to === ReferralState.SENT && !referral.consent_in_force) {
    throw new UserInputError(
      "Versturen kan alleen op een geldige toestemming van de inwoner voor deze organisatie.",
      "consentId",
    );
  }
  if (input.to === ReferralState.SENT && !referral.consent_valid) throw questionNotCovered();
  if (access === "AFTER_CONSENT") {
    // Every closing step asks for a note (the table's reason or outcome), checked above.
    await closeAfterConsent(db, viewer, referral, input.to, note!);
    return;
  }

  await inTransaction(db, async (manager) => {
    const now = new Date();
    const sets = ["state = $3", "updated_at = now()"];
    const values: unknown[] = [referral.id, referral.state, input.to];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (input.to === ReferralState.SENT) {
      const responseDays =
        referral.urgency === Urgency.CRISIS
          ? config.crisisResponseWorkingDays
          : responseWorkingDays;
      set("sent_at", now);
      set("response_due_at", calendar.deadline(now, responseDays));
      set("intake_due_at", calendar.deadline(now, intakeWorkingDays));
    }
    if (input.to === ReferralState.INTRO_PLANNED) set("introduction_at", input.introductionAt);
    if (input.to === ReferralState.COMPLETED) set("outcome", note);
    const rows = returnedRows(
      await manager.query(
        `UPDATE referral SET ${sets.join(", ")} WHERE id = $1 AND state = $2 RETURNING id`,
        values,
      ),
    );
    if (rows.length === 0) {
      throw new ConflictError(
        "Iemand anders heeft deze overdracht net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.",
      );
    }
    if (input.to === ReferralState.ACCEPTED) {
      // Accepting makes the receiver part of the case team, on the consent the referral rests on.
      await joinCaseTeam(
        manager,
        referral.case_id,
        referral.receiver_organization_id,
        referral.offering_title,
        { field: "consentId" },
      );
    }
    // In this transaction: no mail for a change that rolls back, no change without its mail.
    if (input.to === ReferralState.SENT) {
      await enqueueReferralMail(manager, config.mail, "NEW_REFERRAL", [referral.id]);
    }
    await recordEvent(manager, viewer, referral.id, referral.state, input.to, note);
    await announceChange(manager, ChangeKind.REFERRAL, {
      organizationIds: [referral.sender_organization_id, referral.receiver_organization_id],
    });
    await logAccess(
      manager,
      viewer,
      "UPDATE",
      { type: "REFERRAL", id: referral.id, clientId: referral.client_id },
      side === "SENDER" ? "CASE_TEAM" : `CONSENT:${referral.consent_id}`,
    );
  });
}

/**
 * The receiver closes its referral after the consent ended, through the one database function
 * that may (it no longer sees the referral row): in its own name, only to a closing state, only
 * from the state the worker saw.
 */
async function closeAfterConsent(
  db: DataSource,
  viewer: Viewer,
  referral: ReferralRow,
  to: ReferralState,
  note: string,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const [{ closed }] = (await manager.query(
      "SELECT ketenkaart_close_referral_after_consent($1, $2, $3, $4, $5) AS closed",
      [referral.id, referral.state, to, note, viewer.userId],
    )) as [{ closed: boolean }];
    if (!closed) throw conflict();
    await announceChange(manager, ChangeKind.REFERRAL, {
      organizationIds: [referral.sender_organization_id, referral.receiver_organization_id],
    });
    await logAccess(
      manager,
      viewer,
      "UPDATE",
      { type: "REFERRAL", id: referral.id, clientId: referral.client_id },
      ownReferralBasis,
    );
  });
}

/** How a referral is read: as the case team, on its consent, or by its receiver after it. */
const questionNotCovered = () =>
  new UserInputError(
    "Deze toestemming geldt niet voor de hulpvraag en de overdrachtssamenvatting, dus die kunnen niet mee met de overdracht. Leg met de inwoner een toestemming vast die ook de hulpvraag omvat, en kies die.",
    "consentId",
  );

async function assertConsentForReferral(
  manager: EntityManager,
  consentId: string,
  clientId: string,
) {
  const rows = await queryByIds<{ covers: boolean }>(
    manager,
    `SELECT '${caseSharingCategory}' = ANY (data_categories) AS covers
       FROM consent WHERE id = $1 AND client_id = $2`,
    [consentId, clientId],
  );
  if (rows.length === 0) {
    throw new UserInputError("Kies een toestemming van deze inwoner.", "consentId");
  }
  if (!rows[0]!.covers) throw questionNotCovered();
}

async function recordEvent(
  manager: EntityManager,
  viewer: Viewer,
  referralId: string,
  from: ReferralState | null,
  to: ReferralState,
  note: string | null,
) {
  await manager.query(
    `INSERT INTO referral_event (referral_id, from_state, to_state, user_id, organization_id, note)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [referralId, from, to, viewer.userId, viewer.organizationId, note],
  );
}
