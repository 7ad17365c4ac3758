/**
 * Writes a generated dataset to a directory (the IO half of the demo generator): one open file
 * descriptor per output file, appended to in order, so a 180-day dataset is written in one pass.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { type GeneratedSummary, type GeneratorOptions, generateCertDataset } from "./generator.js";

/** Generates a demo dataset into `outDir` (created if missing; existing files are overwritten). */
export function writeDemoDataset(outDir: string, options: GeneratorOptions): GeneratedSummary {
  mkdirSync(outDir, { recursive: true });
  const fds = new Map<string, number>();
  try {
    return generateCertDataset(options, {
      append(file, text) {
        let fd = fds.get(file);
        if (fd === undefined) {
          const full = path.join(outDir, file);
          mkdirSync(path.dirname(full), { recursive: true });
          fd = openSync(full, "w");
          fds.set(file, fd);
        }
        writeSync(fd, text);
      },
    });
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
}
