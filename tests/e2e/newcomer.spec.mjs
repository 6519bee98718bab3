// What a new user hit (issue #24), each as the user meets it, in Debian's Chromium against
// the release dist/. The old browsers' own findings are in tests/old-chromium/.
import { test, expect } from "@playwright/test";

const field = (page, path) => page.locator(`[id="${path}"]`);

async function openSample(page) {
  await page.goto("./");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
}

async function newBlank(page) {
  await page.goto("./");
  await page.getByRole("button", { name: "新建空白" }).click();
  await expect(field(page, "department")).toBeVisible();
}

test("a scheme without 管理效率 says which criteria it leaves unscored and takes them out in one undoable step", async ({ page }) => {
  await newBlank(page);
  await expect(page.locator('nav a[href="#management"]')).toHaveCount(1);
  await page.locator("#scheme-choice").selectOption("execution10-indicators90");
  const said = page.getByTestId("unscored");
  await expect(said).toContainText("10 条管理效率细则");
  await expect(said).toContainText("执行率 10 + 绩效指标 90");
  // The scheme has no 管理效率: no empty page, no link to it.
  await expect(page.locator("#management")).toHaveCount(0);
  await expect(page.locator('nav a[href="#management"]')).toHaveCount(0);
  await expect(page.locator(".finding", { hasText: "中没有这一方面，不计分" })).toHaveCount(10);
  await said.getByTestId("remove-unscored").click();
  await expect(said).toHaveCount(0);
  await expect(page.locator(".finding", { hasText: "中没有这一方面，不计分" })).toHaveCount(0);
  // One step back brings all ten again.
  await page.getByTestId("undo").click();
  await expect(page.getByTestId("unscored")).toContainText("10 条管理效率细则");
  await expect(page.locator(".finding", { hasText: "中没有这一方面，不计分" })).toHaveCount(10);
});

test("a storage full at start still opens the stored draft, and names a new draft it cannot keep", async ({ page }) => {
  await openSample(page);
  await page.waitForTimeout(600);
  // Fill the storage to the brim, then reload: the draft and the pointer are intact.
  await page.evaluate(() => {
    const chunk = "x".repeat(1 << 20);
    for (let i = 0; ; i++) {
      try {
        localStorage.setItem(`filler/${i}`, chunk);
      } catch (e) {
        break;
      }
    }
    for (let size = 1 << 19; size > 0; size >>= 1) {
      try {
        localStorage.setItem(`filler/tail/${size}`, "x".repeat(size));
      } catch (e) {
        // the next, smaller one
      }
    }
  });
  await page.reload();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  await expect(page.getByText("浏览器存储空间已满")).toBeVisible();
  await expect(page.getByText("还没有草稿")).toHaveCount(0);
  await expect(page.getByText("浏览器存储不可用")).toHaveCount(0);
  // A new draft cannot be kept: the list names it, not the one before.
  await page.getByRole("button", { name: "新建空白" }).click();
  await expect(page.locator("#draft-select option:checked")).toHaveText(/^未命名自评.*（未保存到浏览器）$/);
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler/")).forEach((k) => localStorage.removeItem(k)));
});

test("a refused export says only why: no 已生成 under the refusal", async ({ page }) => {
  await openSample(page);
  await field(page, "finance.spending.actual").fill("7OO");
  await page.locator("#sheet > details > summary, #sheet summary").first().click();
  await page.getByTestId("export-xlsx").click();
  await expect(page.getByTestId("export-refused")).toBeVisible();
  await expect(page.getByTestId("sheet-status")).not.toContainText("已生成");
});

test("a new indicator row's 分值 starts blank, not a red 0; its 达成 scores full points without a typed score", async ({ page }) => {
  await newBlank(page);
  await page.locator("#indicators\\.add").click();
  const points = field(page, "indicators[0].points");
  await expect(points).toHaveValue("");
  await expect(page.locator(".finding.error", { hasText: "分值" })).toHaveCount(0);
  // Clicked and typed, as a user does: 15, not 150.
  await points.click();
  await page.keyboard.type("15");
  await expect(points).toHaveValue("15");
  // Left blank, it is asked for once reached, by name, not as a 0.
  await field(page, "indicators[0].name").fill("新指标");
  await points.fill("");
  await field(page, "indicators[0].name").focus();
  await expect(page.locator(".finding.error", { hasText: "分值未填写" })).toHaveCount(1);
  await points.fill("15");
  await field(page, "indicators[0].measure.rule").selectOption("qualitative");
  await field(page, "indicators[0].measure.grade").selectOption("达成");
  await expect(field(page, "indicators[0].measure.entered_score")).toHaveValue("15");
  await expect(page.getByTestId("indicator-score-0")).toHaveText("15.00");
});

test("a finding clicked shows its field with the message under it on screen", async ({ page }) => {
  await openSample(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await field(page, "finance.spending.actual").fill("700");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator(".finding.error button", { hasText: "与决算数 700.00 不符" }).first().click();
  const focused = await page.evaluate(() => document.activeElement.id);
  const message = page.locator(`[id="${focused}.messages"]`);
  await expect(message).toBeInViewport();
});

test("at 1280×720 the indicator table fits beside the score panel, 操作 included", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSample(page);
  const fit = await page.evaluate(() => {
    const box = document.querySelector("#indicators .table-scroll");
    const actions = document.querySelector("table.indicators tbody tr td.actions").getBoundingClientRect();
    return { scroll: box.scrollWidth, client: box.clientWidth, actionsRight: actions.right, boxRight: box.getBoundingClientRect().right };
  });
  expect(fit.scroll).toBeLessThanOrEqual(fit.client);
  expect(fit.actionsRight).toBeLessThanOrEqual(fit.boxRight + 1);
});

