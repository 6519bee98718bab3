// Builds dist/ziping.html from the release dist/: CSS, JS and wasm inlined, so the app
// opens straight from disk (file://), e.g. from a USB stick or a shared drive.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const files = readdirSync(dist);
const pick = (re) => {
  const f = files.find((n) => re.test(n));
  if (!f) throw new Error(`no file matching ${re} in ${dist}`);
  return join(dist, f);
};
const css = readFileSync(pick(/^main-.*\.css$/), "utf8");
const js = readFileSync(pick(/^ziping-app-[0-9a-f]+\.js$/), "utf8");
const wasm = readFileSync(pick(/^ziping-app-[0-9a-f]+_bg\.wasm$/)).toString("base64");

// The bindings as a classic module body: no exports, started from the inlined bytes.
const body = js
  .replace(/^export class /gm, "class ")
  .replace(/^export function /gm, "function ")
  .replace(/^export \{[^}]*\};?\s*$/gm, "");
if (/^export /m.test(body)) throw new Error("unexpected export left in the bindings");

const html = `<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>自评 · 部门整体支出绩效自评</title>
    <style>${css}</style>
  </head>
  <body>
    <script type="module">
${body}
const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
    </script>
  </body>
</html>
`;
writeFileSync(join(dist, "ziping.html"), html);
console.log(`dist/ziping.html: ${html.length} bytes`);
