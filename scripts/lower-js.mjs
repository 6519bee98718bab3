// Lowers every .js file under a folder for Chromium 78 with esbuild (wasm-bindgen's glue
// uses `?.` and `??`, which Chromium 78 stops at), then renews the integrity hashes of the
// folder's index.html for the files that changed, so the page still loads them.
// node scripts/lower-js.mjs <dir>
import { readFileSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node scripts/lower-js.mjs <dir>");

/** Every file under `at`, as paths relative to `dir`. */
const files = (at = "") =>
  readdirSync(join(dir, at), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(at, e.name)) : [join(at, e.name)],
  );

for (const file of files().filter((f) => f.endsWith(".js"))) {
  const path = join(dir, file);
  const { code } = transformSync(readFileSync(path, "utf8"), {
    loader: "js",
    format: "esm",
    target: "chrome78",
    charset: "utf8",
  });
  writeFileSync(path, code);
}

const page = join(dir, "index.html");
if (existsSync(page)) {
  const html = readFileSync(page, "utf8").replace(/<link\b[^>]*>/g, (link) => {
    const href = /\bhref="\.?\/?([^"]+)"/.exec(link);
    const integrity = /\bintegrity="(sha\d+)-[^"]*"/.exec(link);
    if (!href || !integrity || !existsSync(join(dir, href[1]))) return link;
    const digest = createHash(integrity[1]).update(readFileSync(join(dir, href[1]))).digest("base64");
    return link.replace(/\bintegrity="[^"]*"/, `integrity="${integrity[1]}-${digest}"`);
  });
  writeFileSync(page, html);
}
