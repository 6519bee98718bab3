// What the user typed is what counts (issue #17): a figure that is no number, undo and
// redo of every change, against the release build.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

const field = (page, path) => page.locator(`[id="${path}"]`);

async function openSample(page) {
  await page.goto("./");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
}

/** The bytes of the download a click starts. */
async function downloadOf(page, testid) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Pastes text into a field as a spreadsheet would. */
async function paste(page, path, text) {
  await field(page, path).focus();
  await page.evaluate(
    ([path, text]) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      document.getElementById(path).dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    [path, text],
  );
}

test("a figure that is no number counts as blank, is an error, and holds back every export", async ({ page }) => {
  await openSample(page);
  const downloads = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));
  for (const typed of ["74O.5", "12.3万", "Infinity", "七百"]) {
    await page.locator('[id="finance.spending.actual"]').fill(typed);
    // Never the 733.88 typed before: the rate has nothing to divide.
    await expect(page.getByTestId("execution-rate")).toHaveText("—");
    await expect(page.getByTestId("error-count")).not.toHaveText("0 错误");
    await expect(page.getByTestId("score-provisional")).toBeVisible();
    await expect(page.locator(".findings").getByText(`部门整体支出决算数：“${typed}”不是有效的数字`)).toBeVisible();
  }
  for (const id of ["export-json", "export-csv", "export-html", "export-xlsx", "export-docx", "copy-text"]) {
    await page.getByTestId(id).click();
    await expect(page.getByTestId("export-refused")).toContainText("改正后才能导出");
  }
  await page.locator("#report summary").click();
  await expect(page.getByTestId("report").getByTestId("invalid-figures")).toContainText("“七百”不是有效的数字");
  await page.locator("#sheet summary").click();
  await expect(page.locator("#sheet").getByTestId("invalid-figures")).toBeVisible();
  await page.waitForTimeout(500);
  expect(downloads).toEqual([]);

  await page.locator('[id="finance.spending.actual"]').fill("733.88");
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  await expect(page.getByTestId("invalid-figures")).toHaveCount(0);
  const csv = await downloadOf(page, "export-csv");
  expect(csv.bytes.toString("utf8")).toContain("年度资金总额,810.88,739.04,733.88,10,99.30%,9.32");
});

test("Ctrl+Z and Ctrl+Y undo and redo an edit, a paste over filled rows and a deleted row", async ({ page }) => {
  await openSample(page);
  const actual = field(page, "finance.spending.actual");
  await actual.fill("700");
  await expect(page.getByTestId("execution-rate")).toHaveText("94.72%");
  await actual.focus();
  await page.keyboard.press("Control+z");
  await expect(field(page, "finance.spending.actual")).toHaveValue("733.88");
  await expect(page.getByTestId("execution-rate")).toHaveText("99.30%");
  await page.keyboard.press("Control+y");
  await expect(field(page, "finance.spending.actual")).toHaveValue("700");
  await page.getByTestId("undo").click();
  await expect(field(page, "finance.spending.actual")).toHaveValue("733.88");

  // A paste over filled rows says what it replaced, and one step takes it back.
  await paste(page, "finance.economic[0]", "400\t\n300\n33.88\n");
  await expect(page.getByTestId("economic-total")).toHaveText("750.67");
  await expect(page.getByText(/粘贴替换了第 1–\d 行中已填写的 \d 行内容/)).toBeVisible();
  await page.getByTestId("undo").click();
  await expect(page.getByTestId("economic-total")).toHaveText("733.88");
  await expect(field(page, "finance.economic[0]")).toHaveValue("515.53");

  // A row deleted without a question, and brought back.
  const rows = page.locator("table.indicators tbody tr");
  await expect(rows).toHaveCount(6);
  await rows.nth(1).getByRole("button", { name: "删除" }).click();
  await expect(rows).toHaveCount(5);
  await page.keyboard.press("Control+z");
  await expect(rows).toHaveCount(6);
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  await page.getByTestId("redo").click();
  await expect(rows).toHaveCount(5);
  // Undone steps survive a reload as the draft they left.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(rows).toHaveCount(5);
});

test("a file saved by Notepad as ANSI (GBK) imports as its UTF-8 original does", async ({ page }) => {
  await page.goto("./");
  await page.getByTestId("import-input").setInputFiles("engine/tests/data/sample-gbk.json");
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  await expect(field(page, "department")).toHaveValue("广州市天河区信访局");
});
