import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ChangeKind } from "../../server/live/live-change.js";
import { announceChange } from "../../server/live/live.service.js";
import { post } from "../../tools/reliability/http.js";
import {
  databaseSwitch,
  startServer,
  type ServerInstance,
} from "../../tools/reliability/instances.js";
import { graphql } from "../support/api.js";
import { buildOrganization, database } from "../support/factories.js";
import { loggedInUser } from "../support/session.js";
import { Role } from "../../server/auth/role.js";
import { referralChain } from "../support/scenarios.js";
import { logged, startInstance } from "../support/instance.js";
import { eventually } from "../support/wait.js";
import {
  answerTo,
  browserHeaders,
  liveClient,
  afterEarlierAnnouncements,
  protocolSocket,
  subscribe,
  tokenOf,
  upgradeStatus,
  whenLive,
} from "../support/live.js";
import { loadConfig } from "../../server/config.js";

const transition = `mutation ($input: ReferralTransitionInput!) {
  transitionReferral(input: $input) { id state }
}`;

// Instance A is the test run's server; B is a second instance on the same database, as a load
// balancer would spread the workers of one region over both.
const instanceA = () => inject("baseUrl");
let instanceB: ServerInstance;

beforeAll(async () => {
  instanceB = await startServer({ databaseUrl: inject("databaseUrl") });
});

afterAll(async () => {
  await instanceB?.stop();
});

describe("live updates across instances", () => {
  it("tells the receiver on instance A within seconds when a partner sends a referral through instance B, and nobody else", async () => {
    const { sender, receiver, referral } = await referralChain<{ id: string }>("id");
    const bystander = await loggedInUser();

    const inbox = subscribe(
      liveClient(instanceA(), browserHeaders(instanceA(), tokenOf(receiver.headers))),
      "referralInboxChanged",
    );
    const dashboard = subscribe(
      liveClient(instanceA(), browserHeaders(instanceA(), tokenOf(receiver.headers))),
      "dashboardChanged",
    );
    const elsewhere = subscribe(
      liveClient(instanceA(), browserHeaders(instanceA(), tokenOf(bystander.headers))),
      "dashboardChanged",
    );
    try {
      await whenLive(inbox, receiver.organizationId);
      await whenLive(dashboard, receiver.organizationId);
      await whenLive(elsewhere, bystander.organizationId);

      const arrivals = Promise.all([inbox.next("REFERRAL"), dashboard.next("REFERRAL")]);
      const sent = await post<{ transitionReferral: { state: string } }>(
        instanceB.url,
        transition,
        { input: { referralId: referral.id, to: "SENT" } },
        sender.headers,
      );
      expect(sent.data?.transitionReferral.state).toBe("SENT");
      const [inboxEvent] = await arrivals;
      // Only a kind and a time: the inbox itself is fetched through the logged queries.
      expect(Object.keys(inboxEvent).sort()).toEqual(["at", "kind"]);

      await afterEarlierAnnouncements([
        { subscription: elsewhere, organizationId: bystander.organizationId },
      ]);
      expect(elsewhere.events.filter((event) => event.kind !== "RESYNC")).toEqual([]);
    } finally {
      await Promise.all([inbox.dispose(), dashboard.dispose(), elsewhere.dispose()]);
    }
  });

  it("announces a draft to the sender only, and a refused step to nobody", async () => {
    const { sender, receiver, caseId } = await referralChain<{ id: string }>("id");
    const senderFeed = subscribe(
      liveClient(instanceB.url, browserHeaders(instanceB.url, tokenOf(sender.headers))),
      "referralInboxChanged",
    );
    const receiverFeed = subscribe(
      liveClient(instanceA(), browserHeaders(instanceA(), tokenOf(receiver.headers))),
      "referralInboxChanged",
    );
    try {
      await whenLive(senderFeed, sender.organizationId);
      await whenLive(receiverFeed, receiver.organizationId);
      const { offeringId } = (
        (await (
          await database()
        ).query('SELECT offering_id AS "offeringId" FROM referral WHERE case_id = $1', [
          caseId,
        ])) as Array<{ offeringId: string }>
      )[0]!;

      // A second draft for the same case: the sender hears of it, the receiver does not.
      const senderHears = senderFeed.next("REFERRAL");
      const draft = await post<{ startReferral: { id: string } }>(
        instanceA(),
        `mutation ($input: StartReferralInput!) { startReferral(input: $input) { id } }`,
        {
          input: {
            caseId,
            offeringId,
            question: "Nog een hulpvraag",
            handoverSummary: "Een tweede verwijzing, nog niet verstuurd.",
            lifeDomains: ["FINANCIEN"],
            urgency: "NORMAAL",
            contactPreferences: [],
          },
        },
        sender.headers,
      );
      expect(draft.data?.startReferral.id).toBeTruthy();
      await senderHears;

      // Sending without a consent is refused: nothing changed, so nothing is announced.
      const refused = await post(
        instanceB.url,
        transition,
        { input: { referralId: draft.data!.startReferral.id, to: "SENT" } },
        sender.headers,
      );
      expect(refused.code).toBe("BAD_USER_INPUT");
      await afterEarlierAnnouncements([
        { subscription: receiverFeed, organizationId: receiver.organizationId },
        { subscription: senderFeed, organizationId: sender.organizationId },
      ]);
      expect(receiverFeed.events.filter((event) => event.kind !== "RESYNC")).toEqual([]);
      expect(senderFeed.events.filter((event) => event.kind === "REFERRAL")).toHaveLength(1);
    } finally {
      await Promise.all([senderFeed.dispose(), receiverFeed.dispose()]);
    }
  });

  it("delivers an announcement only when its transaction commits", async () => {
    const worker = await loggedInUser();
    const feed = subscribe(
      liveClient(instanceA(), browserHeaders(instanceA(), tokenOf(worker.headers))),
      "dashboardChanged",
    );
    try {
      await whenLive(feed, worker.organizationId);
      const db = await database();
      // The write fails after it was announced: the transaction rolls back, and so does the
      // announcement.
      await expect(
        db.transaction(async (manager) => {
          await announceChange(manager, ChangeKind.AGREEMENT, {
            organizationIds: [worker.organizationId],
          });
          await manager.query("SELECT 1 / 0");
        }),
      ).rejects.toThrow(/division by zero/);
      await afterEarlierAnnouncements([
        { subscription: feed, organizationId: worker.organizationId },
      ]);
      expect(feed.events.filter((event) => event.kind === "AGREEMENT")).toEqual([]);

      const committed = feed.next("AGREEMENT");
      await db.transaction((manager) =>
        announceChange(manager, ChangeKind.AGREEMENT, { organizationIds: [worker.organizationId] }),
      );
      await committed;
    } finally {
      await feed.dispose();
    }
  });

  it("announces a change of a case to its whole team", async () => {
    const { sender, receiver, referral, caseId } = await referralChain<{ id: string }>("id");
    await graphql(transition, { input: { referralId: referral.id, to: "SENT" } }, sender.headers);
    await graphql(
      transition,
      { input: { referralId: referral.id, to: "ACCEPTED" } },
      receiver.headers,
    );
    const feed = subscribe(
      liveClient(instanceB.url, browserHeaders(instanceB.url, tokenOf(receiver.headers))),
      "dashboardChanged",
    );
    try {
      await whenLive(feed, receiver.organizationId);
      const regieMoved = feed.next("CASE");
      const transfer = await post(
        instanceA(),
        `mutation ($input: TransferRegieInput!) { transferRegie(input: $input) { id } }`,
        {
          input: {
            caseId,
            toOrganizationId: receiver.organizationId,
            reason: "De kredietbank neemt de regie over",
          },
        },
        sender.headers,
      );
      expect(transfer.code).toBeUndefined();
      await regieMoved;
    } finally {
      await feed.dispose();
    }
  });
});

