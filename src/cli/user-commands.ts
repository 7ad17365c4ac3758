import type { Command } from "commander";
import { ALL_ROLES } from "../auth/auth-engine.js";
import type { Role } from "../db/schema.js";
import { cliActor } from "../shared/actor.js";
import { fail, readStdin, withServices } from "./context.js";

function parseRoles(list: string): Role[] {
  const roles = list
    .split(/[,\s]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !ALL_ROLES.includes(r as Role));
  if (unknown.length > 0) {
    throw new Error(`unknown role(s): ${unknown.join(", ")} (known: ${ALL_ROLES.join(", ")})`);
  }
  return roles as Role[];
}

/** `sekimori user add|list|set-roles|reset-password|reset-totp`. */
export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("manage local accounts and roles");

  user
    .command("add")
    .description("create a user; prints a random password unless --password-stdin is given")
    .argument("<username>", "login name (letters, digits, . _ -)")
    .requiredOption("--roles <roles>", `comma-separated roles: ${ALL_ROLES.join(", ")}`)
    .option("--name <displayName>", "display name (defaults to the username)")
    .option("--email <email>", "e-mail address")
    .option("--department <department>", "department or unit")
    .option("--locale <locale>", "ja or en", "ja")
    .option("--password-stdin", "read the password from standard input")
    .action(async (username: string, opts) => {
      try {
        const roles = parseRoles(opts.roles);
        const password = opts.passwordStdin ? await readStdin() : undefined;
        await withServices(async (services) => {
          const result = await services.auth.createUser(cliActor(), {
            username,
            displayName: opts.name ?? username,
            email: opts.email ?? null,
            department: opts.department ?? null,
            locale: opts.locale === "en" ? "en" : "ja",
            roles,
            ...(password !== undefined ? { password } : {}),
          });
          process.stdout.write(`created ${result.user.username} (${result.user.roles.join(", ")})\n`);
          if (result.password) process.stdout.write(`password: ${result.password}\n`);
        });
      } catch (error) {
        fail(error);
      }
    });

  user
    .command("list")
    .description("list users with their roles and state")
    .option("--json", "print JSON")
    .action(async (opts) => {
      try {
        await withServices(async (services) => {
          const users = await services.auth.listUsers();
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
            return;
          }
          for (const u of users) {
            const state = u.disabled
              ? "disabled"
              : u.lockedUntil && Date.parse(u.lockedUntil) > Date.now()
                ? "locked"
                : "active";
            process.stdout.write(
              `${u.username.padEnd(20)} ${state.padEnd(9)} ${u.roles.join(",").padEnd(40)} ${u.displayName}\n`,
            );
          }
        });
      } catch (error) {
        fail(error);
      }
    });

  user
    .command("set-roles")
    .description("replace a user's roles")
    .argument("<username>")
    .argument("<roles>", `comma-separated roles: ${ALL_ROLES.join(", ")}`)
    .action(async (username: string, rolesText: string) => {
      try {
        const roles = parseRoles(rolesText);
        await withServices(async (services) => {
          const found = await services.auth.findByUsername(username);
          if (!found) throw new Error(`no user named ${username}`);
          const updated = await services.auth.updateUser(cliActor(), found.id, { roles });
          process.stdout.write(`${updated.username}: ${updated.roles.join(", ") || "(no roles)"}\n`);
        });
      } catch (error) {
        fail(error);
      }
    });

  user
    .command("reset-totp")
    .description(
      "remove a user's two-step login (lost phone): their sessions end and they set it up again at the next login",
    )
    .argument("<username>")
    .action(async (username: string) => {
      try {
        await withServices(async (services) => {
          const found = await services.auth.findByUsername(username);
          if (!found) throw new Error(`no user named ${username}`);
          await services.auth.resetTotp(cliActor(), found.id);
          process.stdout.write(`two-step login reset for ${username}\n`);
        });
      } catch (error) {
        fail(error);
      }
    });

  user
    .command("reset-password")
    .description(
      "set a new password (random unless --password-stdin), unlock the account and end its sessions",
    )
    .argument("<username>")
    .option("--password-stdin", "read the new password from standard input")
    .action(async (username: string, opts) => {
      try {
        const password = opts.passwordStdin ? await readStdin() : undefined;
        await withServices(async (services) => {
          const found = await services.auth.findByUsername(username);
          if (!found) throw new Error(`no user named ${username}`);
          const result = await services.auth.resetPassword(cliActor(), found.id, password);
          process.stdout.write(`password reset for ${username}\n`);
          if (result.password) process.stdout.write(`password: ${result.password}\n`);
        });
      } catch (error) {
        fail(error);
      }
    });
}
