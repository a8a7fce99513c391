import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";
import { freePort } from "../../tools/reliability/instances.js";
import { startInstance, type Instance } from "./instance.js";

export interface ReceivedMail {
  /** The envelope's recipients: who the SMTP server was asked to deliver to. */
  to: string[];
  parsed: ParsedMail;
  /** The message as it came over the wire, headers and all. */
  raw: string;
}

/**
 * A real SMTP server on loopback that keeps what it receives, for the mail tests: it can be
 * stopped and started again on the same port (an SMTP outage), told to refuse an address with
 * a given reply code, and told to take its time before it accepts a message.
 */
export async function startSmtpSink() {
  const port = await freePort();
  const received: ReceivedMail[] = [];
  const refusals = new Map<string, number>();
  let answerAfterMs = 0;
  let server: SMTPServer | undefined;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        closeTimeout: 200,
        onRcptTo(address, _session, callback) {
          const code = refusals.get(address.address.toLowerCase());
          if (!code) return callback();
          const error = new Error(code >= 500 ? "Mailbox unavailable" : "Try again later");
          (error as Error & { responseCode: number }).responseCode = code;
          return callback(error);
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", async () => {
            const raw = Buffer.concat(chunks).toString("utf8");
            await new Promise((resolve) => setTimeout(resolve, answerAfterMs));
            simpleParser(raw).then(
              (parsed) => {
                received.push({
                  to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
                  parsed,
                  raw,
                });
                callback();
              },
              (error: Error) => callback(error),
            );
          });
        },
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await start();

  return {
    url: `smtp://127.0.0.1:${port}`,
    /** Everything delivered to this address so far. */
    mailTo(address: string): ReceivedMail[] {
      return received.filter((mail) => mail.to.includes(address.toLowerCase()));
    },
    refuse(address: string, code: number) {
      refusals.set(address.toLowerCase(), code);
    },
    /** Accepts each message only after `ms`, as a busy mail server does; 0 for at once. */
    answerAfter(ms: number) {
      answerAfterMs = ms;
    },
    /** Stops listening: new connections are refused, as with a mail server that is down. */
    stop: () => new Promise<void>((resolve) => server!.close(() => resolve())),
    start,
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/**
 * For a file's tests: a real SMTP sink and an instance that mails to it (the lanes' servers send
 * no e-mail), on the lane's database, with `env` on top. Started before the file's tests, stopped
 * after them; call at the top of the file.
 */
export function useMailingInstance(env: Record<string, string> = {}) {
  let sink: SmtpSink | undefined;
  let server: Instance | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startInstance({
      SMTP_URL: sink.url,
      MAIL_FROM: "Ketenkaart <noreply@ketenkaart.example>",
      MAIL_JOB_INTERVAL_SECONDS: "1",
      ...env,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
  });
  return { sink: () => sink!, server: () => server! };
}
