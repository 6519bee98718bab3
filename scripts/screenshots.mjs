// Screenshots of the main views at 1366×768 for docs/, from the release dist/.
// Run after `bash scripts/build.sh`: node scripts/screenshots.mjs
import { chromium } from "playwright";
import { spawn } from "node:child_process";

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
  await shot("4-management", "management");
  await page.locator('[id="finance.spending.actual"]').focus();
  await page.getByTestId("seek-goal").fill("total>=99.5");
  await page.getByTestId("seek-run").click();
  await page.getByTestId("sensitivity-run").click();
  await shot("6-whatif", "whatif");
  await page.locator('[id="finance.basic"]').fill("554.2");
  await page.locator('[id="finance.spending.actual"]').fill("650");
  await shot("5-findings", "finance");
} finally {
  await browser.close();
  server.kill();
}
