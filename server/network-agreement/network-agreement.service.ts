import DataLoader from "dataloader";
import type { LoaderScope } from "../request/loaders.js";
import type { DataSource } from "typeorm";
import type { Viewer } from "../security/viewer.js";
import { NotFoundError, UserInputError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { type Queryable, queryByIds } from "../db/queryable.js";
import { NetworkAgreementKind, type NetworkAgreement } from "./network-agreement.entity.js";
import type {
  EndNetworkAgreementInput,
  NetworkAgreementInput,
} from "./network-agreement.inputs.js";
import { assertMayMaintainAgreementsIn } from "./network-agreement.policy.js";
import { inTransaction } from "../common/transaction.js";
import { amsterdamTodaySql } from "../common/amsterdam-time.js";

const agreementColumns = `
  a.id, a.kind, a.title, a.description, a.regie_organization_id AS "regieOrganizationId",
  a.response_norm_working_days AS "responseNormWorkingDays",
  a.valid_from::text AS "validFrom", a.valid_until::text AS "validUntil", a.created_at AS "createdAt",
  a.valid_during @> ${amsterdamTodaySql} AS "isCurrent",
  ARRAY(SELECT p.organization_id FROM network_agreement_party p WHERE p.agreement_id = a.id) AS "partyIds",
  ARRAY(SELECT g.gemeente_code FROM network_agreement_gemeente g WHERE g.agreement_id = a.id
         ORDER BY g.gemeente_code) AS "gemeenteCodes"`;

/** "2025-02-30" has the right form but is no day: refuse it before the database does. */
function assertRealDate(value: string | null | undefined, field: string, what: string): void {
  if (!value) return;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UserInputError(`${what} bestaat niet in de kalender.`, field);
  }
}

const notFound = () => new NotFoundError("Deze samenwerkingsafspraak bestaat niet.");

export async function findNetworkAgreement(
  db: Queryable,
  id: string,
): Promise<NetworkAgreement | null> {
  if (!isUuid(id)) return null;
  const rows = (await db.query(
    `SELECT ${agreementColumns} FROM network_agreement a WHERE a.id = $1`,
    [id],
  )) as NetworkAgreement[];
  return rows[0] ?? null;
}

/**
 * The agreements of a gemeente that still matter: current ones and those that start later.
 * With `includeEnded`, also those that have ended. Current first, then by start.
 */
export async function findNetworkAgreements(
  db: Queryable,
  filter: { gemeenteCode?: string | null; includeEnded?: boolean | null },
): Promise<NetworkAgreement[]> {
  return (await db.query(
    `SELECT ${agreementColumns} FROM network_agreement a
      WHERE ($1::text IS NULL OR EXISTS (
              SELECT 1 FROM network_agreement_gemeente g WHERE g.agreement_id = a.id AND g.gemeente_code = $1))
        AND ($2 OR a.valid_until IS NULL OR a.valid_until >= ${amsterdamTodaySql})
      ORDER BY a.valid_during @> ${amsterdamTodaySql} DESC, a.valid_from, a.title, a.id`,
    [filter.gemeenteCode ?? null, filter.includeEnded ?? false],
  )) as NetworkAgreement[];
}

/** Per-request loaders for the agreements of gemeenten (the nazorg map asks per row). */
export function networkAgreementLoaders({ db }: Pick<LoaderScope, "db">) {
  return {
    /** Current and future agreements per gemeente code. */
    networkAgreementsByGemeenteCode: new DataLoader<string, NetworkAgreement[]>(async (codes) => {
      const rows = (await db.query(
        `SELECT g.gemeente_code AS "gemeenteCode", ${agreementColumns}
           FROM network_agreement_gemeente g JOIN network_agreement a ON a.id = g.agreement_id
          WHERE g.gemeente_code = ANY ($1::text[])
            AND (a.valid_until IS NULL OR a.valid_until >= ${amsterdamTodaySql})
          ORDER BY a.valid_during @> ${amsterdamTodaySql} DESC, a.valid_from, a.title, a.id`,
        [codes],
      )) as Array<NetworkAgreement & { gemeenteCode: string }>;
      return codes.map((code) => rows.filter((row) => row.gemeenteCode === code));
    }),
    /** The agreement by which someone holds regie on nazorg in a gemeente today. */
    regieNazorgByGemeenteCode: new DataLoader<string, NetworkAgreement | null>(async (codes) => {
      const rows = (await db.query(
        `SELECT g.gemeente_code AS "gemeenteCode", ${agreementColumns}
           FROM network_agreement_gemeente g JOIN network_agreement a ON a.id = g.agreement_id
          WHERE g.gemeente_code = ANY ($1::text[]) AND g.kind = 'REGIE_NAZORG'
            AND g.valid_during @> ${amsterdamTodaySql}`,
        [codes],
      )) as Array<NetworkAgreement & { gemeenteCode: string }>;
      // The exclusion constraint leaves at most one per gemeente.
      return codes.map((code) => rows.find((row) => row.gemeenteCode === code) ?? null);
    }),
  };
}

