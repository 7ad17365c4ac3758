import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type Slapd = {
  url: string;
  suffix: string;
  rootDn: string;
  rootPassword: string;
  stop(): Promise<void>;
};

const SLAPD = process.env.SLAPD ?? "/usr/sbin/slapd";
const SLAPADD = process.env.SLAPADD ?? "/usr/sbin/slapadd";
const SCHEMA_DIR = process.env.SLAPD_SCHEMA_DIR ?? "/etc/ldap/schema";
const MODULE_DIR = process.env.SLAPD_MODULE_DIR ?? "/usr/lib/ldap";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`slapd exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const c = createConnection({ port, host: "127.0.0.1" });
      c.once("connect", () => {
        c.destroy();
        resolve(true);
      });
      c.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`slapd did not listen on 127.0.0.1:${port} within ${ms} ms`);
}

/**
 * Starts a private OpenLDAP server (Debian `slapd`) on 127.0.0.1 and a free port with a temporary
 * slapd.conf (mdb database, core/cosine/inetorgperson schemas) and the given LDIF loaded by
 * slapadd. `stop()` ends it and removes its folder. Needs the Debian packages slapd and ldap-utils.
 */
export async function startSlapd(ldif: string, suffix = "dc=example,dc=org"): Promise<Slapd> {
  if (!existsSync(SLAPD)) throw new Error(`slapd not found at ${SLAPD}: apt-get install slapd ldap-utils`);
  const dir = mkdtempSync(path.join(tmpdir(), "sekimori-slapd-"));
  const rootDn = `cn=admin,${suffix}`;
  const rootPassword = "test-secret";
  mkdirSync(path.join(dir, "db"));
  const conf = path.join(dir, "slapd.conf");
  writeFileSync(
    conf,
    [
      `include ${SCHEMA_DIR}/core.schema`,
      `include ${SCHEMA_DIR}/cosine.schema`,
      `include ${SCHEMA_DIR}/inetorgperson.schema`,
      `modulepath ${MODULE_DIR}`,
      "moduleload back_mdb",
      `pidfile ${path.join(dir, "slapd.pid")}`,
      "database mdb",
      "maxsize 10485760",
      `suffix "${suffix}"`,
      `rootdn "${rootDn}"`,
      `rootpw ${rootPassword}`,
      `directory ${path.join(dir, "db")}`,
      "",
    ].join("\n"),
  );
  writeFileSync(path.join(dir, "tree.ldif"), ldif);
  execFileSync(SLAPADD, ["-f", conf, "-l", path.join(dir, "tree.ldif")], { stdio: "pipe" });
  const port = await freePort();
  const child = spawn(SLAPD, ["-f", conf, "-h", `ldap://127.0.0.1:${port}/`, "-d", "0"], { stdio: "ignore" });
  try {
    await waitForPort(port, child, 15_000);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `ldap://127.0.0.1:${port}`,
    suffix,
    rootDn,
    rootPassword,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
