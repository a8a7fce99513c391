import type { DataSource } from "typeorm";
import { logAccess } from "../access-log/access-log.service.js";
import type { Viewer } from "../security/viewer.js";
import { assertCaseMember, caseNotFound, isTeamMemberWithAccess } from "../case/case.policy.js";
import { CasePhase } from "../case/case.entity.js";
import { ConflictError, UserInputError } from "../common/errors.js";
import { type Queryable, queryByIds, returnedRows } from "../db/queryable.js";
import { paletteIntensity, type PaletteLevel } from "../taxonomy/taxonomy.js";
import { NazorgAdjustmentKind, NazorgPlanStatus } from "./nazorg-plan.entity.js";
import type {
  AdjustNazorgPlanInput,
  CreateNazorgPlanInput,
  UpdateNazorgPlanInput,
} from "./nazorg.inputs.js";
import { planOfTeam, type PlanOfCase } from "./nazorg.policy.js";
import { inTransaction } from "../common/transaction.js";
import { ChangeKind } from "../live/live-change.js";
import { announceChange } from "../live/live.service.js";

export const teamBasis = "CASE_TEAM";

/** Nazorg lasts 12 months after the trajectory, 24 after a saneringskrediet (DOMAIN.md). */
export const defaultDurationMonths = { regular: 12, saneringskrediet: 24 } as const;

/**
 * The default contact moments: after 3 and 6 months (the first six months are critical), then
 * every six months from 12 on, and always one at the end: 3/6/12 for a year, 3/6/12/18/24 for two.
 */
export function defaultContactMonths(durationMonths: number): number[] {
  const months = new Set([3, 6].filter((month) => month <= durationMonths));
  for (let month = 12; month <= durationMonths; month += 6) months.add(month);
  months.add(durationMonths);
  return [...months].sort((a, b) => a - b);
}

/** The responsible organisation is on the case team; the worker, if named, works there. */
async function assertResponsible(
  manager: Queryable,
  caseId: string,
  organizationId: string,
  userId: string | null | undefined,
): Promise<void> {
  if (!(await isTeamMemberWithAccess(manager, caseId, organizationId))) {
    throw new UserInputError(
      "Kies een organisatie uit het casusteam als verantwoordelijke.",
      "responsibleOrganizationId",
    );
  }
  if (userId) {
    const worker = await queryByIds<unknown>(
      manager,
      "SELECT 1 FROM app_user WHERE id = $1 AND organization_id = $2 AND disabled_at IS NULL",
      [userId, organizationId],
    );
    if (worker.length === 0) {
      throw new UserInputError(
        "Kies een medewerker van de verantwoordelijke organisatie.",
        "responsibleUserId",
      );
    }
  }
}

export async function planContacts(
  manager: Queryable,
  planId: string,
  dates: string[],
): Promise<void> {
  if (dates.length === 0) return;
  await manager.query(
    `INSERT INTO nazorg_contact (plan_id, planned_on)
     SELECT $1, d FROM unnest($2::date[]) d
      WHERE NOT EXISTS (SELECT 1 FROM nazorg_contact WHERE plan_id = $1 AND planned_on = d)`,
    [planId, dates],
  );
}

export async function touchPlan(
  manager: Queryable,
  viewer: Viewer,
  plan: PlanOfCase,
): Promise<void> {
  await manager.query("UPDATE nazorg_plan SET updated_at = now() WHERE id = $1", [plan.planId]);
  await announceChange(manager, ChangeKind.NAZORG, { caseId: plan.caseId });
  await logAccess(
    manager,
    viewer,
    "UPDATE",
    { type: "NAZORG_PLAN", id: plan.planId, clientId: plan.clientId },
    teamBasis,
  );
}

/**
 * Creates the nazorg plan of a case with its default contact moments. A case not yet in nazorg
 * moves to NAZORG in the same step: the plan is made when the trajectory ends, and asking the
 * worker to change the phase first would only add a step to forget. A closed case gets no plan.
 */
