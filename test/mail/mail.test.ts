import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { post } from "../../tools/reliability/http.js";
import { freePort, startServer, type ServerInstance } from "../../tools/reliability/instances.js";
import { graphql } from "../support/api.js";
import { buildUser, database } from "../support/factories.js";
import { loggedInUser } from "../support/session.js";
import { type ChainOptions, referralChain } from "../support/scenarios.js";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";
import { eventually } from "../support/wait.js";

// What the scenario puts in the referral about the client: none of it may reach an e-mail.
const clientData = [
  "Yilmaz",
  "Hulp bij een schuldregeling",
  "Huurachterstand",
  "bijstand",
  "WHATSAPP",
];
const mailFrom = "Ketenkaart Testregio <noreply@ketenkaart-test.example>";
const transition = `mutation ($input: ReferralTransitionInput!) {
  transitionReferral(input: $input) { id state responseDueAt } }`;
const notificationSettings = `{ notificationSettings { emailNotifications emailAvailable } }`;
const setEmailNotifications = `mutation ($enabled: Boolean!) {
  setEmailNotifications(enabled: $enabled) { emailNotifications } }`;

let sink: SmtpSink;
// Two instances with e-mail on, on the test database, as two servers behind a load balancer.
let first: ServerInstance;
let second: ServerInstance;
let publicUrl: string;
// Everything the instances write to stdout and stderr, logging at info.
let output = "";

beforeAll(async () => {
  sink = await startSmtpSink();
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  const env = {
    SMTP_URL: sink.url,
    MAIL_FROM: mailFrom,
    PUBLIC_URL: publicUrl,
    MAIL_JOB_INTERVAL_SECONDS: "1",
    MAIL_RETRY_SECONDS: "1",
    MAIL_MAX_ATTEMPTS: "4",
    MAIL_RETENTION_DAYS: "1",
    LOG_LEVEL: "info",
  };
  const databaseUrl = inject("databaseUrl");
  [first, second] = await Promise.all([
    startServer({ databaseUrl, port, env, onOutput: (text) => (output += text) }),
    startServer({ databaseUrl, env, onOutput: (text) => (output += text) }),
  ]);
});

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await sink?.stop();
});

interface SentReferral {
  id: string;
  state: string;
  responseDueAt: string;
}

/** A draft referral (through the main test server, which has e-mail off) and its parties. */
async function draft(options: ChainOptions = {}) {
  const chain = await referralChain<{ id: string }>("id", options);
  const db = await database();
  const [{ name: senderName }] = (await db.query("SELECT name FROM organization WHERE id = $1", [
    chain.sender.organizationId,
  ])) as [{ name: string }];
  return { ...chain, senderName, receiverName: "Kredietbank Testregio" };
}

/** Sends the referral through an instance with e-mail on. */
async function send(instance: ServerInstance, headers: Record<string, string>, referralId: string) {
  return post<{ transitionReferral: SentReferral }>(
    instance.url,
    transition,
    { input: { referralId, to: "SENT" } },
    headers,
  );
}

/**
 * Waits until a mail queued now has arrived. The job sends the outbox oldest first, so whatever
 * was queued before has been through it by then: what has not arrived is not going to.
 */
async function afterTheQueue() {
  const marker = await draft();
  expect((await send(first, marker.sender.headers, marker.referral.id)).code).toBeUndefined();
  await eventually(() => sink.mailTo(marker.receiver.email).length > 0, "the marker");
}

/**
 * Waits until a referral that falls overdue now has its reminder: the instances have looked for
 * overdue referrals since, twice over, so a reminder that was going to come twice has.
 */
async function afterTwoReminderRounds() {
  for (const round of [1, 2]) {
    const marker = await draft();
    expect((await send(first, marker.sender.headers, marker.referral.id)).code).toBeUndefined();
    await overdue(marker.referral.id);
    await eventually(
      () => reminders(marker.sender.email).length > 0,
      `the marker's reminder, round ${round}`,
    );
  }
}

/** Moves a referral's response deadline into the past, as if the norm had passed. */
async function overdue(referralId: string) {
  await (
    await database()
  ).query("UPDATE referral SET response_due_at = now() - interval '1 minute' WHERE id = $1", [
    referralId,
  ]);
}

