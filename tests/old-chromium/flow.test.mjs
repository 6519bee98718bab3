// The main flow in real old Chromium builds (78 and 86, the cores of 360安全浏览器 12 and
// 13 / 360企业版), against the release dist/: over http and as ziping.html from file://.
// Run after `bash scripts/build.sh`: node --test --test-concurrency=1 tests/old-chromium/
// Drives the app only by the data-testids, ids and texts the Playwright tests use.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BUILDS, launch } from "./chromium.mjs";

const PORT = 4176;
const HTTP = `http://127.0.0.1:${PORT}/`;
const FILE = "file://" + resolve("dist/ziping.html");
const OUT = resolve("target/old-chromium");
const TIMEOUT = 30_000;
const field = (path) => `[id="${path}"]`;
const testid = (id) => `[data-testid="${id}"]`;

let server;
before(async () => {
  server = spawn("node", ["tests/e2e/static-server.mjs", "dist", String(PORT)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
});
after(() => server.kill());

/** A page that records every script error, so a SyntaxError fails the test by name. */
async function openPage(browser, name) {
  const page = await browser.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e.message || e)));
  page.on("console", (m) => m.type() === "error" && page.errors.push(m.text()));
  const downloads = join(OUT, "downloads", name);
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
  await page._client.send("Page.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
  page.downloads = downloads;
  return page;
}

/** Waits until the element's text is `text`, saying what it was instead. */
async function textIs(page, selector, text) {
  try {
    await page.waitForFunction(
      (s, t) => document.querySelector(s) && document.querySelector(s).textContent.trim() === t,
      { timeout: TIMEOUT },
      selector,
      text,
    );
  } catch (e) {
    const was = await page.evaluate((s) => document.querySelector(s) && document.querySelector(s).textContent, selector);
    throw new Error(`${selector} is ${JSON.stringify(was)}, not ${JSON.stringify(text)}; page errors: ${page.errors.join(" | ") || "none"}`);
  }
}

/** The field at `path` once the form is drawn: the app draws it a frame after the score. */
async function fieldOf(page, path) {
  return page.waitForSelector(field(path), { timeout: TIMEOUT });
}

/** Types into a field as a user does: select what is there, type the new figure. */
async function type(page, path, text) {
  const input = await fieldOf(page, path);
  await input.focus();
  await input.evaluate((e) => e.select());
  await page.keyboard.type(text);
}