test("the wheel over the focused 年度 field leaves the year alone; text in it is kept and flagged", async ({ page }) => {
  await openSample(page);
  const year = field(page, "year");
  await year.focus();
  await year.hover();
  await page.mouse.wheel(0, 120);
  await page.mouse.wheel(0, -120);
  await expect(year).toHaveValue("2023");
  await year.fill("2O23");
  await expect(page.locator(".finding.error", { hasText: "年度：“2O23”不是有效的年份" })).toHaveCount(1);
  await expect(page.locator(".finding.error", { hasText: "不在 2000–2100 之间" })).toHaveCount(0);
  await page.waitForTimeout(600);
  await page.reload();
  await expect(field(page, "year")).toHaveValue("2O23");
});

test("a file imported twice makes two drafts of different names; a draft's name follows its department", async ({ page }) => {
  await openSample(page);
  await page.getByTestId("export-json").click();
  const file = {
    name: "sample.json",
    mimeType: "application/json",
    buffer: Buffer.from(await page.evaluate(() => {
      const id = localStorage.getItem("ziping/v1/current");
      return JSON.stringify(JSON.parse(localStorage.getItem(`ziping/v1/draft/${id}`)).document);
    })),
  };
  await page.getByTestId("import-input").setInputFiles(file);
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  await page.getByTestId("import-input").setInputFiles(file);
  await expect(page.locator("#draft-select option:checked")).toHaveText(/（3）$/);
  const names = await page.locator("#draft-select option").allTextContents();
  expect(new Set(names).size).toBe(names.length);

  await page.getByRole("button", { name: "新建空白" }).click();
  await field(page, "department").fill("某某区财政局");
  await expect(field(page, "title")).toHaveValue(/^\d{4}年度某某区财政局自评$/);
  await page.waitForTimeout(600);
  await expect(page.locator("#draft-select option:checked")).toHaveText(/^\d{4}年度某某区财政局自评$/);
  // A title the user typed is theirs: the department no longer moves it.
  await field(page, "title").fill("我的自评");
  await field(page, "department").fill("另一个局");
  await expect(field(page, "title")).toHaveValue("我的自评");
});

test("the page with no draft shows last year and no score yet; a draft made by typing keeps that year", async ({ page }) => {
  await page.goto("./");
  const last = String(new Date().getFullYear() - 1);
  await expect(field(page, "year")).toHaveValue(last);
  await expect(page.getByText("年度 0 不在")).toHaveCount(0);
  await expect(page.getByTestId("score-grade")).not.toHaveText("差");
  await field(page, "department").fill("没有先新建");
  await page.waitForTimeout(600);
  await page.reload();
  await expect(field(page, "year")).toHaveValue(last);
});

test("the findings carry no English code as a tooltip", async ({ page }) => {
  await newBlank(page);
  await page.getByRole("button", { name: "检查", exact: true }).click();
  await expect(page.locator(".finding button").first()).toBeVisible();
  await expect(page.locator(".finding button[title]")).toHaveCount(0);
});

test("Ctrl+Z after a paste takes its notice away; a deleted row leaves the focus in the table", async ({ page }) => {
  await openSample(page);
  await field(page, "indicators[0].name").focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "数量指标\t新名称\t件\t6");
    document.getElementById("indicators[0].name").dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  const notice = page.locator(".notice.info", { hasText: "粘贴" });
  await expect(notice).toHaveCount(1);
  await page.keyboard.press("Control+z");
  await expect(field(page, "indicators[0].name")).not.toHaveValue("新名称");
  await expect(notice).toHaveCount(0);

  const second = await field(page, "indicators[2].name").inputValue();
  await page.locator("table.indicators tbody tr").nth(1).getByRole("button", { name: "删除" }).click();
  await expect(field(page, "indicators[1].name")).toBeFocused();
  await expect(field(page, "indicators[1].name")).toHaveValue(second);
});

test("two tabs typing within 100 ms: neither edit is lost without the tab that made it being told", async ({ context }) => {
  const a = await context.newPage();
  await openSample(a);
  await a.waitForTimeout(600);
  const b = await context.newPage();
  await b.goto("./");
  await expect(b.getByTestId("score-total")).toHaveText("99.32");
  for (const gap of [0, 50, 100]) {
    await a.locator('[id="department"]').fill(`甲${gap}`);
    await b.waitForTimeout(gap);
    await b.locator('[id="duties"]').fill(`乙${gap}`);
    await a.waitForTimeout(1200); // both autosaves, and each tab's answer to the other's
    for (const [page, path, typed] of [[a, "department", `甲${gap}`], [b, "duties", `乙${gap}`]]) {
      const kept = (await page.locator(`[id="${path}"]`).inputValue()) === typed;
      const told = (await page.getByTestId("conflict").count()) === 1;
      expect(kept || told, `${path} ${typed} at ${gap} ms`).toBe(true);
      // Kept as a copy, the tab's edit is there to be had.
      if (told) await page.getByTestId("conflict").getByRole("button", { name: "把本页原来的内容另存为副本" }).click();
    }
    await a.waitForTimeout(600);
  }
});
