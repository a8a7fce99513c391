import type { Config } from "../config.js";
import express, { type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import { type RestAccess, restSession, restViewer } from "../auth/rest-session.js";
import type { Viewer } from "../security/viewer.js";
import { loggableError } from "../common/errors.js";
import { excelCsv, sendExcelCsv } from "../common/excel-csv.js";
import { networkAgreementLoaders } from "../network-agreement/network-agreement.service.js";
import { organizationLoaders } from "../organization/organization.loaders.js";
import { logger } from "../logger.js";
import {
  DeliveredBy,
  deliveredByLabels,
  PaletteLevel,
  paletteLevelLabels,
  Phase,
  phaseLabels,
  TargetGroup,
  targetGroupLabels,
} from "../taxonomy/taxonomy.js";
import type { NazorgMapFilter } from "./nazorg-map.inputs.js";
import { staleBefore } from "../offering/offering-staleness.js";
import { mapOfferingConditions, mapRegion, nazorgMap } from "./nazorg-map.service.js";
import { SqlParameters } from "../offering/offering-search.match.js";

/** A query parameter that a user can correct: answered with 400 and a Dutch message. */
class BadParameter extends Error {}

/** Values of a list parameter, given repeated (`?phases=A&phases=B`) or comma-separated. */
function listParameter<T extends string>(
  request: Request,
  name: string,
  allowed: Record<string, string>,
): T[] | undefined {
  const raw = request.query[name];
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw])
    .flatMap((value) => String(value).split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  const unknown = values.find((value) => !Object.hasOwn(allowed, value));
  if (unknown !== undefined) {
    throw new BadParameter(`Onbekende waarde bij '${name}': ${unknown.slice(0, 40)}.`);
  }
  return values as T[];
}

function singleParameter(request: Request, name: string, pattern: RegExp): string | undefined {
  const raw = request.query[name];
  if (raw === undefined || raw === "") return undefined;
  if (typeof raw !== "string" || !pattern.test(raw)) {
    throw new BadParameter(`Ongeldige waarde bij '${name}'.`);
  }
  return raw;
}

function mapFilter(request: Request): NazorgMapFilter {
  return {
    targetGroups: listParameter<TargetGroup>(request, "targetGroups", targetGroupLabels),
    deliveredBy: listParameter<DeliveredBy>(request, "deliveredBy", deliveredByLabels),
    phases: listParameter<Phase>(request, "phases", phaseLabels),
  };
}

const uuidPattern = /^[0-9a-f-]{36}$/i;

/** "33,3": a share as a percentage with one decimal, as Dutch Excel reads it. */
const percentage = (share: number | null) =>
  share === null ? null : Math.round(share * 1000) / 10;

const dutchDate = (date: Date) =>
  date.toLocaleDateString("nl-NL", {
    timeZone: "Europe/Amsterdam",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });

const labelsOf = (values: string[], labels: Record<string, string>) =>
  values.map((value) => labels[value] ?? value).join(", ");

/**
 * CSV downloads of the nazorg map for Excel, behind the same login as the map itself:
 * `/nazorgkaart.csv` (every cell) and `/aanbod.csv` (the offerings behind a cell, a gemeente,
 * a level or the whole region), both with the map's filters as query parameters.
 */