type NetworkAgreementLoaders = ReturnType<typeof networkAgreementLoaders>;

declare module "../request/loaders.js" {
  interface Loaders extends NetworkAgreementLoaders {}
}

/**
 * Records a network agreement with its parties and gemeenten in one transaction. The database
 * refuses a second regie holder for nazorg in a gemeente for an overlapping period; that
 * refusal becomes a Dutch message naming the current holder.
 */
export async function createNetworkAgreement(
  db: DataSource,
  viewer: Viewer,
  input: NetworkAgreementInput,
): Promise<string> {
  const partyIds = [...new Set(input.partyIds)];
  const gemeenteCodes = [...new Set(input.gemeenteCodes)];
  const regieOrganizationId = input.regieOrganizationId ?? null;
  if (input.kind === NetworkAgreementKind.REGIE_NAZORG) {
    if (!regieOrganizationId || !partyIds.includes(regieOrganizationId)) {
      throw new UserInputError(
        "Kies welke van de partijen de regie op nazorg heeft.",
        "regieOrganizationId",
      );
    }
  } else {
    if (regieOrganizationId) {
      throw new UserInputError(
        "Alleen bij een afspraak over regie op nazorg kiest u een regiehouder.",
        "regieOrganizationId",
      );
    }
    if (partyIds.length < 2) {
      throw new UserInputError(
        "Een samenwerkingsafspraak heeft minstens twee ketenpartners.",
        "partyIds",
      );
    }
  }
  assertRealDate(input.validFrom, "validFrom", "De begindatum");
  assertRealDate(input.validUntil, "validUntil", "De einddatum");
  if (input.validUntil && input.validUntil < input.validFrom) {
    throw new UserInputError("De einddatum ligt vóór de begindatum.", "validUntil");
  }

  try {
    return await inTransaction(db, async (manager) => {
      const known = (await manager.query(
        "SELECT count(*)::int AS count FROM organization WHERE id = ANY ($1::uuid[])",
        [partyIds.filter(isUuid)],
      )) as [{ count: number }];
      if (known[0].count !== partyIds.length) {
        throw new UserInputError("Een van de gekozen ketenpartners kennen we niet.", "partyIds");
      }
      const gemeenten = (await manager.query(
        "SELECT count(*)::int AS count FROM gemeente WHERE code = ANY ($1::text[])",
        [gemeenteCodes],
      )) as [{ count: number }];
      if (gemeenten[0].count !== gemeenteCodes.length) {
        throw new UserInputError("Een van de gekozen gemeenten kennen we niet.", "gemeenteCodes");
      }
      await assertMayMaintainAgreementsIn(manager, viewer, gemeenteCodes);

      return insertNetworkAgreement(manager, { ...input, partyIds, gemeenteCodes }, viewer.userId);
    });
  } catch (error) {
    throw await explainRegieConflict(db, error, gemeenteCodes, input.validFrom, input.validUntil);
  }
}

