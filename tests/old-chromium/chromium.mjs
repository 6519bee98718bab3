// Old Chromium builds from npm (chrome-aws-lambda ships one inside the package), unpacked
// once into target/old-chromium/<major>/ and launched through puppeteer-core 5.3.1.
// node tests/old-chromium/chromium.mjs unpacks both and prints their versions (setup.sh).
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");

/** The builds under test: the cores of 360安全浏览器 12 (78) and 360企业版 / 13 (86). */
export const BUILDS = [
  { major: 78, pkg: "chromium-78" },
  { major: 86, pkg: "chromium-86" },
];

/** Unpacks a build's .br archives (brotli, node's own zlib) unless already done. */
export function unpack({ major, pkg }) {
  const dir = join(ROOT, "target", "old-chromium", String(major));
  const exe = join(dir, "chromium");
  if (existsSync(join(dir, ".unpacked"))) return { dir, exe };
  const bin = join(ROOT, "node_modules", pkg, "bin");
  mkdirSync(dir, { recursive: true });
  writeFileSync(exe, brotliDecompressSync(readFileSync(join(bin, "chromium.br"))));
  chmodSync(exe, 0o755);
  for (const name of ["aws", "swiftshader"]) {
    mkdirSync(join(dir, name), { recursive: true });
    const tar = brotliDecompressSync(readFileSync(join(bin, `${name}.tar.br`)));
    execFileSync("tar", ["-x", "-C", join(dir, name)], { input: tar, maxBuffer: 1 << 30 });
  }
  writeFileSync(join(dir, ".unpacked"), "");
  return { dir, exe };
}

/** Launches a build headless with the libraries it ships; no-WebAssembly on request. */
export async function launch(build, { noWasm = false } = {}) {
  const { dir, exe } = unpack(build);
  const libs = [join(dir, "aws", "lib"), join(dir, "swiftshader"), dir];
  const browser = await puppeteer.launch({
    executablePath: exe,
    headless: true,
    defaultViewport: { width: 1366, height: 768 },
    env: { ...process.env, LD_LIBRARY_PATH: [...libs, process.env.LD_LIBRARY_PATH ?? ""].join(":") },
    args: [
      "--no-sandbox",
      "--single-process",
      "--no-zygote",
      "--headless",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--no-first-run",
      ...(noWasm ? ["--js-flags=--noexpose_wasm"] : []),
    ],
  });
  return browser;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const build of BUILDS) {
    const browser = await launch(build);
    console.log(`${build.pkg}: ${await browser.version()}`);
    await browser.close();
  }
}