describe("a withdrawn consent", () => {
  it("updates the inbox of the organisation it named: the referral leaves it", async () => {
    const { sender, receiver, referral, consentId } = await referralChain<{ id: string }>("id");
    await graphql(transition, { input: { referralId: referral.id, to: "SENT" } }, sender.headers);
    const inbox = subscribe(
      liveClient(instanceB.url, browserHeaders(instanceB.url, tokenOf(receiver.headers))),
      "referralInboxChanged",
    );
    try {
      await whenLive(inbox, receiver.organizationId);
      const left = inbox.next("REFERRAL");
      const withdrawn = await post(
        instanceA(),
        `mutation ($consentId: ID!) { withdrawConsent(consentId: $consentId) { id } }`,
        { consentId },
        sender.headers,
      );
      expect(withdrawn.code).toBeUndefined();
      await left;
    } finally {
      await inbox.dispose();
    }
  });
});

describe("who may open a live socket", () => {
  it("refuses an anonymous socket, a session without our Origin, and another site's Origin", async () => {
    const worker = await loggedInUser();
    const token = tokenOf(worker.headers);
    const base = instanceA();

    expect(await upgradeStatus(base, browserHeaders(base, token))).toBe(101);
    expect(await upgradeStatus(base, { origin: base })).toBe(401);
    expect(await upgradeStatus(base, { origin: base, cookie: "kk_session=not-a-session" })).toBe(
      401,
    );
    expect(
      await upgradeStatus(base, { origin: "https://evil.example", cookie: `kk_session=${token}` }),
    ).toBe(403);
    expect(await upgradeStatus(base, { cookie: `kk_session=${token}` })).toBe(403);
    // Behind a proxy that passes the host the browser addressed on as X-Forwarded-Host.
    const proxied = { cookie: `kk_session=${token}`, "x-forwarded-host": "ketenkaart.example" };
    expect(await upgradeStatus(base, { ...proxied, origin: "https://ketenkaart.example" })).toBe(
      101,
    );
    expect(await upgradeStatus(base, { ...proxied, origin: "https://evil.example" })).toBe(403);
    // An API client with a bearer token (which no other site can make a browser send).
    expect(await upgradeStatus(base, { authorization: `Bearer ${token}` })).toBe(101);
  });

  it("ends the socket at once when the session is logged out, before any event", async () => {
    const worker = await loggedInUser();
    const feed = subscribe(
      liveClient(instanceA(), browserHeaders(instanceA(), tokenOf(worker.headers))),
      "dashboardChanged",
    );
    await whenLive(feed, worker.organizationId);
    await graphql(
      `
        mutation {
          logout
        }
      `,
      {},
      worker.headers,
    );
    // The client must log in again; nothing else happened for the socket to notice it by.
    expect((await feed.closed).code).toBe(4401);
    await feed.dispose();
  });

  it("ends a disabled worker's sockets on every instance at once, and only theirs", async () => {
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER] });
    const leaver = await loggedInUser({ organizationId: beheerder.organizationId });
    const colleague = await loggedInUser({ organizationId: beheerder.organizationId });
    const onB = subscribe(
      liveClient(instanceB.url, browserHeaders(instanceB.url, tokenOf(leaver.headers))),
      "dashboardChanged",
    );
    const colleagueFeed = subscribe(
      liveClient(instanceB.url, browserHeaders(instanceB.url, tokenOf(colleague.headers))),
      "dashboardChanged",
    );
    await whenLive(onB, leaver.organizationId);
    await whenLive(colleagueFeed, colleague.organizationId);

    const disabled = await graphql(
      "mutation ($userId: ID!) { disableAccount(userId: $userId) { status } }",
      { userId: leaver.id },
      beheerder.headers,
    );
    expect(disabled.errors).toBeUndefined();
    expect((await onB.closed).code).toBe(4401);
    // The colleague's socket still carries events.
    await whenLive(colleagueFeed, colleague.organizationId);
    await Promise.all([onB.dispose(), colleagueFeed.dispose()]);
  });

  it("carries subscriptions only, within the same limits as HTTP", async () => {
    const worker = await loggedInUser();
    const client = liveClient(instanceA(), browserHeaders(instanceA(), tokenOf(worker.headers)));
    const run = (query: string) =>
      new Promise<Array<{ message: string; extensions?: { code?: string } }>>((resolve) => {
        client.subscribe(
          { query },
          {
            next: () => {},
            error: (errors) => resolve(errors as Array<{ message: string }>),
            complete: () => resolve([]),
          },
        );
      });
    try {
      const query = await run("{ me { id } }");
      expect(query[0]?.message).toMatch(/alleen abonnementen/);
      const deep = await run(`subscription { dashboardChanged { ${"kind ".repeat(2100)} } }`);
      expect(deep[0]?.message).toMatch(/te lang/);
    } finally {
      await client.dispose();
    }
    const overHttp = await graphql(
      "subscription { dashboardChanged { kind } }",
      {},
      worker.headers,
    );
    expect(overHttp.errors?.[0]?.message).toMatch(/WebSocket/);
  });
});

