import type { Command } from "commander";
import { fail, withServices } from "../cli/context.js";
import { cliActor } from "../shared/actor.js";

/**
 * `sekimori training remind` (for cron, in addition to the server's own schedule) and
 * `sekimori cases install` (adds missing built-in cases and modules; the server does this at start).
 */
export function registerTrainingCommands(program: Command): void {
  const training = program.command("training").description("training modules and reminders");
  training
    .command("remind")
    .description("assign required modules to people who need them and remind people with overdue training")
    .action(async () => {
      try {
        await withServices(async (services) => {
          const r = await services.training.runReminders(cliActor());
          process.stdout.write(`assigned: ${r.assigned}\nreminded: ${r.reminded}\n`);
        });
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
      }
    });

  const cases = program.command("cases").description("the case library");
  cases
    .command("install")
    .description("add the built-in cases and training modules that are missing (never overwrites edits)")
    .action(async () => {
      try {
        await withServices(async (services) => {
          const actor = cliActor();
          const added = await services.cases.installBuiltIns(actor);
          const modules = await services.training.installBuiltIns(actor);
          process.stdout.write(`cases added: ${added.length}\nmodules added: ${modules.length}\n`);
        });
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
      }
    });
}
