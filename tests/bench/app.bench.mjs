// Browser benchmarks of the release build in Chromium (Playwright). Not a test: it prints
// medians and p95s for BENCHMARKS.md. Run after `bash scripts/build.sh`:
//   node tests/bench/app.bench.mjs [DIST]
// DIST (default dist) is the build to measure, so two builds can be compared in one run.
import { chromium } from "playwright";
import { spawn, execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = process.argv[2] || "dist";
const PORT = 4174;
const URL = `http://127.0.0.1:${PORT}/`;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic"];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

function sizes() {
  const files = readdirSync(DIST);
  const gz = (re) => gzipSync(readFileSync(`${DIST}/${files.find((f) => re.test(f))}`), { level: 9 }).length;
  const wasm = gz(/_bg\.wasm$/), js = gz(/^ziping-app-[0-9a-f]+\.js$/);
  console.log(`gzip: wasm ${(wasm / 1024).toFixed(1)} KB + js ${(js / 1024).toFixed(1)} KB = ${((wasm + js) / 1024).toFixed(1)} KB`);
  const ex = (f) => gzipSync(readFileSync(`${DIST}/export/${f}`), { level: 9 }).length;
  const exWasm = ex("ziping_export_bg.wasm"), exJs = ex("ziping_export.js");
  console.log(`export module, loaded on first .xlsx/.docx: gzip wasm ${(exWasm / 1024).toFixed(1)} KB + js ${(exJs / 1024).toFixed(1)} KB`);
}

/** Milliseconds from opening the report preview until its conclusion shows, `runs` times. */
async function reportOpens(page, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    out.push(await page.evaluate(async () => {
      const summary = document.querySelector("#report summary");
      const shown = () => document.querySelector('#report details[open] [data-para="conclusion"] p')?.textContent.includes("评价得分为");
      const done = new Promise((resolve) => {
        const obs = new MutationObserver(() => { if (shown()) { obs.disconnect(); resolve(performance.now()); } });
        obs.observe(document.getElementById("report"), { childList: true, subtree: true, characterData: true, attributes: true });
      });
      const t0 = performance.now();
      summary.click();
      return (await done) - t0;
    }));
    await page.locator("#report summary").click();
    await page.waitForTimeout(50);
  }
  return out;
}

/** Milliseconds from a click on an export button until the download starts. */
async function downloads(page, testid, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
    out.push(Date.now() - t0);
  }
  return out;
}

/** Milliseconds from a click that changes the indicator rows until the next frame is
 * drawn: a row added (until the new row, at the end, is drawn and has the focus), a row
 * moved up (the 251st, scrolled to first), a row duplicated and a row deleted near the
 * top. A long table is drawn around the screen only (src/drawn.rs), so each row is
 * scrolled to before it is clicked. */
async function rowChanges(page, runs) {
  return page.evaluate(async (runs) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const time = async (f, done) => {
      const t0 = performance.now();
      f();
      await frame();
      while (done && !done()) await frame();
      return performance.now() - t0;
    };
    // Scrolls until row i's field `tail` is drawn, then brings it to the middle of the screen.
    const show = async (i, tail) => {
      for (let k = 0; k < 200; k++) {
        const el = document.getElementById(`indicators[${i}]${tail}`);
        if (el) { el.scrollIntoView({ block: "center" }); await frame(); await frame(); return el; }
        const drawn = [...document.querySelectorAll("table.indicators tbody tr[data-key] .num-col")].map((td) => Number(td.textContent) - 1);
        const first = drawn.length ? drawn[0] : 0;
        window.scrollBy(0, (i - first) * 30);
        await frame();
      }
      throw new Error(`row ${i} never drawn`);
    };
    const out = { "row added": [], "row moved up": [], "row duplicated": [], "row deleted": [] };
    for (let i = 0; i < runs; i++) {
      const add = [...document.querySelectorAll("#indicators button")].find((b) => b.textContent === "添加指标");
      add.scrollIntoView({ block: "center" });
      await frame();
      const n = document.querySelector("#indicators .derived").textContent.match(/\d+/g).slice(0, 2).reduce((a, b) => a + Number(b), 0);
      out["row added"].push(await time(() => add.click(), () => document.activeElement?.id === `indicators[${n}].name`));
      const up = await show(250, ".up");
      out["row moved up"].push(await time(() => up.click()));
      const dup = (await show(2, ".up")).closest("tr").querySelector('button[title="复制"]');
      out["row duplicated"].push(await time(() => dup.click()));
      const del = (await show(2, ".up")).closest("tr").querySelector('button[title="删除"]');
      out["row deleted"].push(await time(() => del.click()));
    }
    return out;
  }, runs);
}

/** Milliseconds from navigation start until the total is in the page, and until the page
 * first paints (the first contentful paint: the header and the score panel, the total in
 * it), over `runs` reloads. Throws if a first paint came before the total. */
