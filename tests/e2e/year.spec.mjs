// The year as finance staff live it: 新一年度 from last year's draft, a blank draft's year,
// 未填 before errors, printing the report or the 自评表 on A4 under its own title, and
// ticking the management checks with fewer keys.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

const field = (page, path) => page.locator(`[id="${path}"]`);
const APP_TITLE = "自评 · 部门整体支出绩效自评";

async function openSample(page) {
  await page.goto("./");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
}

/** The page printed to PDF, with its metadata and text (white space dropped). */
async function printed(page, info, name) {
  mkdirSync(info.outputDir, { recursive: true });
  const pdf = resolve(info.outputDir, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  const meta = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  return { meta, text };
}

test("新一年度 from the sample: the next year, 上年决算 from 决算, actuals empty, 未填 before errors", async ({ page }) => {
  await openSample(page);
  const target = await field(page, "indicators[0].measure.target").inputValue();
  expect(target).not.toBe("");
  await page.getByTestId("new-year").click();
  await expect(field(page, "year")).toHaveValue("2024");
  await expect(field(page, "title")).toHaveValue("示例：天河区信访局 2024 年度");
  await expect(page.locator("#draft-select option:checked")).toHaveText("示例：天河区信访局 2024 年度");
  // Last year's draft is still there.
  await expect(page.locator("#draft-select option", { hasText: "2023 年度" })).toHaveCount(1);
  await expect(field(page, "department")).toHaveValue("广州市天河区信访局");
  await expect(field(page, "finance.spending.last_actual")).toHaveValue("733.88");
  await expect(field(page, "finance.appropriation.last_actual")).toHaveValue("733.88");
  await expect(field(page, "finance.spending.actual")).toHaveValue("");
  await expect(field(page, "finance.spending.adjusted")).toHaveValue("");
  await expect(field(page, "indicators[0].measure.target")).toHaveValue(target);
  for (let i = 0; i < 6; i++) await expect(field(page, `indicators[${i}].measure.actual`)).toHaveValue("");
  await expect(field(page, "criteria[0].measure.checks[0]")).not.toBeChecked();
  await expect(field(page, "criteria[0].measure.checks[0].text")).not.toHaveValue("");

  // Nothing typed yet: the blanks are counted as 未填, not shown as errors at the fields.
  const unfilled = page.getByTestId("unfilled-count");
  await expect(unfilled).toHaveText(/^\d+ 项未填$/);
  const n = Number((await unfilled.textContent()).match(/\d+/)[0]);
  expect(n).toBeGreaterThan(5);
  await expect(page.getByTestId("error-count")).toHaveText("0 错误");
  await expect(page.getByTestId("score-provisional")).toHaveCount(0);
  await expect(page.getByTestId("score-unfilled")).toHaveText(`${n} 项未填，得分仅供参考`);
  await expect(page.locator("main .has-error")).toHaveCount(0);
  await expect(page.locator("main .note.error")).toHaveCount(0);

  // Been in 决算 and left it empty: now it is an error there.
  await field(page, "finance.spending.actual").focus();
  await page.keyboard.press("Tab");
  await expect(field(page, "finance.spending.actual")).toHaveClass(/has-error/);
  await expect(page.getByTestId("error-count")).toHaveText("1 错误");
  await expect(unfilled).toHaveText(`${n - 1} 项未填`);
  await expect(page.getByTestId("score-provisional")).toHaveText("还有 1 个错误未改正，得分仅供参考");

  // 检查 shows every blank as the error it is.
  await page.getByTestId("check-findings").click();
  await expect(page.getByTestId("error-count")).toHaveText(`${n} 错误`);
  await expect(unfilled).toHaveCount(0);
  await expect(field(page, "indicators[0].measure.actual")).toHaveClass(/has-error/);
  await expect(page.locator("main .note.error").first()).toBeVisible();

  // Filled in, the error goes.
  await field(page, "finance.spending.actual").fill("750");
  await expect(page.locator(".finding", { hasText: "部门整体支出决算数未填写" })).toHaveCount(0);
});

test("a blank draft is for last calendar year, by the browser's date", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("button", { name: "新建空白" }).click();
  const last = await page.evaluate(() => new Date().getFullYear() - 1);
  await expect(field(page, "year")).toHaveValue(String(last));
  // Its blanks, and its sections with no indicator yet, wait as 未填; the year is not among them.
  await expect(page.getByTestId("error-count")).toHaveText("0 错误");
  await expect(page.getByTestId("unfilled-count")).toHaveText("10 项未填");
  await expect(page.locator("main .has-error")).toHaveCount(0);
  await page.getByTestId("check-findings").click();
  await expect(page.getByTestId("error-count")).toHaveText("10 错误");
  await expect(page.locator(".finding", { hasText: "2000–2100" })).toHaveCount(0);
  await expect(page.locator(".finding.error", { hasText: "尚无指标" })).toHaveCount(2);
});

test("printed with neither open: the 自评表 alone, A4, titled 年度+部门+自评表, then all as before", async ({ page }, info) => {
  await openSample(page);
  const { meta, text } = await printed(page, info, "sheet");
  expect(meta).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
  expect(meta).toMatch(/Title:\s+2023年度广州市天河区信访局自评表/);
  for (const words of ["部门整体支出绩效自评表", "预期目标", "实际完成情况", "99.32", "年度资金", "总分"]) expect(text).toContain(words);
  for (const chrome of ["校验结果", "打印", "导出", "草稿", "查看自评表"]) expect(text).not.toContain(chrome);
  await expect.poll(() => page.title()).toBe(APP_TITLE);
  await expect(page.locator("#sheet details")).not.toHaveAttribute("open", "");
});

