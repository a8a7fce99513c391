import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { DataSource } from "typeorm";
import { selectLogged } from "../access-log/access-log.service.js";
import type { Viewer } from "../security/viewer.js";
import { amsterdamWallClock } from "../common/amsterdam-time.js";
import { zorgoverlegNotFound, zorgoverlegOfTeam } from "./zorgoverleg.policy.js";

const timezone = "Europe/Amsterdam";

// Europe/Amsterdam since 1996 (EU rules: summer time from the last Sunday of March 02:00 to
// the last Sunday of October 03:00). Outlook needs the VTIMEZONE to place a TZID'd time.
const amsterdamVtimezone = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Amsterdam",
  "X-LIC-LOCATION:Europe/Amsterdam",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

interface InvitationRow {
  id: string;
  case_id: string;
  starts_at: Date;
  ends_at: Date;
  location: string | null;
  video_link: string | null;
  client_participates: boolean;
  organizer_name: string;
  organizer_email: string;
  organizer_organization: string;
}

interface InviteeRow {
  organization_name: string;
  organization_email: string | null;
  user_name: string | null;
  user_email: string | null;
}

/** A short reference to the case that says nothing about the client. */
export const caseReference = (caseId: string) => caseId.slice(0, 8).toUpperCase();

/**
 * The invitation of a scheduled zorgoverleg as an iCalendar REQUEST, for the case team only
 * (NOT_FOUND otherwise), logged as a read. Invitations travel by e-mail, so it names no client:
 * the case appears by a short reference and a link that opens only after logging in.
 */
export async function zorgoverlegInvitation(
  db: DataSource,
  viewer: Viewer,
  zorgoverlegId: string,
  appUrl: string,
): Promise<string> {
  const meeting = await zorgoverlegOfTeam(db, viewer, zorgoverlegId);
  // Read and logged by one statement.
  const [row] = await selectLogged<InvitationRow>(
    db,
    viewer,
    { type: "ZORGOVERLEG", clientId: `"clientId"` },
    "CASE_TEAM",
    `SELECT z.id, z.case_id, z.starts_at, z.ends_at, z.location, z.video_link, z.client_participates,
            u.name AS organizer_name, u.email AS organizer_email, o.name AS organizer_organization,
            c.client_id AS "clientId"
       FROM zorgoverleg z
       JOIN care_case c ON c.id = z.case_id
       JOIN app_user u ON u.id = z.scheduled_by_user_id
       JOIN organization o ON o.id = z.scheduled_by_organization_id
      WHERE z.id = $1`,
    [meeting.id],
  );
  if (!row) throw zorgoverlegNotFound();
  const invitees = (await db.query(
    `SELECT o.name AS organization_name, o.contact_email AS organization_email,
            u.name AS user_name, u.email AS user_email
       FROM zorgoverleg_invitee i
       JOIN organization o ON o.id = i.organization_id
       LEFT JOIN app_user u ON u.id = i.user_id
      WHERE i.zorgoverleg_id = $1
      ORDER BY o.name, u.name`,
    [meeting.id],
  )) as InviteeRow[];

  const reference = caseReference(row.case_id);
  const caseUrl = `${appUrl}/casussen/${row.case_id}`;
  const calendar = ical({
    prodId: { company: "Ketenkaart", product: "Zorgoverleg", language: "NL" },
    method: ICalCalendarMethod.REQUEST,
    // No calendar-wide zone: DTSTAMP stays UTC as RFC 5545 wants; the event carries the TZID.
    timezone: { name: null, generator: (zone) => (zone === timezone ? amsterdamVtimezone : null) },
  });
  calendar.createEvent({
    id: `zorgoverleg-${row.id}@ketenkaart`,
    sequence: 0,
    start: amsterdamWallClock(row.starts_at),
    end: amsterdamWallClock(row.ends_at),
    timezone,
    status: ICalEventStatus.CONFIRMED,
    summary: `Zorgoverleg casus ${reference}`,
    location: row.location ?? row.video_link,
    url: row.video_link,
    description: [
      `Zorgoverleg over casus ${reference}, georganiseerd door ${row.organizer_organization}.`,
      row.client_participates ? "De inwoner neemt deel." : "De inwoner neemt niet deel.",
      row.video_link ? `Videogesprek: ${row.video_link}` : null,
      invitees.length
        ? `Uitgenodigd: ${invitees
            .map((i) =>
              i.user_name ? `${i.user_name} (${i.organization_name})` : i.organization_name,
            )
            .join(", ")}.`
        : null,
      `De casus in Ketenkaart (na inloggen): ${caseUrl}`,
    ]
      .filter(Boolean)
      .join("\n"),
    organizer: { name: row.organizer_name, email: row.organizer_email },
    attendees: invitees.flatMap((invitee) => {
      const email = invitee.user_email ?? invitee.organization_email;
      if (!email) return [];
      return [
        {
          name: invitee.user_name ?? invitee.organization_name,
          email,
          role: ICalAttendeeRole.REQ,
          rsvp: true,
        },
      ];
    }),
  });
  return calendar.toString();
}
