// The report and the score sheet against the release build: rewording, printing to PDF
// (read back with pdftotext), every export, and user text that must never run.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";

const field = (page, path) => page.locator(`[id="${path}"]`);

async function openSample(page, url = "./") {
  await page.goto(url);
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
}

async function openReport(page) {
  await page.locator("#report summary").click();
  await expect(page.getByTestId("report")).toContainText("部门整体支出绩效评价得分为99.32分");
}

/** The bytes of the download a click starts. */
async function downloadOf(page, testid) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test("the report shows the seed's figures and tables from the data", async ({ page }) => {
  await openSample(page);
  await openReport(page);
  const report = page.getByTestId("report");
  await expect(report.locator("h1")).toHaveText("2023年度广州市天河区信访局部门整体支出绩效自评报告");
  await expect(report).toContainText("决算支出733.88万元（其中，基本支出554.28万元，占比为75.53%；项目支出179.60万元，占比为24.47%），部门预算执行率99.30%");
  await expect(report.locator("table tr", { hasText: "二、商品和服务支出" })).toContainText("27.46%");
  await expect(report.locator("table tr", { hasText: "合计" })).toContainText("733.88");
  // The report follows the figures as they are typed.
  await field(page, "finance.basic").fill("554.2");
  await expect(report).toContainText("基本支出554.20万元");
});

test("a reworded paragraph is marked, survives a reload, and is flagged when its figures change", async ({ page }) => {
  await openSample(page);
  await openReport(page);
  const para = page.locator('[data-para="income"]');
  await para.getByRole("button", { name: "修改" }).click();
  await para.locator("textarea").fill("本年收入情况详见附表。");
  await para.getByRole("button", { name: "完成" }).click();
  await expect(para.locator("p")).toHaveText("本年收入情况详见附表。");
  await expect(para).toHaveClass(/edited/);
  await expect(para).toContainText("已修改");
  await page.waitForTimeout(600);
  await page.reload();
  await openReport(page);
  await expect(para.locator("p")).toHaveText("本年收入情况详见附表。");
  // A figure of the paragraph changes: the edit stays, with a warning and the new text.
  await field(page, "finance.appropriation.actual").fill("700");
  await expect(para).toHaveClass(/stale/);
  await expect(para.getByRole("alert")).toContainText("决算数700.00万元");
  await expect(para.locator("p")).toHaveText("本年收入情况详见附表。");
  // The findings list says so too, wherever the user is.
  const finding = page.locator(".finding.warning", { hasText: "本年收入情况详见附表" });
  await expect(finding).toBeVisible();
  await para.getByRole("button", { name: "保留我的修改" }).click();
  await expect(para).not.toHaveClass(/stale/);
  await expect(finding).toHaveCount(0);
  await para.getByRole("button", { name: "恢复生成文本" }).click();
  await expect(para.locator("p")).toContainText("决算数700.00万元");
  await expect(para).not.toHaveClass(/edited/);
});

