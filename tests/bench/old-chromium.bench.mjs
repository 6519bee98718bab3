// Navigation to the score visible, in Chromium 78 and 86 (chrome-aws-lambda, puppeteer-core)
// and today's Debian Chromium (Playwright), in one run against the same release dist/. Not
// a test: it prints medians for BENCHMARKS.md. Run after `bash scripts/build.sh`:
//   node tests/bench/old-chromium.bench.mjs [DIST]
// Each browser opens the page once and loads the sample (the draft is then saved), then
// reloads RUNS times; each reload is timed from navigation start to the moment the score
// card shows 99.32, from inside the page.
import { chromium } from "playwright";
import { spawn } from "node:child_process";
import { BUILDS, launch } from "../old-chromium/chromium.mjs";

const PORT = 4177;
const URL = `http://127.0.0.1:${PORT}/`;
const RUNS = 15;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic"];

/** Runs in the page before its scripts: notes when the score card first shows 99.32. */
function watchScore() {
  const shown = () => {
    const el = document.querySelector('[data-testid="score-total"]');
    return el && el.textContent.trim() === "99.32";
  };
  const obs = new MutationObserver(() => {
    if (shown()) {
      window.__scoreShown = performance.now();
      obs.disconnect();
    }
  });
  obs.observe(document, { childList: true, subtree: true, characterData: true });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(0)} ms`;

/** Times RUNS reloads of a page that has the sample as its saved draft. */
async function reloads(page) {
  await page.goto(URL);
  await page.waitForSelector('[data-testid="load-sample"]');
  await page.click('[data-testid="load-sample"]');
  await page.waitForFunction(() => window.__scoreShown !== undefined || document.querySelector('[data-testid="score-total"]').textContent.trim() === "99.32");
  await page.waitForTimeout(800); // autosave runs 250 ms after the last edit
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    await page.waitForFunction(() => window.__scoreShown !== undefined, { timeout: 30_000 });
    out.push(await page.evaluate(() => window.__scoreShown));
  }
  return out;
}

const DIST = process.argv[2] || "dist"; // the build to measure, so two can be compared in one run
const server = spawn("node", ["tests/e2e/static-server.mjs", DIST, String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const rows = [];
try {
  for (const build of BUILDS) {
    const browser = await launch(build);
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(watchScore);
    rows.push([await browser.version(), await reloads(page)]);
    await browser.close();
  }
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(watchScore);
  rows.push([`Debian Chromium ${browser.version()}`, await reloads(page)]);
  await browser.close();
} finally {
  server.kill();
}
console.log(`navigation to the score visible (reload of a saved draft, ${RUNS} runs each, ${new Date().toISOString()}):`);
for (const [name, xs] of rows) {
  console.log(`  ${name}: median ${ms(median(xs))}, min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}`);
}