test("printed with the report open, or opened after the 自评表: the report, A4, titled 年度+部门+自评报告", async ({ page }, info) => {
  await openSample(page);
  await page.locator("#sheet summary").click();
  await expect(page.getByTestId("sheet")).toBeVisible();
  await page.locator("#report summary").click();
  await expect(page.getByTestId("report")).toContainText("99.32");
  const { meta, text } = await printed(page, info, "report");
  expect(meta).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
  expect(meta).toMatch(/Title:\s+2023年度广州市天河区信访局自评报告/);
  expect(text).toContain("一、部门基本情况");
  expect(text).not.toContain("查看自评表");
  await expect.poll(() => page.title()).toBe(APP_TITLE);
  // Closing the report leaves the 自评表, which prints next.
  await page.locator("#report summary").click();
  await expect(page.locator("#report details")).not.toHaveAttribute("open", "");
  // The details' toggle event, which the app hears, comes a task after the click.
  await page.waitForTimeout(200);
  const sheet = await printed(page, info, "sheet-after");
  expect(sheet.meta).toMatch(/Title:\s+2023年度广州市天河区信访局自评表/);
  expect(sheet.text).not.toContain("一、部门基本情况");
  // Both stay open as they were.
  await expect(page.locator("#sheet details")).toHaveAttribute("open", "");
});

test("Ctrl+P and the 自评表's 打印 button: what prints and its title, while it prints", async ({ page }) => {
  await openSample(page);
  // The browser's print, emulated: its events, and what the page looks like between them.
  await page.evaluate(() => {
    window.printed = [];
    window.print = () => {
      dispatchEvent(new Event("beforeprint"));
      return Promise.resolve().then(() => {
        const shown = (sel) => getComputedStyle(document.querySelector(sel)).display !== "none";
        window.printed.push({ title: document.title, html: document.documentElement.className, sheet: !!document.querySelector('[data-testid="sheet"]'), panel: shown(".score-panel") });
        dispatchEvent(new Event("afterprint"));
      });
    };
  });
  await page.getByTestId("print-sheet").click();
  await expect.poll(() => page.evaluate(() => window.printed.length)).toBe(1);
  const [one] = await page.evaluate(() => window.printed);
  expect(one.title).toBe("2023年度广州市天河区信访局自评表");
  expect(one.html).toContain("print-sheet");
  expect(one.sheet).toBe(true);
  await expect.poll(() => page.title()).toBe(APP_TITLE);
  await expect(page.locator("html")).not.toHaveClass(/print-sheet/);
  // The button opened the 自评表 to print it, and it stays open.
  await expect(page.getByTestId("sheet")).toBeVisible();
  // Ctrl+P with the report open prints the report.
  await page.locator("#report summary").click();
  // The fold's toggle event comes in a task of its own: the report is open once it shows.
  await expect(page.getByTestId("report")).toBeVisible();
  await page.evaluate(() => window.print());
  const two = (await page.evaluate(() => window.printed))[1];
  expect(two.title).toBe("2023年度广州市天河区信访局自评报告");
  expect(two.html).toContain("print-report");
});

test("management: one box ticks every check of an aspect, Space ticks one, × is off the Tab path", async ({ page }) => {
  await openSample(page);
  const aspect = page.locator("fieldset.aspect").first();
  const all = aspect.getByTestId("check-all");
  const checks = aspect.locator('ul.checks input[type="checkbox"]');
  const n = await checks.count();
  expect(n).toBeGreaterThan(2);
  await expect(all).toBeChecked();
  await expect(all).toHaveAccessibleName("预算编制：全部检查项均满足");
  await all.uncheck();
  for (let i = 0; i < n; i++) await expect(checks.nth(i)).not.toBeChecked();
  await expect(page.getByTestId("score-total")).not.toHaveText("99.32");
  // One met: the box is neither, until all are.
  await checks.first().check();
  await expect(all).not.toBeChecked();
  expect(await all.evaluate((e) => e.indeterminate)).toBe(true);
  await all.check();
  for (let i = 0; i < n; i++) await expect(checks.nth(i)).toBeChecked();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");

  // Space toggles a check.
  const first = field(page, "criteria[0].measure.checks[0]");
  await first.focus();
  await page.keyboard.press(" ");
  await expect(first).not.toBeChecked();
  await expect(page.getByTestId("score-total")).not.toHaveText("99.32");
  await page.keyboard.press(" ");
  await expect(first).toBeChecked();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");

  // Tab goes check → its wording → the next check, past the ×, which keeps its name.
  await page.keyboard.press("Tab");
  await expect(field(page, "criteria[0].measure.checks[0].text")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(field(page, "criteria[0].measure.checks[1]")).toBeFocused();
  const remove = page.getByRole("button", { name: "删除第 1 项检查项" }).first();
  await expect(remove).toHaveAttribute("tabindex", "-1");

  // From the keyboard, an emptied check goes with Backspace; the focus moves up to a box.
  const criterion = page.locator(".criterion").first();
  await criterion.getByRole("button", { name: "添加检查项" }).click();
  await expect(page.getByTestId("score-total")).toHaveText("98.07");
  await field(page, "criteria[0].measure.checks[3].text").focus();
  await page.keyboard.press("Backspace");
  await expect(field(page, "criteria[0].measure.checks[3].text")).toHaveCount(0);
  await expect(field(page, "criteria[0].measure.checks[2]")).toBeFocused();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  // A check with wording is not removed by Backspace: it edits the text.
  const wording = field(page, "criteria[0].measure.checks[2].text");
  const before = await wording.inputValue();
  await wording.focus();
  await page.keyboard.press("End");
  await page.keyboard.press("Backspace");
  await expect(wording).toHaveValue(before.slice(0, -1));
  await expect(page.locator('[id="criteria[0].measure.checks[2]"]')).toHaveCount(1);
});