describe("a socket's limits", () => {
  const dashboard = (id: string) => ({
    id,
    type: "subscribe",
    payload: { query: "subscription { dashboardChanged { kind at } }" },
  });

  it("keeps at most 10 subscriptions open on one socket, and takes another once one ends", async () => {
    const worker = await loggedInUser();
    const socket = await protocolSocket(
      instanceA(),
      browserHeaders(instanceA(), tokenOf(worker.headers)),
    );
    try {
      const ten = Array.from({ length: 10 }, (_, index) => `s${index + 1}`);
      for (const id of ten) socket.send(dashboard(id));
      socket.send(dashboard("s11"));
      expect(await answerTo(socket, "s11", worker.organizationId)).toEqual({
        id: "s11",
        type: "error",
        payload: [
          {
            message: "Hoogstens 10 abonnementen per verbinding.",
            extensions: { code: "TOO_MANY_REQUESTS" },
          },
        ],
      });
      // The ten run: a change reaches every one of them.
      for (const id of ten) {
        expect(await answerTo(socket, id, worker.organizationId)).toMatchObject({ type: "next" });
      }
      // One ends, and another may take its place.
      socket.send({ id: "s1", type: "complete" });
      socket.send(dashboard("s12"));
      expect(await answerTo(socket, "s12", worker.organizationId)).toMatchObject({
        type: "next",
      });
      expect(socket.received.filter((message) => message.type === "error")).toHaveLength(1);
    } finally {
      await socket.close();
    }
  });

  it("counts every subscription against the user's request limit, shared with HTTP", async () => {
    const worker = await loggedInUser();
    const socket = await protocolSocket(
      instanceA(),
      browserHeaders(instanceA(), tokenOf(worker.headers)),
    );
    try {
      socket.send(dashboard("before"));
      expect(await answerTo(socket, "before", worker.organizationId)).toMatchObject({
        type: "next",
      });
      // The user's minute used up, as by requests over HTTP to any instance.
      const limit = loadConfig({}).rateLimits.requestsPerUserPerMinute;
      await (
        await database()
      ).query(
        `UPDATE rate_limit SET points = $2, expire = (extract(epoch FROM now()) * 1000)::bigint + 60000
          WHERE key = $1`,
        [`user-requests:${worker.id}`, limit],
      );
      socket.send(dashboard("after"));
      expect(await answerTo(socket, "after", worker.organizationId)).toEqual({
        id: "after",
        type: "error",
        payload: [
          {
            message: expect.stringMatching(
              /^Te veel verzoeken achter elkaar\. Probeer het over \d+ seconden opnieuw\.$/,
            ),
            // What HTTP answers too, without the HTTP status meant for Apollo alone.
            extensions: { code: "TOO_MANY_REQUESTS", retryAfterSeconds: expect.any(Number) },
          },
        ],
      });
    } finally {
      await socket.close();
    }
  });

  it("reads a message of 100 kB, and closes the socket with 1009 Message Too Big on a larger one, without a stack trace", async () => {
    const worker = await loggedInUser();
    const instance = await startInstance();
    const socket = await protocolSocket(
      instance.baseUrl,
      browserHeaders(instance.baseUrl, tokenOf(worker.headers)),
    );
    // A subscribe of exactly `bytes` bytes, padded with a variable the operation never reads; its
    // query is refused at once, so every message that is read gets an answer.
    const ofSize = (id: string, bytes: number) => {
      const message = {
        id,
        type: "subscribe",
        payload: { query: "{ me { id } }", variables: { padding: "" } },
      };
      message.payload.variables.padding = "x".repeat(
        bytes - Buffer.byteLength(JSON.stringify(message)),
      );
      const text = JSON.stringify(message);
      expect(Buffer.byteLength(text)).toBe(bytes);
      return text;
    };
    const limit = 100 * 1024;

    socket.send(ofSize("at-limit", limit));
    expect(await socket.answer("at-limit")).toMatchObject({
      type: "error",
      payload: [{ message: expect.stringMatching(/alleen abonnementen/) }],
    });
    socket.send(ofSize("over-limit", limit + 1));
    // Closed before it was read: no answer comes.
    expect(await socket.answer("over-limit")).toBeNull();
    expect((await socket.closed).code).toBe(1009);
    // A client's oversized frame is no failure of the server: one line in its log says so.
    await logged(instance, /^live socket closed on a refused frame$/);
    await instance.stop();
    expect(instance.errorOutput()).not.toMatch(/Error|\n\s+at /);
  });
});

