import type { Command } from "commander";
import { fail, withServices } from "../cli/context.js";
import { systemActor } from "../shared/actor.js";

/**
 * `sekimori people remind`: sends the due-declaration reminders (research-integrity disclosures and
 * 特定類型 reviews due within 30 days or overdue) and delivers queued e-mails — for a daily cron job.
 */
export function registerPeopleCommands(program: Command): void {
  const people = program.command("people").description("person records and declarations");
  people
    .command("remind")
    .description("open tasks and send e-mails for declarations due within 30 days or overdue (run daily)")
    .action(async () => {
      try {
        await withServices(async (services) => {
          const { reminded } = await services.people.sendDueReminders(systemActor("cli:people-remind"));
          const mail = await services.mailSender.sendPending(500);
          process.stdout.write(
            `reminders: ${reminded}, e-mails sent: ${mail.sent}, failed: ${mail.failed}\n`,
          );
          services.mailSender.stop();
        });
      } catch (error) {
        fail(error);
      }
    });
}