/** Inserts an agreement with its parties and gemeenten; checks are the caller's. */
export async function insertNetworkAgreement(
  db: Queryable,
  agreement: NetworkAgreementInput,
  createdByUserId: string | null,
): Promise<string> {
  const [{ id }] = (await db.query(
    `INSERT INTO network_agreement (kind, title, description, regie_organization_id,
       response_norm_working_days, valid_from, valid_until, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      agreement.kind,
      agreement.title.trim(),
      agreement.description?.trim() || null,
      agreement.regieOrganizationId ?? null,
      agreement.responseNormWorkingDays ?? null,
      agreement.validFrom,
      agreement.validUntil ?? null,
      createdByUserId,
    ],
  )) as [{ id: string }];
  await db.query(
    `INSERT INTO network_agreement_party (agreement_id, organization_id)
     SELECT $1, unnest($2::uuid[])`,
    [id, agreement.partyIds],
  );
  // Each gemeente row carries the agreement's kind and period for the exclusion constraint.
  await db.query(
    `INSERT INTO network_agreement_gemeente (agreement_id, gemeente_code, kind, valid_during)
     SELECT a.id, code, a.kind, a.valid_during FROM network_agreement a, unnest($2::text[]) AS code
      WHERE a.id = $1`,
    [id, agreement.gemeenteCodes],
  );
  return id;
}

/** Ends an agreement on a given day (inclusive); an end date can only move earlier. */
export async function endNetworkAgreement(
  db: DataSource,
  viewer: Viewer,
  input: EndNetworkAgreementInput,
): Promise<void> {
  assertRealDate(input.validUntil, "validUntil", "De laatste dag");
  await inTransaction(db, async (manager) => {
    const locked = await queryByIds<unknown>(
      manager,
      "SELECT id FROM network_agreement WHERE id = $1 FOR UPDATE",
      [input.id],
    );
    if (locked.length === 0) throw notFound();
    const agreement = (await findNetworkAgreement(manager, input.id))!;
    await assertMayMaintainAgreementsIn(manager, viewer, agreement.gemeenteCodes);
    if (input.validUntil < agreement.validFrom) {
      throw new UserInputError(
        `De laatste dag kan niet vóór de begindatum ${agreement.validFrom} liggen.`,
        "validUntil",
      );
    }
    if (agreement.validUntil !== null && input.validUntil > agreement.validUntil) {
      throw new UserInputError(
        `De afspraak loopt al af op ${agreement.validUntil}; een einddatum kan alleen eerder worden.`,
        "validUntil",
      );
    }
    // The gemeente rows follow through the cascading foreign key.
    await manager.query(
      "UPDATE network_agreement SET valid_until = $2, updated_at = now() WHERE id = $1",
      [input.id, input.validUntil],
    );
  });
}

/**
 * Turns the exclusion constraint's refusal into a message a coordinator can act on: which
 * gemeente, and who holds regie on nazorg there in that period. Other errors pass unchanged.
 */
async function explainRegieConflict(
  db: DataSource,
  error: unknown,
  gemeenteCodes: string[],
  validFrom: string,
  validUntil: string | null | undefined,
): Promise<unknown> {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  if (code !== "23P01" || constraint !== "network_agreement_one_regie_nazorg_per_gemeente") {
    return error;
  }
  const [holder] = (await db.query(
    `SELECT gm.name AS gemeente, o.name AS organization, a.valid_from::text AS "validFrom",
            a.valid_until::text AS "validUntil"
       FROM network_agreement_gemeente g
       JOIN network_agreement a ON a.id = g.agreement_id
       JOIN organization o ON o.id = a.regie_organization_id
       JOIN gemeente gm ON gm.code = g.gemeente_code
      WHERE g.kind = 'REGIE_NAZORG' AND g.gemeente_code = ANY ($1::text[])
        AND g.valid_during && daterange($2::date, $3::date, '[]')
      ORDER BY gm.name LIMIT 1`,
    [gemeenteCodes, validFrom, validUntil ?? null],
  )) as Array<{
    gemeente: string;
    organization: string;
    validFrom: string;
    validUntil: string | null;
  }>;
  const who = holder
    ? `In ${holder.gemeente} heeft ${holder.organization} al de regie op nazorg (vanaf ${holder.validFrom}${holder.validUntil ? ` tot en met ${holder.validUntil}` : ""}).`
    : "Een van de gemeenten heeft in die periode al een regiehouder voor nazorg.";
  return new UserInputError(
    `${who} Per gemeente heeft één organisatie tegelijk de regie op nazorg: beëindig eerst de bestaande afspraak of kies een latere begindatum.`,
    "gemeenteCodes",
  );
}
