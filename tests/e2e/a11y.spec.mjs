// WCAG 2.1 AA on the main flow (issue #17): axe-core over the app with the sample open
// and every fold opened, errors tied to their inputs, the total a live region, and focus
// never hidden under the sticky header.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const field = (page, path) => page.locator(`[id="${path}"]`);

async function openSample(page) {
  await page.goto("./");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
}

/** The serious and critical violations axe finds on the page as it is. */
async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target.join(" ")} — ${v.help}`);
}

test("axe finds no serious or critical violation with the sample open and every fold opened", async ({ page }) => {
  await openSample(page);
  // An error and a warning on screen, so their styles are checked too.
  await field(page, "finance.spending.actual").fill("700");
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await page.waitForTimeout(300);
  expect(await violations(page)).toEqual([]);
});

test("an error is tied to its input, and the total is a live region", async ({ page }) => {
  await openSample(page);
  const input = field(page, "finance.spending.actual");
  await expect(input).not.toHaveAttribute("aria-invalid", "true");
  await input.fill("74O.5");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const described = await input.getAttribute("aria-describedby");
  const message = await page.evaluate((id) => document.getElementById(id).textContent, described);
  expect(message).toContain("“74O.5”不是有效的数字");
  await expect(page.locator(".headline .total")).toHaveAttribute("aria-live", "polite");
});

test("focus moved by Tab is never hidden under the sticky header", async ({ page }) => {
  await openSample(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  // Scroll so that fields sit under the header, then Tab into them from above.
  await field(page, "finance.economic[5]").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 400));
  await field(page, "finance.economic[0]").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+Tab");
  const { top, headerBottom } = await page.evaluate(() => ({
    top: document.activeElement.getBoundingClientRect().top,
    headerBottom: document.querySelector("header").getBoundingClientRect().bottom,
  }));
  expect(top).toBeGreaterThanOrEqual(headerBottom);
});

test("the score panel and a page scrolled to stay below the header when notices make it taller", async ({ page }) => {
  await openSample(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  const headerBefore = await page.evaluate(() => document.querySelector("header").offsetHeight);
  // Two failed imports: two notices in the header.
  for (const name of ["一.json", "二.json"]) {
    await page.getByTestId("import-input").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from("这不是 JSON") });
  }
  await expect(page.locator("header .notice")).toHaveCount(2);
  await page.locator("#indicators").evaluate((el) => el.scrollIntoView());
  await page.waitForTimeout(100);
  const at = await page.evaluate(() => ({
    header: document.querySelector("header").getBoundingClientRect().bottom,
    panel: document.querySelector(".score-panel").getBoundingClientRect().top,
    page: document.getElementById("indicators").getBoundingClientRect().top,
  }));
  expect(at.header).toBeGreaterThan(headerBefore + 40);
  expect(at.panel).toBeGreaterThanOrEqual(at.header);
  expect(at.page).toBeGreaterThanOrEqual(at.header);
});

test("axe finds no serious or critical violation on a new project's empty form (issue #24)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("./");
  await page.getByTestId("new-project").click();
  await expect(page.locator("#project")).toBeVisible();
  await page.waitForTimeout(300);
  expect(await violations(page)).toEqual([]);
});