describe("stopping an instance", () => {
  it("closes its sockets with Going Away, so clients reconnect elsewhere, and exits cleanly", async () => {
    const instance = await startServer({ databaseUrl: inject("databaseUrl") });
    const worker = await loggedInUser({ organizationId: await buildOrganization() });
    const feed = subscribe(
      liveClient(instance.url, browserHeaders(instance.url, tokenOf(worker.headers))),
      "dashboardChanged",
    );
    await whenLive(feed, worker.organizationId);
    const exitCode = instance.stop("SIGTERM");
    expect((await feed.closed).code).toBe(1001);
    expect(await exitCode).toBe(0);
    await feed.dispose();
  });
});

describe("when the database connection of an instance drops", () => {
  it("reconnects its listener and tells its subscribers to fetch again", async () => {
    const link = await databaseSwitch(inject("databaseUrl"));
    let output = "";
    const instance = await startServer({
      databaseUrl: link.url,
      env: { LOG_LEVEL: "warn" },
      onOutput: (text) => (output += text),
    });
    const worker = await loggedInUser();
    const feed = subscribe(
      liveClient(instance.url, browserHeaders(instance.url, tokenOf(worker.headers))),
      "dashboardChanged",
    );
    try {
      await whenLive(feed, worker.organizationId, "CASE");
      await link.cut();
      await eventually(
        () => output.includes("lost the database connection for live updates"),
        "the instance noticing the lost connection",
      );
      // Whatever was announced meanwhile never reached this instance …
      const resync = feed.next("RESYNC");
      await link.restore();
      // … so once it listens again, its subscribers refetch.
      await resync;
      await whenLive(feed, worker.organizationId, "AGREEMENT");
    } finally {
      expect(await instance.stop("SIGTERM")).toBe(0);
      await feed.dispose();
    }
  });
});
