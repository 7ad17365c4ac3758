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
  private readonly cache = new Map<string, ConfidentialAsset | null>();

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
    const norm = normalisePath(file);
    for (const p of this.paths) if (norm.startsWith(p.prefix)) return p.asset;
    return null;
  }

  /** The confidential repository or URL this address falls under, if any (cached: URLs repeat). */
  url(url: string): ConfidentialAsset | null {
    if (this.urls.length === 0 || url === "") return null;
    const hit = this.cache.get(url);
    if (hit !== undefined) return hit;
    const norm = normaliseUrl(url);
    let found: ConfidentialAsset | null = null;
    for (const p of this.urls) {
      if (norm.startsWith(p.prefix)) {
        found = p.asset;
        break;
      }
    }
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(url, found);
    return found;
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
