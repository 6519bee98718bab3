// Screenshots of the main views at 1366×768 for docs/, from the release dist/.
// Run after `bash scripts/build.sh`: node scripts/screenshots.mjs
// The printed report's first page comes from Chromium's PDF through pdftoppm (poppler-utils).
import { chromium } from "playwright";
import { spawn, execFileSync } from "node:child_process";

const PORT = 4175;
const server = spawn("node", ["tests/e2e/static-server.mjs", "dist", String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByTestId("load-sample").click();
  await page.getByTestId("score-total").filter({ hasText: "99.32" }).waitFor();
  const shot = async (name, anchor) => {
    if (anchor) await page.evaluate((id) => document.getElementById(id).scrollIntoView(), anchor);
    await page.waitForTimeout(200);
    await page.screenshot({ path: `docs/${name}.png` });
  };
  await shot("1-basics");
  await page.locator("details.section-score").first().evaluate((d) => (d.open = true));
  await shot("2-finance", "finance");
  await shot("3-indicators", "indicators");
  await page.locator(".criterion").nth(1).locator("details.rule-params").evaluate((d) => (d.open = true));
  await shot("4-management", "management");
  await page.locator('[id="scheme.execution.rule"]').selectOption("bands");
  await page.locator("#scheme details.rule-params").evaluate((d) => (d.open = true));
  await shot("10-scheme", "scheme");
  await page.locator('[id="scheme.execution.rule"]').selectOption("proportional");
  await page.locator('[id="finance.spending.actual"]').focus();
  await page.getByTestId("seek-goal").fill("total>=99.5");
  await page.getByTestId("seek-run").click();
  await page.getByTestId("sensitivity-run").click();
  await shot("6-whatif", "whatif");
  await page.locator("#sheet summary").click();
  await page.getByTestId("sheet").waitFor();
  await shot("7-sheet", "sheet");
  await page.locator("#sheet summary").click();
  await page.locator("#report summary").click();
  await page.locator('[data-para="income"]').getByRole("button", { name: "修改" }).click();
  await page.locator('[data-para="income"] textarea').fill("2023年本单位预算收入810.88万元，决算数733.88万元（此段经人工修改）。");
  await page.locator('[data-para="income"]').getByRole("button", { name: "完成" }).click();
  await page.evaluate(() => { document.querySelector('[data-para="income"]').scrollIntoView(); window.scrollBy(0, -150); });
  await page.waitForTimeout(200);
  await page.screenshot({ path: "docs/8-report.png" });
  await page.locator('[data-para="income"]').getByRole("button", { name: "恢复生成文本" }).click();
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: "target/report.pdf", preferCSSPageSize: true });
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", "target/report.pdf", "docs/9-report-pdf-page-1"]);
  await page.emulateMedia({ media: "screen" });
  await page.locator("#report summary").click();
  await page.locator('[id="finance.basic"]').fill("554.2");
  await page.locator('[id="finance.spending.actual"]').fill("650");
  await shot("5-findings", "finance");
} finally {
  await browser.close();
  server.kill();
}
