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
  private readonly pathTrie: PrefixTrie;
  private readonly urlTrie: PrefixTrie;

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
    this.pathTrie = new PrefixTrie(this.paths);
    this.urlTrie = new PrefixTrie(this.urls);
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
      const found = this.pathTrie.match(file, 0, true);
      if (found !== undefined) return found;
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
      const found = this.urlTrie.match(url, start, false);
      if (found !== undefined) return found;
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

/** One node of a {@link PrefixTrie}: children by UTF-16 code unit, and the entry ending here. */
type TrieNode = { next: Map<number, TrieNode> | null; asset: ConfidentialAsset | null };

/**
 * The normalised prefixes of one asset kind as a character tree, so a lookup walks the event's text
 * once instead of comparing it with every prefix (40 project shares cost 40 comparisons per file
 * event before). Entries are added longest first and an equal prefix keeps the first entry, so the
 * answer is exactly the old "first prefix in longest-first order" rule.
 */
export class PrefixTrie {
  private readonly root: TrieNode = { next: null, asset: null };

  constructor(entries: readonly { prefix: string; asset: ConfidentialAsset }[]) {
    for (const { prefix, asset } of entries) {
      let node = this.root;
      for (let i = 0; i < prefix.length; i++) {
        const c = prefix.charCodeAt(i);
        if (node.next === null) node.next = new Map();
        let child = node.next.get(c);
        if (child === undefined) {
          child = { next: null, asset: null };
          node.next.set(c, child);
        }
        node = child;
      }
      if (node.asset === null) node.asset = asset;
    }
  }

  /**
   * The entry with the longest prefix that `text` from `start`, lower-cased (and with `\` read as
   * `/` when `slashes`), begins with; null when none; undefined when a non-ASCII character was met
   * while a prefix could still match (the caller then normalises exactly, since lower-casing some
   * non-ASCII letters changes the string's length or yields ASCII).
   */
  match(text: string, start: number, slashes: boolean): ConfidentialAsset | null | undefined {
    let node = this.root;
    let best: ConfidentialAsset | null = node.asset;
    for (let i = start; i < text.length; i++) {
      const next = node.next;
      if (next === null) break;
      let c = text.charCodeAt(i);
      if (c >= 128) return undefined;
      if (c >= 65 && c <= 90) c += 32;
      else if (slashes && c === 92) c = 47;
      const child = next.get(c);
      if (child === undefined) break;
      node = child;
      if (node.asset !== null) best = node.asset;
    }
    return best;
  }
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
    // Compared in place (a slice per URL was garbage): ASCII only, then a case-insensitive "www.".
    for (let i = s; i < s + 4; i++) if (url.charCodeAt(i) >= 128) return -1;
    if (
      (url.charCodeAt(s) | 0x20) === 0x77 &&
      (url.charCodeAt(s + 1) | 0x20) === 0x77 &&
      (url.charCodeAt(s + 2) | 0x20) === 0x77 &&
      url.charCodeAt(s + 3) === 0x2e
    )
      s += 4;
  }
  return s;
}
