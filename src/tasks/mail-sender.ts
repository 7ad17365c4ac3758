import nodemailer from "nodemailer";
import type { Db } from "../db/database.js";
import type { TasksRepo } from "./tasks-repo.js";

/** Seconds to wait before the n-th retry of a failed e-mail (1, 2, 4 … minutes, at most an hour). */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 60 * 2 ** Math.max(0, attempts));
}

/**
 * Delivers queued e-mails over SMTP. Runs after commit (polling the outbox), so mail only goes out
 * for changes that really happened; failures are retried with back-off and recorded.
 */
export function createMailSender({
  db,
  repo,
  smtpUrl,
  from,
  clock = () => new Date(),
  log = () => {},
}: {
  db: Db;
  repo: TasksRepo;
  smtpUrl: string | undefined;
  from: string;
  clock?: () => Date;
  log?: (message: string) => void;
}) {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  async function sendPending(limit = 50): Promise<{ sent: number; failed: number }> {
    if (!transport || running) return { sent: 0, failed: 0 };
    running = true;
    let sent = 0;
    let failed = 0;
    try {
      const pending = await repo.pendingEmails(db, clock(), limit);
      for (const mail of pending) {
        try {
          await transport.sendMail({ from, to: mail.to_address, subject: mail.subject, text: mail.body });
          await repo.markSent(db, mail.id, clock());
          sent += 1;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await repo.markFailed(
            db,
            mail.id,
            message,
            new Date(clock().getTime() + retryDelaySeconds(mail.attempts) * 1000),
          );
          log(`e-mail to ${mail.to_address} failed: ${message}`);
          failed += 1;
        }
      }
    } finally {
      running = false;
    }
    return { sent, failed };
  }

  return {
    configured: transport !== undefined,
    sendPending,
    start(intervalMs = 15_000) {
      if (!transport || timer) return;
      timer = setInterval(() => {
        sendPending().catch((error) =>
          log(`mail sender: ${error instanceof Error ? error.message : String(error)}`),
        );
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      transport?.close();
    },
  };
}

export type MailSender = ReturnType<typeof createMailSender>;
