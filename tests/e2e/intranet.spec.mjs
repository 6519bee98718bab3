// The app on plain http under a host name and a sub-path, as on an intranet server
// (http://intranet.test/tools/ziping/ resolved to this machine): not a secure context, so
// the Clipboard API is missing and copying must fall back to a selection.
import { test, expect } from "@playwright/test";
import config from "../../playwright.config.mjs";

const { launchOptions, baseURL } = config.use;
const port = new URL(baseURL).port;

test.use({
  launchOptions: {
    ...launchOptions,
    args: [...launchOptions.args, "--host-resolver-rules=MAP intranet.test 127.0.0.1"],
  },
});

test("on plain http the report is still copied, through the selection fallback", async ({ page }) => {
  await page.addInitScript(() => {
    // Records what each copy command had selected: the fallback's hidden textarea.
    window.__copied = [];
    const exec = document.execCommand.bind(document);
    document.execCommand = (command, ...rest) => {
      if (command === "copy") window.__copied.push(document.querySelector("textarea[readonly]")?.value);
      return exec(command, ...rest);
    };
  });
  await page.goto(`http://intranet.test:${port}/tools/ziping/`);
  expect(await page.evaluate(() => [window.isSecureContext, "clipboard" in navigator])).toEqual([false, false]);
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  await page.getByTestId("copy-markdown").click();
  await expect(page.getByTestId("report-status")).toHaveText("已复制到剪贴板");
  const copied = await page.evaluate(() => window.__copied);
  expect(copied).toHaveLength(1);
  expect(copied[0]).toMatch(/^# 2023年度广州市天河区信访局部门整体支出绩效自评报告/);
  // The helper's textarea is gone again.
  await expect(page.locator("textarea[readonly]")).toHaveCount(0);
});