export async function createNazorgPlan(
  db: DataSource,
  viewer: Viewer,
  input: CreateNazorgPlanInput,
): Promise<string> {
  return inTransaction(db, async (manager) => {
    const locked = await queryByIds<{ clientId: string; phase: CasePhase }>(
      manager,
      'SELECT client_id AS "clientId", phase FROM care_case WHERE id = $1 FOR UPDATE',
      [input.caseId],
    );
    if (!locked[0]) throw caseNotFound();
    await assertCaseMember(manager, viewer, input.caseId);
    const { clientId, phase } = locked[0];
    if (phase === CasePhase.AFGESLOTEN) {
      throw new UserInputError("Een afgesloten casus krijgt geen nazorgplan.", "caseId");
    }
    let startsOn: string;
    if (input.saneringskrediet) {
      if (!input.creditGrantedOn) {
        throw new UserInputError(
          "Vul de datum in waarop het saneringskrediet verstrekt is.",
          "creditGrantedOn",
        );
      }
      startsOn = input.creditGrantedOn;
    } else {
      if (!input.trajectoryEndedOn) {
        throw new UserInputError("Vul de einddatum van het traject in.", "trajectoryEndedOn");
      }
      startsOn = input.trajectoryEndedOn;
    }
    const durationMonths =
      input.durationMonths ??
      (input.saneringskrediet
        ? defaultDurationMonths.saneringskrediet
        : defaultDurationMonths.regular);
    await assertResponsible(
      manager,
      input.caseId,
      input.responsibleOrganizationId,
      input.responsibleUserId,
    );
    const existing = (await manager.query("SELECT 1 FROM nazorg_plan WHERE case_id = $1", [
      input.caseId,
    ])) as unknown[];
    if (existing.length > 0) {
      throw new ConflictError("Deze casus heeft al een nazorgplan. Pas dat plan aan.");
    }
    const [{ id }] = (await manager.query(
      `INSERT INTO nazorg_plan (case_id, status, trajectory_ended_on, saneringskrediet, credit_granted_on,
         starts_on, duration_months, responsible_organization_id, responsible_user_id, palette_level,
         client_wishes, created_by_user_id)
       VALUES ($1, 'ACTIVE', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        input.caseId,
        input.trajectoryEndedOn ?? null,
        input.saneringskrediet,
        input.saneringskrediet ? input.creditGrantedOn : null,
        startsOn,
        durationMonths,
        input.responsibleOrganizationId,
        input.responsibleUserId ?? null,
        input.paletteLevel ?? null,
        input.clientWishes?.trim() || null,
        viewer.userId,
      ],
    )) as [{ id: string }];
    // Month arithmetic in PostgreSQL: 31 January + 3 months is 30 April, not 1 May.
    await manager.query(
      `INSERT INTO nazorg_contact (plan_id, planned_on)
       SELECT $1, ($2::date + make_interval(months => m))::date FROM unnest($3::int[]) m`,
      [id, startsOn, defaultContactMonths(durationMonths)],
    );
    await logAccess(manager, viewer, "CREATE", { type: "NAZORG_PLAN", id, clientId }, teamBasis);
    await announceChange(manager, ChangeKind.NAZORG, { caseId: input.caseId });
    if (phase !== CasePhase.NAZORG) {
      await manager.query(
        "UPDATE care_case SET phase = 'NAZORG', updated_at = now() WHERE id = $1",
        [input.caseId],
      );
      await logAccess(
        manager,
        viewer,
        "UPDATE",
        { type: "CASE", id: input.caseId, clientId },
        teamBasis,
      );
    }
    return id;
  });
}

/** Who does the nazorg, the palette level and the client's wishes. */
export async function updateNazorgPlan(
  db: DataSource,
  viewer: Viewer,
  input: UpdateNazorgPlanInput,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const plan = await planOfTeam(manager, viewer, input.planId, true);
    assertActive(plan);
    await assertResponsible(
      manager,
      plan.caseId,
      input.responsibleOrganizationId,
      input.responsibleUserId,
    );
    await manager.query(
      `UPDATE nazorg_plan SET responsible_organization_id = $2, responsible_user_id = $3,
              palette_level = $4, client_wishes = $5
        WHERE id = $1`,
      [
        plan.planId,
        input.responsibleOrganizationId,
        input.responsibleUserId ?? null,
        input.paletteLevel ?? null,
        input.clientWishes?.trim() || null,
      ],
    );
    await touchPlan(manager, viewer, plan);
  });
}

export function assertActive(plan: PlanOfCase): void {
  if (plan.status !== NazorgPlanStatus.ACTIVE) {
    throw new UserInputError(
      "Voor deze casus is vastgelegd dat nazorg niet haalbaar is.",
      "planId",
    );
  }
}

/**
 * Extends, intensifies or shortens the plan with a reason, kept as history. Extending plans a
 * contact at the new end; shortening removes the planned moments after it that were never held;
 * intensifying asks for a more intensive palette level or extra contact moments.
 */
export async function adjustNazorgPlan(
  db: DataSource,
  viewer: Viewer,
  input: AdjustNazorgPlanInput,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const plan = await planOfTeam(manager, viewer, input.planId, true);
    assertActive(plan);
    const current = plan.durationMonths!;
    let newDuration = current;
    let newPalette = plan.paletteLevel as PaletteLevel | null;
    if (input.kind === NazorgAdjustmentKind.EXTEND || input.kind === NazorgAdjustmentKind.SHORTEN) {
      const longer = input.kind === NazorgAdjustmentKind.EXTEND;
      if (
        !input.durationMonths ||
        (longer ? input.durationMonths <= current : input.durationMonths >= current)
      ) {
        throw new UserInputError(
          longer
            ? `Kies een duur langer dan de huidige ${current} maanden.`
            : `Kies een duur korter dan de huidige ${current} maanden.`,
          "durationMonths",
        );
      }
      newDuration = input.durationMonths;
    } else {
      const extra = input.addPlannedOn ?? [];
      const moreIntensive =
        input.paletteLevel &&
        (!plan.paletteLevel ||
          paletteIntensity(input.paletteLevel) >
            paletteIntensity(plan.paletteLevel as PaletteLevel));
      if (input.paletteLevel && !moreIntensive) {
        throw new UserInputError(
          "Kies bij intensiveren een intensievere plek op het palet.",
          "paletteLevel",
        );
      }
      if (!moreIntensive && extra.length === 0) {
        throw new UserInputError(
          "Kies bij intensiveren een intensievere plek op het palet of extra contactmomenten.",
          "addPlannedOn",
        );
      }
      if (input.paletteLevel) newPalette = input.paletteLevel;
      await planContacts(manager, plan.planId, [...new Set(extra)]);
    }
    const [{ endsOn }] = returnedRows<{ endsOn: string }>(
      await manager.query(
        `UPDATE nazorg_plan SET duration_months = $2, palette_level = $3 WHERE id = $1
         RETURNING ends_on::text AS "endsOn"`,
        [plan.planId, newDuration, newPalette],
      ),
    );
    if (input.kind === NazorgAdjustmentKind.EXTEND) {
      await planContacts(manager, plan.planId, [endsOn]);
    }
    if (input.kind === NazorgAdjustmentKind.SHORTEN) {
      await manager.query(
        "DELETE FROM nazorg_contact WHERE plan_id = $1 AND held_on IS NULL AND planned_on > $2",
        [plan.planId, endsOn],
      );
    }
    await manager.query(
      `INSERT INTO nazorg_plan_adjustment (plan_id, kind, reason, previous_duration_months, new_duration_months,
         previous_palette_level, new_palette_level, decided_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        plan.planId,
        input.kind,
        input.reason.trim(),
        current,
        newDuration,
        plan.paletteLevel,
        newPalette,
        viewer.userId,
      ],
    );
    await touchPlan(manager, viewer, plan);
  });
}

/**
 * Records that nazorg is not feasible, with the reason (required): as the case's plan when there
 * is none yet, or ending the active plan, whose open moments then no longer fall due.
 */
export async function recordNazorgNotFeasible(
  db: DataSource,
  viewer: Viewer,
  caseId: string,
  reason: string,
): Promise<string> {
  const trimmed = reason.trim();
  if (trimmed.length < 3 || trimmed.length > 2000) {
    throw new UserInputError(
      "Leg vast waarom nazorg niet haalbaar is, in 3 tot 2000 tekens.",
      "reason",
    );
  }
  return inTransaction(db, async (manager) => {
    const locked = await queryByIds<{ clientId: string }>(
      manager,
      'SELECT client_id AS "clientId" FROM care_case WHERE id = $1 FOR UPDATE',
      [caseId],
    );
    if (!locked[0]) throw caseNotFound();
    await assertCaseMember(manager, viewer, caseId);
    const [{ id }] = (await manager.query(
      `INSERT INTO nazorg_plan (case_id, status, not_feasible_reason, created_by_user_id)
       VALUES ($1, 'NOT_FEASIBLE', $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET status = 'NOT_FEASIBLE',
         not_feasible_reason = EXCLUDED.not_feasible_reason, updated_at = now()
       RETURNING id`,
      [caseId, trimmed, viewer.userId],
    )) as [{ id: string }];
    await announceChange(manager, ChangeKind.NAZORG, { caseId });
    await logAccess(
      manager,
      viewer,
      "UPDATE",
      { type: "NAZORG_PLAN", id, clientId: locked[0].clientId },
      teamBasis,
    );
    return id;
  });
}
