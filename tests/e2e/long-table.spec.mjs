// A long indicator table is drawn around the screen only (src/drawn.rs, issue #13): every
// row can still be reached, typed into, jumped to from a finding, added and undone.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";

const field = (page, path) => page.locator(`[id="${path}"]`);
const drawnRows = (page) => page.locator("table.indicators tbody tr[data-key]");
/** How many indicators the form says it has (产出 + 效益). */
const count = (page) => page.locator("#indicators .derived").evaluate((p) => {
  const [output, benefit] = p.textContent.match(/\d+/g).map(Number);
  return output + benefit;
});

/** The sample with `n` indicators, as `ziping sample --indicators n` writes it. */
const sampleOf = (n) =>
  execFileSync("cargo", ["run", "-q", "-p", "ziping-engine", "--", "sample", "--indicators", String(n)], { maxBuffer: 64 << 20 });

/** Imports the sample with `n` indicators. */
async function importSample(page, n) {
  const file = sampleOf(n);
  await page.goto("./");
  await page.getByTestId("import-input").setInputFiles({ name: `${n}.json`, mimeType: "application/json", buffer: file });
  await expect(field(page, "indicators[0].name")).toBeVisible();
  expect(await count(page)).toBe(n);
}

/** Scrolls the page down until row `i` is drawn. */
async function scrollTo(page, i) {
  for (let k = 0; k < 100 && !(await field(page, `indicators[${i}].name`).count()); k++) {
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(30);
  }
  await field(page, `indicators[${i}].name`).scrollIntoViewIfNeeded();
}

test("a table of 500 indicators draws only the rows around the screen, and every row can be reached", async ({ page }) => {
  await importSample(page, 500);
  const drawn = await drawnRows(page).count();
  expect(drawn).toBeGreaterThan(20);
  expect(drawn).toBeLessThan(200);
  await expect(page.locator("table.indicators tr.gap")).toHaveCount(1);

  // The last row is drawn once the page is scrolled to it; a figure typed there counts.
  await scrollTo(page, 499);
  expect(await drawnRows(page).count()).toBeLessThan(200);
  const total = await page.getByTestId("score-total").textContent();
  await field(page, "indicators[499].name").fill("");
  await field(page, "indicators[499].unit").focus();
  await expect(page.getByTestId("score-provisional")).toHaveText("还有 1 个错误未改正，得分仅供参考");

  // Back at the top, the finding on the last row still leads to its field.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(field(page, "indicators[499].name")).toHaveCount(0);
  await page.locator(".score-panel button.link", { hasText: "第 500 个指标的名称未填写" }).first().click();
  await expect(field(page, "indicators[499].name")).toBeFocused();
  await field(page, "indicators[499].name").fill("补上的名称");
  await expect(page.getByTestId("score-total")).toHaveText(total);

  // A row added at the end is drawn and takes the focus; Ctrl+Z takes it away again.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator("#indicators").getByRole("button", { name: "添加指标" }).click();
  await expect(field(page, "indicators[500].name")).toBeFocused();
  expect(await count(page)).toBe(501);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+z");
  await expect(field(page, "indicators[500].name")).toHaveCount(0);
  expect(await count(page)).toBe(500);
});

test("a table of up to 150 indicators is drawn whole", async ({ page }) => {
  await importSample(page, 150);
  await expect(drawnRows(page)).toHaveCount(150);
  await expect(page.locator("table.indicators tr.gap")).toHaveCount(0);
});

test("a file of more than 2,000 indicators is refused, naming the limit, and nothing changes", async ({ page }) => {
  await importSample(page, 2000);
  const total = await page.getByTestId("score-total").textContent();
  const file = sampleOf(2001);
  await page.getByTestId("import-input").setInputFiles({ name: "2001.json", mimeType: "application/json", buffer: file });
  await expect(page.getByText("2001.json：含 2001 个绩效指标，超过本工具可流畅处理的 2000 个")).toBeVisible();
  expect(await count(page)).toBe(2000);
  await expect(page.getByTestId("score-total")).toHaveText(total);
});
