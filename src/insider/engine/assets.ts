/**
 * The confidential-asset registry (秘密管理性: knowing which information is managed as secret): which
 * servers, file paths, repositories and URLs hold confidential data, which projects may use them,
 * which roles may reach them for their job (e.g. IT administrators) and which outside domains a
 * project may share them with (partners under NDA). The engine uses it for "confidential access",
 * "out-of-scope access" and "confidential attachment" indicators.
 */

export type AssetKind = "server" | "path" | "repository" | "url";
export const ASSET_KINDS: readonly AssetKind[] = ["server", "path", "repository", "url"];

export type ConfidentialAsset = {
  id: string;
  name: string;
  kind: AssetKind;
  /** server: host name; path: path prefix (`\\fs01\rnd\` or `/srv/rnd/`); repository/url: URL prefix. */
  pattern: string;
  /** Projects whose members may use it; empty = everyone inside the organisation. */
  projects: readonly string[];
  /** Roles that may reach it for their work whatever their projects (e.g. `ITAdmin`). */
  allowedRoles: readonly string[];
  /** Outside e-mail domains the data may be sent to (partners under NDA). */
  allowedDomains: readonly string[];
};

export type AssetProblem = { index: number; field: string; reason: string };

/** Normalises a path for prefix matching: lower case, forward slashes, no drive-letter case issues. */
export function normalisePath(path: string): string {
  return path.trim().toLowerCase().replaceAll("\\", "/");
}

/** Normalises a URL for prefix matching: lower case, no scheme, no leading `www.`. */
export function normaliseUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^www\./, "");
}

/** Checks registry entries; every problem is reported with the entry's index and field. */
export function validateAssets(input: unknown): { assets: ConfidentialAsset[]; problems: AssetProblem[] } {
  const problems: AssetProblem[] = [];
  const assets: ConfidentialAsset[] = [];
  const list = Array.isArray(input)
    ? input
    : input && typeof input === "object" && Array.isArray((input as { assets?: unknown }).assets)
      ? (input as { assets: unknown[] }).assets
      : null;
  if (list === null) {
    problems.push({ index: -1, field: "assets", reason: 'expected an array of assets or {"assets": [...]}' });
    return { assets, problems };
  }
  const ids = new Set<string>();
  list.forEach((raw, index) => {
    if (!raw || typeof raw !== "object") {
      problems.push({ index, field: "", reason: "not an object" });
      return;
    }
    const a = raw as Record<string, unknown>;
    const str = (k: string) => (typeof a[k] === "string" ? (a[k] as string).trim() : "");
    const strs = (k: string): string[] =>
      Array.isArray(a[k])
        ? (a[k] as unknown[])
            .filter((v): v is string => typeof v === "string")
            .map((v) => v.trim())
            .filter(Boolean)
        : [];
    const id = str("id");
    const kind = str("kind") as AssetKind;
    const pattern = str("pattern");
    if (!id) problems.push({ index, field: "id", reason: "id is required" });
    else if (ids.has(id)) problems.push({ index, field: "id", reason: `duplicate id ${id}` });
    if (!ASSET_KINDS.includes(kind))
      problems.push({ index, field: "kind", reason: `kind must be one of ${ASSET_KINDS.join(", ")}` });
    if (!pattern) problems.push({ index, field: "pattern", reason: "pattern is required" });
    if (!id || !ASSET_KINDS.includes(kind) || !pattern || ids.has(id)) return;
    ids.add(id);
    assets.push({
      id,
      name: str("name") || id,
      kind,
      pattern,
      projects: strs("projects"),
      allowedRoles: strs("allowedRoles"),
      allowedDomains: strs("allowedDomains").map((d) => d.toLowerCase()),
    });
  });
  return { assets, problems };
}

/** Looks events up in the registry quickly (hosts by exact name, paths and URLs by prefix). */
export class AssetRegistry {
  readonly assets: readonly ConfidentialAsset[];
  private readonly servers = new Map<string, ConfidentialAsset>();
  private readonly paths: { prefix: string; asset: ConfidentialAsset }[] = [];
  private readonly urls: { prefix: string; asset: ConfidentialAsset }[] = [];

