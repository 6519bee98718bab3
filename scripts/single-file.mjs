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
// The export module stays lazy: inlined as inert base64, started only when asked for.
const exportJs = readFileSync(join(dist, "export", "ziping_export.js")).toString("base64");
const exportWasm = readFileSync(join(dist, "export", "ziping_export_bg.wasm")).toString("base64");

// The bindings as a classic module body: no exports, started from the inlined bytes.
const body = js
  .replace(/^export class /gm, "class ")
  .replace(/^export function /gm, "function ")
  .replace(/^export \{[^}]*\};?\s*$/gm, "");
if (/^export /m.test(body)) throw new Error("unexpected export left in the bindings");

// The page is dist/index.html itself, with Trunk's script, stylesheet and preload tags
// replaced by the inlined CSS and the bindings started from the inlined bytes.
const page = readFileSync(join(dist, "index.html"), "utf8")
  .replace(/<script type="module">[\s\S]*?<\/script>/, "")
  .replace(/<link rel="(stylesheet|modulepreload|preload)"[^>]*>/g, "");
if (/ziping-app-|main-[0-9a-f]+\.css/.test(page)) throw new Error("a Trunk asset link is left in the page");
// The start is a promise chain, not a top-level await: Chromium 78 parses it (issue #12).
const html = page
  .replace("</head>", `<style>${css}</style>\n  </head>`)
  .replace(
    "</body>",
    `  <script type="application/octet-stream" id="ziping-export-js">${exportJs}</script>
    <script type="application/octet-stream" id="ziping-export-wasm">${exportWasm}</script>
    <script type="module">
${body}
const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
__wbg_init({ module_or_path: bytes }).catch(window.zipingStartFailed);
    </script>
  </body>`,
  );
if (!html.includes("__wbg_init({ module_or_path: bytes })")) throw new Error("no </body> to start the app in");
writeFileSync(join(dist, "ziping.html"), html);
console.log(`dist/ziping.html: ${html.length} bytes`);
