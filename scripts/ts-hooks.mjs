// Module hooks that let plain `node` run this repository's TypeScript sources without a build:
// type syntax is removed with the TypeScript compiler already in devDependencies, and a relative
// "./x.js" import is served from "./x.ts" when only the TypeScript file exists.
// Used by the list-import kill test (a child process) and by scripts/check-importers.ts.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";

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
    const source = readFileSync(fileURLToPath(url), "utf8");
    const output = ts.transpileModule(source, {
      fileName: fileURLToPath(url),
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2023,
        verbatimModuleSyntax: true,
        sourceMap: false,
        inlineSourceMap: true,
      },
    });
    return { format: "module", source: output.outputText, shortCircuit: true };
  }
  return nextLoad(url, context);
}