test("an edit whose paragraph left the report is kept, listed and can be deleted", async ({ page }) => {
  await openSample(page);
  const file = await page.evaluate(() => {
    const id = localStorage.getItem("ziping/v1/current");
    const doc = JSON.parse(localStorage.getItem(`ziping/v1/draft/${id}`)).document;
    doc.assessment.report_edits = { "category.gone.0": { text: "旧分类下的说明文字。", generated: "" } };
    return JSON.stringify(doc);
  });
  await page.getByTestId("import-input").setInputFiles({ name: "o.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await expect(page.locator(".finding.warning", { hasText: "旧分类下的说明文字" })).toBeVisible();
  await openReport(page);
  const orphans = page.locator("#report .orphans");
  await expect(orphans.locator("blockquote")).toHaveText("旧分类下的说明文字。");
  await orphans.getByRole("button", { name: "删除" }).click();
  await expect(orphans).toHaveCount(0);
  await expect(page.locator(".finding.warning", { hasText: "旧分类下的说明文字" })).toHaveCount(0);
});

test("printed to PDF: A4, the sections in order, the table whole, page numbers", async ({ page }, info) => {
  await openSample(page);
  await openReport(page);
  mkdirSync(info.outputDir, { recursive: true });
  const pdf = resolve(info.outputDir, "report.pdf");
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  const meta = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  expect(meta).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
  // Lines wrap where the page ends them: compare without white space.
  const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
    .split("\f")
    .map((p) => p.replace(/\s+/g, ""))
    .filter((p) => p);
  expect(pages.length).toBeGreaterThan(2);
  const text = pages.join("\n");
  // Nothing of the form or the score panel is printed.
  for (const chrome of ["校验结果", "打印", "预览报告", "修改", "草稿"]) expect(text).not.toContain(chrome);
  let at = -1;
  for (const heading of [
    "部门整体支出绩效自评报告",
    "一、部门基本情况",
    "（一）部门职能",
    "（二）年度总体工作和重点工作任务",
    "（三）部门整体支出绩效目标",
    "（四）部门整体收支情况",
    "部门预算按经济分类执行情况",
    "（五）部门整体绩效管理情况",
    "二、绩效自评情况",
    "（一）自评结论",
    "（二）履职效能分析",
    "（三）管理效率分析",
    "三、存在的主要问题",
    "四、下一步改进措施",
  ]) {
    const next = text.indexOf(heading, at + 1);
    expect(next, `${heading} after position ${at}`).toBeGreaterThan(at);
    at = next;
  }
  const tablePage = pages.find((p) => p.includes("一、工资福利支出"));
  for (const row of ["十、其他支出", "合计", "733.88", "70.25%", "27.46%", "2.29%"]) {
    expect(tablePage, `the table is whole on one page: ${row}`).toContain(row);
  }
  pages.forEach((p, i) => expect(p).toContain(`—${i + 1}—`));
});

test("exports: HTML, Word and Excel files, CSV, and Markdown on the clipboard; the export module loads only when asked for", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await openSample(page);
  const html = await downloadOf(page, "export-html");
  expect(html.name).toMatch(/\.html$/);
  expect(html.bytes.toString("utf8")).toContain("部门整体支出绩效评价得分为99.32分");
  const csv = await downloadOf(page, "export-csv");
  expect(csv.bytes.toString("utf8")).toContain("年度资金总额,810.88,739.04,733.88,10,99.30%,9.32");
  expect(requests.filter((u) => u.includes("/export/"))).toEqual([]);

  const xlsx = await downloadOf(page, "export-xlsx");
  expect(xlsx.name).toMatch(/自评表\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe("PK");
  expect(requests.filter((u) => u.includes("/export/ziping_export_bg.wasm"))).toHaveLength(1);
  const docx = await downloadOf(page, "export-docx");
  expect(docx.name).toMatch(/自评报告\.docx$/);
  expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");
  expect(requests.filter((u) => u.includes("/export/ziping_export_bg.wasm"))).toHaveLength(1);

  await page.getByTestId("copy-markdown").click();
  await expect(page.getByTestId("report-status")).toHaveText("已复制到剪贴板");
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toMatch(/^# 2023年度广州市天河区信访局部门整体支出绩效自评报告/);
  expect(clip).toContain("| 一、工资福利支出 | 515.53 | 70.25% |");
});

test("the single-file build loads the export module from itself (file://)", async ({ page }) => {
  await openSample(page, "file://" + resolve("dist/ziping.html"));
  const xlsx = await downloadOf(page, "export-xlsx");
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe("PK");
  await expect(page.getByTestId("sheet-status")).toContainText("已生成");
});

const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"'&`;

test("XSS payloads in every prose field and name are shown literally and never run", async ({ page }) => {
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await openSample(page);
  for (const id of ["title", "department", "duties", "key_tasks", "objectives", "problems", "measures", "indicators[0].name", "workload[0].name"]) {
    await field(page, id).fill(XSS);
  }
  await openReport(page);
  const report = page.getByTestId("report");
  await expect(report.locator("h1")).toContainText(XSS);
  await expect(report.locator("p", { hasText: XSS }).first()).toBeVisible();
  await page.locator("#sheet summary").click();
  await expect(page.getByTestId("sheet")).toContainText(XSS);
  const html = await downloadOf(page, "export-html");
  const body = html.bytes.toString("utf8");
  expect(body).not.toContain("<img src=x");
  expect(body).not.toContain("<script>window");
  // The exported page, opened, shows the text and runs nothing.
  const exported = await page.context().newPage();
  await exported.setContent(body);
  await expect(exported.locator("h1")).toContainText(XSS);
  expect(await exported.evaluate(() => window.__xss)).toBeUndefined();
  await exported.close();
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(await page.locator("img[src=x]").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

/** A file printed to PDF by LibreOffice, as the staff who receive it would open it: its
 * page count and its text (pdftotext). */
function printed(name, bytes) {
  const dir = resolve("test-results/office");
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${name}`;
  writeFileSync(file, bytes);
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 120000 });
  const pdf = file.replace(/\.[a-z]+$/, ".pdf");
  const info = execFileSync("pdfinfo", [pdf]).toString();
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)[1]), text: execFileSync("pdftotext", ["-layout", pdf, "-"]).toString() };
}

test("the app's own Office files print as handed in: the 自评表 on one page, the report with its 落款 and appendix", async ({ page }) => {
  await openSample(page);
  const sheet = printed("sheet.xlsx", (await downloadOf(page, "export-xlsx")).bytes);
  expect(sheet.pages).toBe(1);
  expect(sheet.text).toContain("99.32");
  expect(sheet.text).toContain("733.88");
  const report = printed("report.docx", (await downloadOf(page, "export-docx")).bytes);
  // Lines break where the page does, and the printed text spaces Latin from Chinese.
  expect(report.text).toMatch(/得分为\s*99\.32\s*分，评价等级为“优”/);
  expect(report.text).toMatch(/^\s+广州市天河区信访局\s*$/m);
  expect(report.text).toContain("附件");
  const today = new Date();
  // The 落款 is dated the day the browser wrote the file.
  expect(report.text).toMatch(new RegExp(`${today.getFullYear()}\\s*年\\s*${today.getMonth() + 1}\\s*月\\s*${today.getDate()}\\s*日`));
});