/** The reminders about an unanswered referral that reached this address. */
function reminders(address: string) {
  return sink
    .mailTo(address)
    .filter(
      (mail) =>
        mail.parsed.subject?.includes("gereageerd") ||
        mail.parsed.subject?.startsWith("Herinnering"),
    );
}

async function outboxRows(referralId: string) {
  return (await (
    await database()
  ).query(
    `SELECT kind, state, attempts, last_error AS "lastError" FROM mail_outbox
      WHERE referral_id = $1 ORDER BY id`,
    [referralId],
  )) as Array<{ kind: string; state: string; attempts: number; lastError: string | null }>;
}

function everything(mail: ReceivedMail): string {
  return [mail.raw, mail.parsed.subject, mail.parsed.text, mail.parsed.html].join("\n");
}

function linkIn(mail: ReceivedMail): string {
  return /https?:\/\/\S+\/overdrachten#\S+/.exec(mail.parsed.text ?? "")?.[0] ?? "";
}

const dutchDate = (iso: string) =>
  new Date(iso).toLocaleDateString("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  });

describe("e-mail about a new referral", () => {
  it("reaches every active worker of the receiving organisation once, with the deadline and a working link, and nothing about the client", async () => {
    const chain = await draft();
    const organizationId = chain.receiver.organizationId;
    const coordinator = await buildUser({ organizationId, roles: [Role.COORDINATOR] });
    const administratorOnly = await buildUser({ organizationId, roles: [Role.BEHEERDER] });
    const disabled = await buildUser({ organizationId });
    await (
      await database()
    ).query("UPDATE app_user SET disabled_at = now() WHERE id = $1", [disabled.id]);
    const otherOrganization = await buildUser();

    const sent = await send(first, chain.sender.headers, chain.referral.id);
    expect(sent.code).toBeUndefined();
    const referral = sent.data!.transitionReferral;

    const [mail] = await eventually(
      () => sink.mailTo(chain.receiver.email).length > 0 && sink.mailTo(chain.receiver.email),
      "mail to the receiver",
    );
    await eventually(() => sink.mailTo(coordinator.email).length > 0, "mail to the coördinator");
    await afterTheQueue();
    expect(sink.mailTo(chain.receiver.email)).toHaveLength(1);
    expect(sink.mailTo(coordinator.email)).toHaveLength(1);
    for (const nobody of [administratorOnly, disabled, otherOrganization, chain.sender]) {
      expect(sink.mailTo(nobody.email)).toHaveLength(0);
    }

    expect(mail.parsed.subject).toBe(`Nieuwe verwijzing voor ${chain.receiverName}`);
    expect(mail.parsed.from?.value).toEqual([
      { name: "Ketenkaart Testregio", address: "noreply@ketenkaart-test.example" },
    ]);
    expect(mail.parsed.text).toContain(chain.senderName);
    expect(mail.parsed.text).toContain(`Reageer uiterlijk op ${dutchDate(referral.responseDueAt)}`);
    expect(dutchDate(referral.responseDueAt)).toMatch(/^\d{1,2} [a-z]+ \d{4}$/);
    expect(mail.parsed.html).toContain(dutchDate(referral.responseDueAt));

    const link = linkIn(mail);
    expect(link).toBe(`${publicUrl}/overdrachten#overdracht-${referral.id}`);
    expect(mail.parsed.html).toContain(`href="${link}"`);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");

    for (const text of clientData) expect(everything(mail)).not.toContain(text);
  });

  it("is queued only by a server with SMTP_URL: without it, sending a referral leaves no outbox row", async () => {
    // The lane's own server runs without SMTP_URL.
    const withoutMail = await draft();
    const sentWithout = await graphql<{ transitionReferral: SentReferral }>(
      transition,
      { input: { referralId: withoutMail.referral.id, to: "SENT" } },
      withoutMail.sender.headers,
    );
    expect(sentWithout.data?.transitionReferral.state).toBe("SENT");
    // Mail is queued in the transaction that sends the referral: once the answer is in, a row
    // would be there too.
    expect(await outboxRows(withoutMail.referral.id)).toEqual([]);

    // The same referral sent through an instance with SMTP_URL is queued for the receiver.
    const withMail = await draft();
    expect((await send(first, withMail.sender.headers, withMail.referral.id)).code).toBeUndefined();
    expect((await outboxRows(withMail.referral.id)).map((row) => row.kind)).toEqual([
      "NEW_REFERRAL",
    ]);
  });

  it("is not sent for a referral whose sending failed or was rolled back", async () => {
    // Refused before anything is written: the consent does not name the receiver.
    const refused = await draft({ consentFor: "other" });
    const attempt = await send(first, refused.sender.headers, refused.referral.id);
    expect(attempt.code).toBe("BAD_USER_INPUT");

    // Rolled back after the mail was queued: the timeline entry that follows it fails.
    const chain = await draft();
    const db = await database();
    const constraint = `mail_test_${chain.referral.id.replaceAll("-", "")}`;
    await db.query(
      `ALTER TABLE referral_event ADD CONSTRAINT ${constraint} CHECK (referral_id <> '${chain.referral.id}') NOT VALID`,
    );
    try {
      const failed = await send(first, chain.sender.headers, chain.referral.id);
      expect(failed.code).toBeDefined();
    } finally {
      await db.query(`ALTER TABLE referral_event DROP CONSTRAINT ${constraint}`);
    }
    const [{ state }] = (await db.query("SELECT state FROM referral WHERE id = $1", [
      chain.referral.id,
    ])) as [{ state: string }];
    expect(state).toBe("DRAFT");
    await afterTheQueue();
    expect(await outboxRows(chain.referral.id)).toEqual([]);
    expect(await outboxRows(refused.referral.id)).toEqual([]);
    expect(sink.mailTo(chain.receiver.email)).toHaveLength(0);
    expect(sink.mailTo(refused.receiver.email)).toHaveLength(0);

    // Sent for real afterwards: now the mail comes, once.
    expect((await send(second, chain.sender.headers, chain.referral.id)).code).toBeUndefined();
    await eventually(() => sink.mailTo(chain.receiver.email).length > 0, "mail");
    await afterTheQueue();
    expect(sink.mailTo(chain.receiver.email)).toHaveLength(1);
  });

  it("is not sent to a worker who switched e-mails off, and the setting is theirs alone", async () => {
    const chain = await draft();
    const colleague = await loggedInUser({ organizationId: chain.receiver.organizationId });
    const switched = await graphql<{ setEmailNotifications: { emailNotifications: boolean } }>(
      setEmailNotifications,
      { enabled: false },
      colleague.headers,
    );
    expect(switched.data!.setEmailNotifications.emailNotifications).toBe(false);
    const settings = await post<{
      notificationSettings: { emailNotifications: boolean; emailAvailable: boolean };
    }>(first.url, notificationSettings, {}, colleague.headers);
    expect(settings.data!.notificationSettings).toEqual({
      emailNotifications: false,
      emailAvailable: true,
    });
    const ownSettings = await post<{ notificationSettings: { emailNotifications: boolean } }>(
      first.url,
      notificationSettings,
      {},
      chain.receiver.headers,
    );
    expect(ownSettings.data!.notificationSettings.emailNotifications).toBe(true);

    expect((await send(first, chain.sender.headers, chain.referral.id)).code).toBeUndefined();
    await eventually(() => sink.mailTo(chain.receiver.email).length > 0, "mail");
    await afterTheQueue();
    expect(sink.mailTo(chain.receiver.email)).toHaveLength(1);
    expect(sink.mailTo(colleague.email)).toHaveLength(0);
  });

  it("answers that e-mail is off on a server without SMTP_URL, and needs a login", async () => {
    const user = await loggedInUser();
    const settings = await graphql<{
      notificationSettings: { emailNotifications: boolean; emailAvailable: boolean };
    }>(notificationSettings, {}, user.headers);
    expect(settings.data!.notificationSettings).toEqual({
      emailNotifications: true,
      emailAvailable: false,
    });
    const anonymous = await graphql(setEmailNotifications, { enabled: false });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("a reminder for an overdue referral", () => {
  it("goes once to the receiving workers and to the sender, with two instances running the job", async () => {
    const chain = await draft();
    expect((await send(first, chain.sender.headers, chain.referral.id)).code).toBeUndefined();
    await eventually(() => sink.mailTo(chain.receiver.email).length > 0, "mail");

    await overdue(chain.referral.id);
    await eventually(
      () => reminders(chain.receiver.email).length > 0,
      "a reminder to the receiver",
    );
    await eventually(() => reminders(chain.sender.email).length > 0, "a reminder to the sender");
    // Both instances look again every second: still one each after more rounds.
    await afterTwoReminderRounds();
    expect(reminders(chain.receiver.email)).toHaveLength(1);
    expect(reminders(chain.sender.email)).toHaveLength(1);
    expect(sink.mailTo(chain.receiver.email)).toHaveLength(2);
    expect((await outboxRows(chain.referral.id)).map((row) => [row.kind, row.state])).toEqual([
      ["NEW_REFERRAL", "SENT"],
      ["RESPONSE_OVERDUE", "SENT"],
      ["RESPONSE_OVERDUE_SENDER", "SENT"],
    ]);
    const db = await database();
    const reminderRows = (await db.query("SELECT 1 FROM referral_reminder WHERE referral_id = $1", [
      chain.referral.id,
    ])) as unknown[];
    expect(reminderRows).toHaveLength(1);

    const [toReceiver] = reminders(chain.receiver.email);
    expect(toReceiver.parsed.subject).toBe(
      `Herinnering: verwijzing voor ${chain.receiverName} wacht op reactie`,
    );
    expect(toReceiver.parsed.text).toContain(chain.senderName);
    expect(linkIn(toReceiver)).toBe(`${publicUrl}/overdrachten#overdracht-${chain.referral.id}`);
    const [toSender] = reminders(chain.sender.email);
    expect(toSender.parsed.subject).toBe(
      `${chain.receiverName} heeft nog niet gereageerd op uw verwijzing`,
    );
    expect(linkIn(toSender)).toBe(`${publicUrl}/overdrachten#verstuurd-${chain.referral.id}`);
    for (const mail of [toReceiver, toSender]) {
      for (const text of clientData) expect(everything(mail)).not.toContain(text);
    }
  });

  it("goes out once when the mail server takes longer to accept it than the retry interval", async () => {
    const chain = await draft();
    // Both instances look every second and would retry after one: the send in flight keeps it.
    sink.answerAfter(3_000);
    try {
      expect((await send(first, chain.sender.headers, chain.referral.id)).code).toBeUndefined();
      await eventually(() => sink.mailTo(chain.receiver.email).length > 0, "mail");
      await afterTheQueue();
    } finally {
      sink.answerAfter(0);
    }
    expect(sink.mailTo(chain.receiver.email)).toHaveLength(1);
  });

  it("is not sent for a referral that was answered in time", async () => {
    const chain = await draft();
    expect((await send(first, chain.sender.headers, chain.referral.id)).code).toBeUndefined();
    await eventually(() => sink.mailTo(chain.receiver.email).length > 0, "mail");
    const accepted = await graphql(
      transition,
      { input: { referralId: chain.referral.id, to: "ACCEPTED" } },
      chain.receiver.headers,
    );
    expect(accepted.errors).toBeUndefined();
    await overdue(chain.referral.id);
    await afterTwoReminderRounds();
    expect(sink.mailTo(chain.receiver.email)).toHaveLength(1);
    expect(sink.mailTo(chain.sender.email)).toHaveLength(0);
  });
});

describe("when the mail server is unavailable", () => {
  it("keeps the mail and sends it once the server is back", async () => {
    const chain = await draft();
    await sink.stop();
    try {
      expect((await send(first, chain.sender.headers, chain.referral.id)).code).toBeUndefined();
      const [row] = await eventually(async () => {
        const rows = await outboxRows(chain.referral.id);
        return rows[0]?.attempts >= 1 && rows[0].lastError !== null && rows;
      }, "a failed attempt");
      expect(row.state).toBe("PENDING");
    } finally {
      await sink.start();
    }
    await eventually(() => sink.mailTo(chain.receiver.email).length > 0, "the mail");
    await afterTheQueue();
    expect(sink.mailTo(chain.receiver.email)).toHaveLength(1);
    expect((await outboxRows(chain.referral.id))[0].state).toBe("SENT");
  });

  it("does not send, once the server is back, mail about a referral that was answered meanwhile", async () => {
    const chain = await draft();
    await sink.stop();
    try {
      expect((await send(first, chain.sender.headers, chain.referral.id)).code).toBeUndefined();
      await eventually(
        async () => (await outboxRows(chain.referral.id))[0]?.attempts >= 1,
        "a failed attempt",
      );
      const accepted = await graphql(
        transition,
        { input: { referralId: chain.referral.id, to: "ACCEPTED" } },
        chain.receiver.headers,
      );
      expect(accepted.errors).toBeUndefined();
    } finally {
      await sink.start();
    }
    await eventually(
      async () => (await outboxRows(chain.referral.id))[0]?.state === "CANCELLED",
      "the mail cancelled",
    );
    expect(sink.mailTo(chain.receiver.email)).toHaveLength(0);
  });

  it("gives up on an address the server refuses for good at once, and on a temporary refusal after the last attempt", async () => {
    const chain = await draft();
    const colleague = await buildUser({ organizationId: chain.receiver.organizationId });
    sink.refuse(chain.receiver.email, 550);
    sink.refuse(colleague.email, 451);
    expect((await send(first, chain.sender.headers, chain.referral.id)).code).toBeUndefined();

    const finished = await eventually(async () => {
      const rows = await outboxRows(chain.referral.id);
      return rows.every((row) => row.state !== "PENDING") && rows;
    }, "both mails finished");
    expect(
      finished
        .map(({ state, attempts, lastError }) => ({ state, attempts, lastError }))
        .sort((a, b) => a.attempts - b.attempts),
    ).toEqual([
      { state: "FAILED", attempts: 1, lastError: "SMTP_550" },
      { state: "FAILED", attempts: 4, lastError: "SMTP_451" },
    ]);
    expect(sink.mailTo(chain.receiver.email)).toHaveLength(0);
    expect(sink.mailTo(colleague.email)).toHaveLength(0);
  });
});

describe("the outbox's retention", () => {
  it("forgets sent mail after the configured days and keeps what is recent or still to send", async () => {
    const chain = await draft();
    expect((await send(first, chain.sender.headers, chain.referral.id)).code).toBeUndefined();
    await eventually(
      async () => (await outboxRows(chain.referral.id))[0]?.state === "SENT",
      "a sent mail",
    );
    const db = await database();
    const [{ id: keptId }] = (await db.query("SELECT id FROM mail_outbox WHERE referral_id = $1", [
      chain.referral.id,
    ])) as [{ id: string }];

    const old = await draft();
    expect((await send(first, old.sender.headers, old.referral.id)).code).toBeUndefined();
    await eventually(
      async () => (await outboxRows(old.referral.id))[0]?.state === "SENT",
      "a sent mail",
    );
    await db.query(
      "UPDATE mail_outbox SET finished_at = now() - interval '2 days' WHERE referral_id = $1",
      [old.referral.id],
    );
    await eventually(
      async () => (await outboxRows(old.referral.id)).length === 0,
      "the old mail deleted",
    );
    const kept = (await db.query("SELECT 1 FROM mail_outbox WHERE id = $1", [keptId])) as unknown[];
    expect(kept).toHaveLength(1);
  });
});

describe("the server's log", () => {
  it("says when mail could not be sent, but never to whom or what", async () => {
    const chain = await draft();
    sink.refuse(chain.receiver.email, 550);
    expect((await send(first, chain.sender.headers, chain.referral.id)).code).toBeUndefined();
    await eventually(
      async () => (await outboxRows(chain.referral.id))[0]?.state === "FAILED",
      "a refused mail",
    );
    expect(output).toContain("mail could not be sent");
    expect(output).toContain("SMTP_550");
    for (const secret of ["@test.example", "Beste collega", "Nieuwe verwijzing", "Testregio"]) {
      expect(output).not.toContain(secret);
    }
  });
});
