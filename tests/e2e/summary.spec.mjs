// 汇总 against the release build: several files dropped and a folder chosen, one that does
// not validate and one that cannot be read among them; rows, sorting, filtering, the CSV
// and the workbook downloaded; the open draft and the stored drafts left as they were.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const SAMPLE = readFileSync(resolve("engine/tests/data/sample.json"), "utf8");

/** The sample's file with its assessment changed by `edit`. */
function variant(edit) {
  const file = JSON.parse(SAMPLE);
  edit(file.assessment);
  return JSON.stringify(file, null, 2);
}

const FILES = {
  "天河区信访局.json": SAMPLE,
  "支出不符.json": variant((a) => { a.finance.basic = "554.20"; }),
  "白云区.json": variant((a) => {
    a.department = "白云区信访局";
    a.year = 2024;
    a.execution_override = null;
  }),
  "损坏.json": "这不是 JSON",
};

/** Every localStorage entry: the drafts, their index and the open draft's id. */
const stored = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

/** The table's rows, each as its cells' text. */
const rows = (page) => page.getByTestId("summary-table").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));

/** Drops files on the summary as a file manager would, through a DataTransfer. */
async function drop(page, files) {
  await page.getByTestId("summary-drop").evaluate((zone, files) => {
    const data = new DataTransfer();
    // A file is its text, or its bytes as base64 (a GBK file, say).
    const body = (t) => (typeof t === "string" ? t : Uint8Array.from(atob(t.base64), (c) => c.charCodeAt(0)));
    for (const [name, text] of Object.entries(files)) data.items.add(new File([body(text)], name, { type: "application/json" }));
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

async function downloadOf(page, testid) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
  return { name: download.suggestedFilename(), path: await download.path() };
}

/** A workbook's shared strings and its sheet's cells, read with Python's zipfile. */
function workbook(path) {
  const script = "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read('xl/sharedStrings.xml').decode()); print(z.read('xl/worksheets/sheet1.xml').decode())";
  return execFileSync("python3", ["-c", script, path], { encoding: "utf8" });
}

test("a reviewer's summary: files dropped and a folder chosen, sorted, filtered and exported", async ({ page }) => {
  await page.goto("./");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  await page.waitForTimeout(600); // the autosave of the new draft has run
  const before = await stored(page);
  const drafts = await page.locator("#draft-select option").count();

  await page.locator('nav a[href="#summary"]').click();
  await expect(page.locator("#summary")).toContainText("还没有文件");
  await drop(page, FILES);
  await expect(page.getByTestId("summary-count")).toHaveText("共 4 个文件");
  expect(await rows(page)).toEqual([
    ["天河区信访局.json", "广州市天河区信访局", "", "2023", "部门整体", "99.32", "优", "99.30%", "0", "0", "", ""],
    ["支出不符.json", "广州市天河区信访局", "", "2023", "部门整体", "99.32", "优", "99.30%", "1", "0", "校验未通过", ""],
    ["白云区.json", "白云区信访局", "", "2024", "部门整体", "99.93", "优", "99.30%", "0", "0", "", ""],
    ["损坏.json", "", "", "", "", "", "", "", "", "", "无法读取", "文件不是有效的 JSON（第 1 行第 1 列附近有误），未导入任何内容"],
  ]);
  await expect(page.getByTestId("summary-table").locator("tr.invalid")).toHaveCount(1);
  await expect(page.getByTestId("summary-table").locator("tr.unreadable")).toHaveCount(1);

  // A folder, chosen: its .json files by their path in it, other files passed over.
  const dir = mkdtempSync(join(tmpdir(), "ziping-summary-"));
  const folder = join(dir, "2024年报送");
  mkdirSync(join(folder, "各街道"), { recursive: true });
  writeFileSync(join(folder, "低执行率.json"), variant((a) => {
    a.department = "天河区某街道";
    a.finance.spending.actual = "650";
    a.finance.basic = "470.40";
    a.finance.economic[0] = "431.65";
  }));
  writeFileSync(join(folder, "各街道", "无理由.json"), variant((a) => {
    a.department = "天河区另一街道";
    a.execution_override.reason = "";
  }));
  writeFileSync(join(folder, "说明.txt"), "不是自评文件");
  await page.getByTestId("summary-folder").setInputFiles(folder);
  await expect(page.getByTestId("summary-count")).toHaveText("共 6 个文件");
  const added = (await rows(page)).slice(4).map((r) => [r[0], r[1], r[7], r[10]]);
  // Sorted by code unit, whatever order the browser walks the folder in: 低 (U+4F4E) first.
  expect(added.sort()).toEqual([
    ["2024年报送/低执行率.json", "天河区某街道", "87.95%", "评为优但预算执行率低于90%"],
    ["2024年报送/各街道/无理由.json", "天河区另一街道", "99.30%", "校验未通过、人工评分未说明理由"],
  ]);

  // Sorting: 总分 ascending, then descending, the unreadable file last either way.
  const header = (name) => page.getByTestId("summary-table").locator("th", { hasText: name }).getByRole("button");
  await header("总分").click();
  await expect(page.getByTestId("summary-table").locator("th", { hasText: "总分" })).toHaveAttribute("aria-sort", "ascending");
  expect((await rows(page)).map((r) => r[5])).toEqual(["99.32", "99.32", "99.32", "99.32", "99.93", ""]);
  await header("总分").click();
  await expect(page.getByTestId("summary-table").locator("th", { hasText: "总分" })).toHaveAttribute("aria-sort", "descending");
  expect((await rows(page)).map((r) => r[0])[0]).toBe("白云区.json");
  expect((await rows(page)).map((r) => r[0])[5]).toBe("损坏.json");
  await header("预算执行率").click();
  expect((await rows(page))[0][0]).toBe("2024年报送/低执行率.json");

  // Filtering: by flag, and by text.
  await page.getByTestId("summary-filter-flag").selectOption({ label: "校验未通过" });
  await expect(page.getByTestId("summary-count")).toHaveText("共 6 个文件，显示 2 个");
  expect((await rows(page)).map((r) => r[0]).sort()).toEqual(["2024年报送/各街道/无理由.json", "支出不符.json"]);
  await page.getByTestId("summary-filter-flag").selectOption({ label: "有标记的" });
  await expect(page.getByTestId("summary-count")).toHaveText("共 6 个文件，显示 4 个");
  await page.getByTestId("summary-filter-text").fill("街道");
  await expect(page.getByTestId("summary-count")).toHaveText("共 6 个文件，显示 2 个");
  await page.getByTestId("summary-filter-flag").selectOption({ label: "全部" });
  await page.getByTestId("summary-filter-text").fill("");
  await expect(page.getByTestId("summary-count")).toHaveText("共 6 个文件");

  // The CSV holds the rows as shown, in their order.
  const shown = await rows(page);
  const csv = await downloadOf(page, "summary-export-csv");
  expect(csv.name).toBe("自评汇总.csv");
  const text = readFileSync(csv.path, "utf8");
  expect(text.startsWith("\ufeff文件,部门,项目名称,年度,类别,总分,等级,预算执行率,错误数,提示数,标记,说明\r\n")).toBe(true);
  const lines = text.slice(1).split("\r\n").filter(Boolean);
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(shown.map((r) => r[0]));
  expect(lines).toContain("白云区.json,白云区信访局,,2024,部门整体,99.93,优,99.30%,0,0,,");

  // The workbook, through the export module.
  const xlsx = await downloadOf(page, "summary-export-xlsx");
  expect(xlsx.name).toBe("自评汇总.xlsx");
  expect(readFileSync(xlsx.path).subarray(0, 2).toString()).toBe("PK");
  const cells = workbook(xlsx.path);
  for (const s of ["白云区信访局", "校验未通过", "无法读取", "2024年报送/低执行率.json", "评为优但预算执行率低于90%"]) expect(cells).toContain(s);
  expect(cells).toContain("<v>99.93</v>");
  expect(cells).toContain("<v>0.8795</v>");
  await expect(page.getByTestId("summary-status")).toContainText("已生成");

  // Nothing of this reached the drafts: the open one is the sample, the store unchanged.
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  await expect(page.locator("#draft-select option")).toHaveCount(drafts);
  await expect(page.getByTestId("import-error")).toHaveCount(0);
  await page.waitForTimeout(600);
  expect(await stored(page)).toEqual(before);

  await page.getByTestId("summary-clear").click();
  await expect(page.locator("#summary")).toContainText("还没有文件");
});

test("a GBK file is summarised as its UTF-8 twin; a project file is a project, named", async ({ page }) => {
  await page.goto("./");
  await page.locator('nav a[href="#summary"]').click();
  await drop(page, {
    "国标码.json": { base64: readFileSync(resolve("engine/tests/data/sample-gbk.json")).toString("base64") },
    "万国码.json": SAMPLE,
    "项目.json": readFileSync(resolve("engine/tests/data/project.json"), "utf8"),
  });
  await expect(page.getByTestId("summary-count")).toHaveText("共 3 个文件");
  const [gbk, utf8, project] = await rows(page);
  expect(gbk.slice(1)).toEqual(utf8.slice(1));
  expect(gbk.slice(1, 7)).toEqual(["广州市天河区信访局", "", "2023", "部门整体", "99.32", "优"]);
  expect(project.slice(1, 6)).toEqual(["广州市天河区信访局", "信访事项办理专项经费", "2023", "项目", "98.06"]);
});