/** The bytes of the file a click downloads, by its suffix. */
async function download(page, id, suffix) {
  await page.click(testid(id));
  for (let waited = 0; waited < TIMEOUT; waited += 100) {
    const done = readdirSync(page.downloads).find((f) => f.endsWith(suffix));
    if (done) return readFileSync(join(page.downloads, done));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${suffix} downloaded after clicking ${id}; page errors: ${page.errors.join(" | ") || "none"}`);
}

/** Open, load the sample, change 决算, reload, export: the flow of issue #12. */
async function mainFlow(browser, major, where, url) {
  const page = await openPage(browser, `${major}-${where}`);
  await page.setViewport({ width: 1366, height: 768 });
  await page.goto(url);
  await page.waitForSelector(testid("load-sample"), { timeout: TIMEOUT });
  await page.click(testid("load-sample"));
  await textIs(page, testid("score-total"), "99.32");
  await textIs(page, testid("score-grade"), "优");
  // The score panel's rows: no disclosure triangle before the name (it would push the name
  // right), the name left and the figure right.
  const row = await page.evaluate(() => {
    const summary = document.querySelector("details.section-score summary");
    const box = summary.getBoundingClientRect();
    const name = summary.querySelector("span:not(.summary-row)").getBoundingClientRect();
    const figure = summary.querySelector(".figure").getBoundingClientRect();
    return { nameLeft: name.left - box.left, figureRight: box.right - figure.right };
  });
  assert.ok(row.nameLeft < 2 && row.figureRight < 2, JSON.stringify(row));
  await page.screenshot({ path: join(OUT, `${major}-${where}-sample.png`) });

  // A figure changed: the execution rate follows, and the total once the override is off.
  await type(page, "finance.spending.actual", "700");
  await textIs(page, testid("execution-rate"), "94.72%");
  await page.click(testid("execution-override"));
  await textIs(page, testid("score-total"), "99.47");

  // Saved as typed: a reload brings it back.
  await new Promise((r) => setTimeout(r, 800)); // autosave runs 250 ms after the last edit
  await page.reload();
  await textIs(page, testid("score-total"), "99.47");
  const actual = await fieldOf(page, "finance.spending.actual");
  assert.equal(await actual.evaluate((e) => e.value), "700");

  // Exports: the CSV from the app, the .xlsx through the lazily loaded export module.
  const csv = (await download(page, "export-csv", ".csv")).toString("utf8");
  assert.match(csv, /年度资金总额,810\.88,739\.04,700(\.00)?,/);
  const xlsx = await download(page, "export-xlsx", ".xlsx");
  assert.equal(xlsx.subarray(0, 2).toString(), "PK");
  const docx = await download(page, "export-docx", ".docx");
  assert.equal(docx.subarray(0, 2).toString(), "PK");
  await page.screenshot({ path: join(OUT, `${major}-${where}-exported.png`) });
  assert.deepEqual(page.errors, []);
  await page.close();
}

for (const build of BUILDS) {
  describe(`Chromium ${build.major} (${build.pkg})`, () => {
    let browser;
    before(async () => {
      browser = await launch(build);
      console.log(`# detected ${build.pkg}: ${await browser.version()}`);
    });
    after(() => browser && browser.close());

    test("over http: sample 99.32 优, a figure changed, kept across a reload, CSV and xlsx exports", () =>
      mainFlow(browser, build.major, "http", HTTP));

    test("ziping.html from file://: the same flow", () => mainFlow(browser, build.major, "file", FILE));

    test("a file imports: the CLI's sample, picked in the file input, scores 99.32 优", async () => {
      const sample = join(OUT, "sample.json");
      writeFileSync(sample, execFileSync("cargo", ["run", "-q", "-p", "ziping-engine", "--", "sample"]));
      // A browser of its own: nothing stored yet (an incognito context stops Chromium 78's
      // single process).
      const fresh = await launch(build);
      try {
        const page = await openPage(fresh, `${build.major}-import`);
        await page.goto(HTTP);
        const input = await page.waitForSelector(testid("import-input"), { timeout: TIMEOUT });
        await input.uploadFile(sample);
        await textIs(page, testid("score-total"), "99.32");
        await textIs(page, testid("score-grade"), "优");
        assert.deepEqual(page.errors, []);
      } finally {
        await fresh.close();
      }
    });

    test("a table of 500 indicators is drawn around the screen, and its last row is reached by scrolling", async () => {
      const big = join(OUT, "500.json");
      writeFileSync(big, execFileSync("cargo", ["run", "-q", "-p", "ziping-engine", "--", "sample", "--indicators", "500"]));
      const fresh = await launch(build);
      try {
        const page = await openPage(fresh, `${build.major}-long`);
        await page.setViewport({ width: 1366, height: 768 });
        await page.goto(HTTP);
        const input = await page.waitForSelector(testid("import-input"), { timeout: TIMEOUT });
        await input.uploadFile(big);
        await page.waitForSelector(field("indicators[0].name"), { timeout: TIMEOUT });
        const drawn = () => page.evaluate(() => document.querySelectorAll("table.indicators tbody tr[data-key]").length);
        assert.ok((await drawn()) < 200, "only the rows around the screen are drawn");
        for (let k = 0; k < 100 && !(await page.$(field("indicators[499].name"))); k++) {
          await page.evaluate(() => window.scrollBy(0, 1500));
          await new Promise((r) => setTimeout(r, 50));
        }
        const last = await page.waitForSelector(field("indicators[499].measure.actual"), { timeout: TIMEOUT });
        await last.evaluate((e) => e.scrollIntoView({ block: "center" }));
        const before = await page.$eval(testid("score-total"), (e) => e.textContent);
        await last.click({ clickCount: 3 });
        await last.type("0");
        await page.waitForFunction((t) => document.querySelector('[data-testid="score-total"]').textContent !== t, { timeout: TIMEOUT }, before);
        assert.ok((await drawn()) < 200);
        await page.screenshot({ path: join(OUT, `${build.major}-long-table.png`) });
        assert.deepEqual(page.errors, []);
      } finally {
        await fresh.close();
      }
    });

    test("打开示例 clicked at the first possible moment, 20 times over, never panics (issue #24)", async () => {
      const page = await openPage(browser, `${build.major}-earliest`);
      // Clicks in the frames right after the score panel first paints, while the form is
      // being drawn: a frame after the next (?frame), or every 2 ms for the first frames
      // (?burst). Before the fix about 7 runs in 8 panicked in both 78 and 86.
      await page.evaluateOnNewDocument(() => {
        const burst = location.search.includes("burst");
        new MutationObserver((_, observer) => {
          const button = document.querySelector('[data-testid="load-sample"]');
          if (!button) return;
          observer.disconnect();
          if (burst) {
            let n = 0;
            const timer = setInterval(() => {
              button.click();
              if (++n > 10) clearInterval(timer);
            }, 2);
          } else {
            requestAnimationFrame(() => requestAnimationFrame(() => button.click()));
          }
        }).observe(document, { childList: true, subtree: true });
      });
      for (let run = 0; run < 20; run++) {
        // Half the runs start with nothing stored, half with the last run's drafts to open.
        if (run % 4 < 2) await page.evaluate(() => localStorage.clear()).catch(() => {});
        await page.goto(`${HTTP}?${run % 2 ? "burst" : "frame"}`);
        await textIs(page, testid("score-total"), "99.32");
        await fieldOf(page, "finance.spending.actual");
        await new Promise((r) => setTimeout(r, 300)); // what a trap would print comes after
        assert.deepEqual(page.errors, [], `run ${run + 1}`);
      }
      await page.close();
    });

    test("the engine module's pages (the README's example, engine-js.html) run without top-level await", async () => {
      const readme = readFileSync("README.md", "utf8").split("## The engine as a JavaScript module")[1];
      const pages = {
        "/embed-readme.html": readme.match(/```html\n([\s\S]*?)```/)[1],
        "/embed-file.html": readFileSync("tests/e2e/engine-js.html", "utf8"),
      };
      for (const [path, body] of Object.entries(pages)) {
        const page = await openPage(browser, `${build.major}-embed`);
        page.on("dialog", (d) => {
          page.errors.push(`dialog: ${d.message()}`);
          d.dismiss();
        });
        await page.setRequestInterception(true);
        page.on("request", (r) =>
          new URL(r.url()).pathname === path
            ? r.respond({ contentType: "text/html; charset=utf-8", body })
            : r.continue(),
        );
        await page.goto(HTTP.replace(/\/$/, path));
        await textIs(page, "#total", "99.32");
        await textIs(page, "#grade", "优");
        assert.deepEqual(page.errors, [], path);
        await page.close();
      }
    });

    test("printing with the report open prints the report alone (no :has() before Chromium 105)", async () => {
      const page = await openPage(browser, `${build.major}-print`);
      await page.goto(HTTP);
      await page.waitForSelector(testid("load-sample"), { timeout: TIMEOUT });
      await page.click(testid("load-sample"));
      await textIs(page, testid("score-total"), "99.32");
      await page.click("#report summary");
      await page.waitForSelector(testid("report"), { timeout: TIMEOUT });
      const pdf = join(OUT, `${build.major}-report.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true });
      const first = execFileSync("pdftotext", ["-l", "1", pdf, "-"]).toString();
      assert.match(first, /^2023年度广州市天河区信访局部门整体支出绩\s*效自评报告/);
      assert.doesNotMatch(first, /打开示例|校验结果/);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  });

  test(`Chromium ${build.major} without WebAssembly: a plain-HTML message, not a blank page`, async () => {
    const browser = await launch(build, { noWasm: true });
    try {
      const page = await browser.newPage();
      await page.goto(HTTP);
      await page.waitForFunction(() => document.getElementById("ziping-fallback").offsetHeight > 0, { timeout: TIMEOUT });
      const text = await page.$eval("#ziping-fallback", (e) => e.innerText);
      assert.match(text, /极速模式/);
      assert.match(text, /Chromium 内核 78 及以上/);
      await page.screenshot({ path: join(OUT, `${build.major}-no-wasm.png`) });
    } finally {
      await browser.close();
    }
  });
}