  constructor(assets: readonly ConfidentialAsset[] = []) {
    this.assets = assets;
    for (const a of assets) {
      if (a.kind === "server") this.servers.set(a.pattern.toLowerCase(), a);
      else if (a.kind === "path") this.paths.push({ prefix: normalisePath(a.pattern), asset: a });
      else this.urls.push({ prefix: normaliseUrl(a.pattern), asset: a });
    }
    // Longest prefix first, so the most specific entry wins.
    this.paths.sort((x, y) => y.prefix.length - x.prefix.length);
    this.urls.sort((x, y) => y.prefix.length - x.prefix.length);
  }

  get isEmpty(): boolean {
    return this.assets.length === 0;
  }

  /** The confidential server with this host name, if any. */
  server(host: string): ConfidentialAsset | null {
    if (this.servers.size === 0) return null;
    return this.servers.get(host.toLowerCase()) ?? null;
  }

  /** The most specific confidential path that contains this file, if any. */
  path(file: string): ConfidentialAsset | null {
    if (this.paths.length === 0 || file === "") return null;
    // Hot path (every file event): compare in place instead of normalising the whole path; anything
    // but plain ASCII takes the exact normalise-then-compare route.
    const c0 = file.charCodeAt(0);
    if (c0 > 32 && c0 < 127) {
      let bail = false;
      for (const p of this.paths) {
        const m = matchPrefixAscii(file, 0, p.prefix, true);
        if (m === 1) return p.asset;
        if (m === -1) {
          bail = true;
          break;
        }
      }
      if (!bail) return null;
    }
    const norm = normalisePath(file);
    for (const p of this.paths) if (norm.startsWith(p.prefix)) return p.asset;
    return null;
  }

  /** The confidential repository or URL this address falls under, if any. */
  url(url: string): ConfidentialAsset | null {
    if (this.urls.length === 0 || url === "") return null;
    const start = asciiUrlStart(url);
    if (start >= 0) {
      let bail = false;
      for (const p of this.urls) {
        const m = matchPrefixAscii(url, start, p.prefix, false);
        if (m === 1) return p.asset;
        if (m === -1) {
          bail = true;
          break;
        }
      }
      if (!bail) return null;
    }
    const norm = normaliseUrl(url);
    for (const p of this.urls) if (norm.startsWith(p.prefix)) return p.asset;
    return null;
  }

  /**
   * True when the person may use the asset: it is open to everyone, one of their projects is listed,
   * or their role is allowed.
   */
  inScope(asset: ConfidentialAsset, projects: readonly string[], role: string): boolean {
    if (asset.projects.length === 0) return true;
    if (asset.allowedRoles.includes(role)) return true;
    for (const p of projects) if (asset.projects.includes(p)) return true;
    return false;
  }
}

/**
 * Whether `text` from `start`, lower-cased (and with `\` read as `/` when `slashes`), begins with
 * `prefix`: 1 yes, 0 no, -1 a non-ASCII character was met (the caller then normalises exactly,
 * since lower-casing some non-ASCII letters changes the string's length or yields ASCII).
 */
function matchPrefixAscii(text: string, start: number, prefix: string, slashes: boolean): number {
  const n = prefix.length;
  for (let i = 0; i < n; i++) {
    if (start + i >= text.length) return 0;
    let c = text.charCodeAt(start + i);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) c += 32;
    else if (slashes && c === 92) c = 47;
    if (c !== prefix.charCodeAt(i)) return 0;
  }
  return 1;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Where {@link normaliseUrl}'s result starts inside `url` (after a scheme and a leading `www.`), or
 * -1 when the URL needs the exact route (leading space or non-ASCII before that point).
 */
function asciiUrlStart(url: string): number {
  const c0 = url.charCodeAt(0);
  if (!(c0 > 32 && c0 < 127)) return -1;
  let s = 0;
  if (isAsciiLetter(c0)) {
    let i = 1;
    for (; i < url.length; i++) {
      const c = url.charCodeAt(i);
      if (c >= 128) return -1;
      if (!(isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45)) break;
    }
    if (url.charCodeAt(i) === 58 && url.charCodeAt(i + 1) === 47 && url.charCodeAt(i + 2) === 47) s = i + 3;
  }
  if (url.length >= s + 4) {
    const w = url.slice(s, s + 4);
    for (let i = 0; i < 4; i++) if (w.charCodeAt(i) >= 128) return -1;
    if (w.toLowerCase() === "www.") s += 4;
  }
  return s;
}
