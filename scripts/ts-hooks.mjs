// Module hooks that let plain `node` run this repository's TypeScript sources without a build:
// type syntax is removed with the TypeScript compiler already in devDependencies, and a relative
// "./x.js" import is served from "./x.ts" when only the TypeScript file exists.
// Used by the tests that start real `sekimori` processes (server, CLI, killed children) and by
// scripts/check-importers.ts. Transpiled files are cached by content under node_modules/.cache, so
// only the first process pays for loading the compiler.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cacheDir = fileURLToPath(new URL("../node_modules/.cache/sekimori-ts-hooks/", import.meta.url));
let ts;

export async function resolve(specifier, context, nextResolve) {
  if (
    (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("file:")) &&
    specifier.endsWith(".js") &&
    context.parentURL
  ) {
    const url = new URL(specifier, context.parentURL);
    if (url.protocol === "file:" && !existsSync(fileURLToPath(url))) {
      const tsUrl = new URL(url.href.replace(/\.js$/, ".ts"));
      if (existsSync(fileURLToPath(tsUrl))) return { url: tsUrl.href, shortCircuit: true, format: "module" };
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && url.endsWith(".ts")) {
    const fileName = fileURLToPath(url);
    const source = readFileSync(fileName, "utf8");
    const key = createHash("sha256").update(fileName).update("\0").update(source).digest("hex");
    const cached = `${cacheDir}${key}.js`;
    if (existsSync(cached))
      return { format: "module", source: readFileSync(cached, "utf8"), shortCircuit: true };
    ts ??= (await import("typescript")).default;
    const output = ts.transpileModule(source, {
      fileName,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2023,
        verbatimModuleSyntax: true,
        sourceMap: false,
        inlineSourceMap: true,
      },
    });
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${cached}.${process.pid}`;
      writeFileSync(tmp, output.outputText);
      renameSync(tmp, cached);
    } catch {
      // a read-only tree: run without the cache
    }
    return { format: "module", source: output.outputText, shortCircuit: true };
  }
  return nextLoad(url, context);
}