export function nazorgMapExportRouter(
  db: DataSource,
  config: Config,
  access: RestAccess,
): express.Router {
  const router = express.Router();
  router.use(restSession(access, "text"));

  const handle =
    (
      fileName: string,
      build: (
        request: Request,
        viewer: Viewer,
      ) => Promise<{ name: string; csv: string; rowCount: number }>,
    ) =>
    async (request: Request, response: Response) => {
      const viewer = restViewer(response);
      if (!viewer) {
        response.status(401).type("text/plain").send("Log in om de nazorgkaart te downloaden.");
        return;
      }
      try {
        const { name, csv, rowCount } = await build(request, viewer);
        const safeName = name.replace(/[^A-Za-z0-9-]+/g, "-");
        // For the web client's "Gedownload: … (n regels)"; CSV lines would miscount quoted breaks.
        response.setHeader("X-Row-Count", String(rowCount));
        sendExcelCsv(response, `${fileName}-${safeName}.csv`, csv);
      } catch (error) {
        if (error instanceof BadParameter || isNotFound(error)) {
          response.status(error instanceof BadParameter ? 400 : 404).type("text/plain");
          response.send((error as Error).message);
          return;
        }
        // As in formatError: never the message or the query's parameters.
        logger.error({ error: loggableError(error), path: request.path }, "CSV export failed");
        response
          .status(500)
          .type("text/plain")
          .send("Er ging iets mis aan onze kant. Probeer het later opnieuw.");
      }
    };

  router.get(
    "/nazorgkaart.csv",
    handle("nazorgkaart", async (request, viewer) => {
      const regionId = singleParameter(request, "regionId", uuidPattern);
      const map = await nazorgMap(db, viewer, regionId, mapFilter(request));
      const { regieNazorgByGemeenteCode } = networkAgreementLoaders({ db });
      const { organizationById } = organizationLoaders({ db, viewer, config });
      const regie = await regieNazorgByGemeenteCode.loadMany(
        map.rows.map((row) => row.gemeente.code),
      );
      const holders = await organizationById.loadMany(
        regie.map((agreement) =>
          agreement && !(agreement instanceof Error) ? (agreement.regieOrganizationId ?? "") : "",
        ),
      );
      const rows = map.rows.flatMap((row, index) => {
        const holder = holders[index];
        const regieName = holder && !(holder instanceof Error) ? holder.name : "geen afspraak";
        return row.cells.map((cell) => [
          row.gemeente.name,
          row.gemeente.code,
          cell.paletteLevel,
          paletteLevelLabels[cell.paletteLevel],
          cell.offeringCount,
          cell.capacityAvailable,
          cell.offeringsWithCapacity,
          percentage(cell.notVerifiedShare),
          cell.isGap,
          regieName,
        ]);
      });
      const csv = excelCsv(
        [
          "Gemeente",
          "CBS-code",
          "Niveau",
          "Omschrijving niveau",
          "Aantal aanbod",
          "Vrije plekken",
          "Aanbod dat plekken bijhoudt",
          "Langer dan zes maanden niet gecontroleerd (%)",
          "Witte vlek",
          "Regie op nazorg",
        ],
        rows,
      );
      return { name: map.region.code, csv, rowCount: rows.length };
    }),
  );

  router.get(
    "/aanbod.csv",
    handle("aanbod", async (request, viewer) => {
      const gemeente = singleParameter(request, "gemeente", /^GM[0-9]{4}$/);
      const level = listParameter<PaletteLevel>(request, "paletteLevel", paletteLevelLabels);
      const regionId = singleParameter(request, "regionId", uuidPattern);
      const region = await mapRegion(db, viewer, regionId);

      const sql = new SqlParameters();
      const conditions = mapOfferingConditions(mapFilter(request), sql);
      conditions.push(
        gemeente
          ? `${sql.add(gemeente, "text")} = ANY (o.gemeente_codes)`
          : `o.gemeente_codes && ARRAY(SELECT code FROM gemeente WHERE region_id = ${sql.add(region.id, "uuid")})`,
      );
      if (level && level.length > 0)
        conditions.push(`o.palette_level = ANY (${sql.add(level, "text[]")})`);
      const stale = sql.add(staleBefore(), "timestamptz");
      const offerings = (await db.query(
        `SELECT o.id, o.title, org.name AS organization, o.palette_level AS "paletteLevel",
                o.delivered_by AS "deliveredBy", o.target_groups AS "targetGroups", o.phases,
                o.capacity_available AS "capacityAvailable", o.capacity_total AS "capacityTotal",
                o.last_verified_at AS "lastVerifiedAt", o.last_verified_at < ${stale} AS stale,
                ARRAY(SELECT g.name FROM gemeente g WHERE g.code = ANY (o.gemeente_codes) ORDER BY g.name) AS gemeenten
           FROM offering o JOIN organization org ON org.id = o.organization_id
          WHERE ${conditions.join(" AND ")}
          ORDER BY array_position(${sql.add(Object.values(PaletteLevel), "text[]")}, o.palette_level),
                   lower(o.title), o.id`,
        sql.values,
      )) as Array<{
        id: string;
        title: string;
        organization: string;
        paletteLevel: PaletteLevel;
        deliveredBy: string[];
        targetGroups: string[];
        phases: string[];
        capacityAvailable: number | null;
        capacityTotal: number | null;
        lastVerifiedAt: Date;
        stale: boolean;
        gemeenten: string[];
      }>;
      const csv = excelCsv(
        [
          "Titel",
          "Organisatie",
          "Niveau",
          "Omschrijving niveau",
          "Gemeenten",
          "Uitgevoerd door",
          "Doelgroepen",
          "Fasen",
          "Vrije plekken",
          "Totaal plekken",
          "Laatst gecontroleerd",
          "Langer dan zes maanden niet gecontroleerd",
          "Op Ketenkaart",
        ],
        offerings.map((o) => [
          o.title,
          o.organization,
          o.paletteLevel,
          paletteLevelLabels[o.paletteLevel],
          o.gemeenten.join(", "),
          labelsOf(o.deliveredBy, deliveredByLabels),
          o.targetGroups.length === 0 ? "Iedereen" : labelsOf(o.targetGroups, targetGroupLabels),
          labelsOf(o.phases, phaseLabels),
          o.capacityAvailable,
          o.capacityTotal,
          dutchDate(o.lastVerifiedAt),
          o.stale,
          // From PUBLIC_URL: the Host header is the caller's to choose.
          `${config.publicUrl}/aanbod/${o.id}`,
        ]),
      );
      return {
        name: [gemeente ?? region.code, ...(level ?? [])].join("-"),
        csv,
        rowCount: offerings.length,
      };
    }),
  );

  return router;
}

function isNotFound(error: unknown): boolean {
  return (error as { extensions?: { code?: string } })?.extensions?.code === "NOT_FOUND";
}
