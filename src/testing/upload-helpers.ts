/** Helpers for tests that send files to the server the way browsers do, and check what is left. */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** A multipart/form-data body with text fields and file parts (field name `file` unless given). */
export function multipart(
  fields: Record<string, string>,
  files: { name: string; content: Buffer | string; field?: string; type?: string }[],
) {
  const boundary = `----sekimori${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? "file"}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * Files left in upload folders under `dir` (the test's own TMPDIR): any file inside a folder the
 * server made for an upload — the current per-process area or the per-request folders of old.
 */
export function uploadLeftovers(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, inUpload: boolean) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const upload = inUpload || /^sekimori-(uploads|batch|list-upload)-/.test(name);
      if (statSync(p).isDirectory()) walk(p, upload);
      else if (upload) out.push(p);
    }
  };
  walk(dir, false);
  return out;
}

/** Open file descriptors of this process (Linux). */
export function openFileDescriptors(): number {
  return readdirSync("/proc/self/fd").length;
}