async function navigation(page, runs) {
  const times = [], painted = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(URL);
    // Nothing is run in the page until it has drawn: a script the bench ran there while the
    // app starts (Playwright's own, on its first call) would be timed as the app's.
    await page.waitForTimeout(1500);
    await page.waitForFunction(() => window.__scoreAt && window.__fcp);
    const [at, paint] = await page.evaluate(() => [window.__scoreAt, window.__fcp]);
    if (paint < at) throw new Error(`the page first painted at ${paint} ms, before the total (${at} ms)`);
    times.push(at);
    painted.push(paint);
  }
  return [times, painted];
}

/** Milliseconds from a click on `button` until its work and the page's update are done
 * (the handler and the render run before a zero-delay timer fires), `runs` times; checks
 * that `result` is on the page. Slightly over-counts by the timer's own delay. */
async function clicks(page, button, result, runs) {
  return page.evaluate(async ([button, result, runs]) => {
    const out = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      document.querySelector(button).click();
      await new Promise((r) => setTimeout(r, 0));
      out.push(performance.now() - t0);
      if (!document.querySelector(result)) throw new Error(`no ${result} after clicking ${button}`);
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
    return out;
  }, [button, result, runs]);
}

/** Milliseconds from an input event on 决算 until the execution rate shows its new figure. */
async function keystrokes(page, runs) {
  return page.evaluate(async (runs) => {
    const input = document.getElementById("finance.spending.actual");
    const rate = document.querySelector('[data-testid="execution-rate"]');
    const out = [];
    for (let i = 0; i < runs; i++) {
      const before = rate.textContent;
      const changed = new Promise((resolve) => {
        const obs = new MutationObserver(() => { if (rate.textContent !== before) { obs.disconnect(); resolve(performance.now()); } });
        obs.observe(rate, { childList: true, subtree: true, characterData: true });
      });
      const t0 = performance.now();
      input.value = String(700 + (i % 2 === 0 ? i : -i));
      input.dispatchEvent(new Event("input", { bubbles: true }));
      out.push((await changed) - t0);
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
    return out;
  }, runs);
}

/** Milliseconds from importing `file` until its form is drawn: the first row holding the
 * first indicator's name, which each import makes its own (`tag`), so that a form built
 * from an earlier import of the same file cannot pass for it. */
async function importTime(page, name, file, tag) {
  const doc = JSON.parse(file.toString());
  doc.assessment.indicators[0].name = tag;
  await page.evaluate(() => window.scrollTo(0, 0));
  const t0 = Date.now();
  await page.getByTestId("import-input").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction((tag) => document.getElementById("indicators[0].name")?.value === tag,
    tag, { timeout: 120000, polling: "raf" });
  return Date.now() - t0;
}

/** Waits until the form holds `n` indicators (as its count of them says) and draws the first. */
async function tableOf(page, n) {
  await page.waitForFunction((n) => {
    window.scrollTo(0, 0);
    const counts = document.querySelector("#indicators .derived")?.textContent.match(/\d+/g);
    return counts && Number(counts[0]) + Number(counts[1]) === n && document.getElementById("indicators[0].name");
  }, n, { timeout: 60000 });
}

const server = spawn("node", ["tests/e2e/static-server.mjs", DIST, String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
try {
  sizes();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="score-total"]')?.textContent === "99.32") {
        window.__scoreAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "first-contentful-paint") window.__fcp = e.startTime;
    }).observe({ type: "paint", buffered: true });
  });
  const page = await context.newPage();
  await page.goto(URL);
  await page.getByTestId("load-sample").click();
  await page.waitForTimeout(500);
  const [nav, navPaint] = await navigation(page, 15);
  console.log(`navigation to score visible (sample draft stored): median ${ms(median(nav))}, p95 ${ms(p95(nav))}; first paint: median ${ms(median(navPaint))}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const [slow, slowPaint] = await navigation(page, 15);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  console.log(`navigation to score visible, CPU throttled 4x: median ${ms(median(slow))}, p95 ${ms(p95(slow))}; first paint: median ${ms(median(slowPaint))}, p95 ${ms(p95(slowPaint))}`);
  // The single-file page carries the export module inline (inert base64) as well.
  const single = await context.newPage();
  const file = "file://" + resolve(DIST, "ziping.html");
  const singleTimes = [];
  for (let i = 0; i < 9; i++) {
    await single.goto(file);
    if (i === 0) await single.getByTestId("load-sample").click();
    else await single.waitForTimeout(1500);
    await single.waitForFunction(() => document.querySelector('[data-testid="score-total"]')?.textContent === "99.32");
    singleTimes.push(await single.evaluate(() => window.__scoreAt ?? performance.now()));
  }
  console.log(`navigation to score visible, ziping.html from file:// (${(readFileSync(`${DIST}/ziping.html`).length / 1e6).toFixed(1)} MB): median ${ms(median(singleTimes.slice(1)))}`);
  await single.close();
  await page.goto(URL);
  await page.waitForFunction(() => document.querySelector('[data-testid="score-total"]')?.textContent === "99.32");
  const small = await keystrokes(page, 60);
  console.log(`keystroke to updated score, sample: median ${ms(median(small))}, p95 ${ms(p95(small))}`);

  const open = await reportOpens(page, 15);
  console.log(`report preview opened, sample: median ${ms(median(open))}, p95 ${ms(p95(open))}`);
  // Chromium stops a page's automatic downloads after about six in a row (headless shows
  // no prompt), so each group of downloads starts from a fresh load of the page.
  const [cold] = await downloads(page, "export-xlsx", 1);
  const warm = await downloads(page, "export-xlsx", 4);
  console.log(`xlsx export click to download, sample: first (loads the export module) ${cold} ms, then median ${median(warm)} ms`);
  await page.reload();
  const docx = await downloads(page, "export-docx", 5);
  console.log(`docx export click to download, sample: first (loads the export module) ${docx[0]} ms, then median ${median(docx.slice(1))} ms`);

  await page.getByTestId("execution-override").uncheck();
  await page.locator('[id="finance.spending.actual"]').focus();
  await page.getByTestId("seek-goal").fill("item:预算执行率>=10");
  const seek = await clicks(page, '[data-testid="seek-run"]', '[data-testid="seek-answer"]', 15);
  console.log(`goal seek (smallest 决算 for 10.00 on execution), sample: median ${ms(median(seek))}, p95 ${ms(p95(seek))}`);

  const big = execFileSync("cargo", ["run", "-q", "-p", "ziping-engine", "--", "sample", "--indicators", "500"]);
  await page.getByTestId("import-input").setInputFiles({ name: "500.json", mimeType: "application/json", buffer: big });
  await tableOf(page, 500);
  const large = await keystrokes(page, 60);
  console.log(`keystroke to updated score, 500 indicators: median ${ms(median(large))}, p95 ${ms(p95(large))}`);
  if (process.env.BENCH_VERBOSE) console.log(large.map((x) => x.toFixed(0)).join(" "));
  const sens = await clicks(page, '[data-testid="sensitivity-run"]', '[data-testid="sensitivity"] tbody tr', 7);
  console.log(`sensitivity (80% and 60% of target), 500 indicators: median ${ms(median(sens))}, p95 ${ms(p95(sens))}`);
  const bigOpen = await reportOpens(page, 9);
  console.log(`report preview opened, 500 indicators: median ${ms(median(bigOpen))}, p95 ${ms(p95(bigOpen))}`);
  await page.locator("#report summary").click();
  await page.waitForSelector('#report details[open] [data-para="conclusion"]');
  const typedOpen = await keystrokes(page, 40);
  console.log(`keystroke to updated score with the report open, 500 indicators: median ${ms(median(typedOpen))}, p95 ${ms(p95(typedOpen))}`);
  // Reworded paragraphs are compared with today's generated text on every change.
  for (const key of ["income", "spending", "indicator_counts", "conclusion"]) {
    const para = page.locator(`[data-para="${key}"]`);
    await para.getByRole("button", { name: "修改" }).click();
    await para.locator("textarea").fill(`（人工修改的${key}段落）`);
    await para.getByRole("button", { name: "完成" }).click();
  }
  const typedEdits = await keystrokes(page, 40);
  console.log(`keystroke to updated score with the report open and 4 reworded paragraphs, 500 indicators: median ${ms(median(typedEdits))}, p95 ${ms(p95(typedEdits))}`);
  await page.reload();
  await tableOf(page, 500);
  const bigXlsx = await downloads(page, "export-xlsx", 5);
  console.log(`xlsx export click to download, 500 indicators: median ${median(bigXlsx.slice(1))} ms (first ${bigXlsx[0]} ms)`);
  const rows = await rowChanges(page, 5);
  for (const [what, times] of Object.entries(rows)) {
    console.log(`${what}, 500 indicators (click to the next frame): median ${ms(median(times))}, p95 ${ms(p95(times))}`);
  }
  const huge = execFileSync("cargo", ["run", "-q", "-p", "ziping-engine", "--", "sample", "--indicators", "2000"], { maxBuffer: 1 << 26 });
  const imported = [];
  for (let i = 0; i < 3; i++) imported.push(await importTime(page, "2000.json", huge, `导入第 ${i + 1} 次`));
  console.log(`import to the first full render, 2,000 indicators: median ${median(imported)} ms (${imported.join(", ")})`);
  const larger = await keystrokes(page, 40);
  console.log(`keystroke to updated score, 2,000 indicators: median ${ms(median(larger))}, p95 ${ms(p95(larger))}`);
  await browser.close();
} finally {
  server.kill();
}
