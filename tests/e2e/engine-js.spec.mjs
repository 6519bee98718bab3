// The engine as a JavaScript module (dist/engine/) embedded in another page: a plain HTML
// page with <script type="module">, as the README shows, served beside the release dist/.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

const PAGE = readFileSync(new URL("engine-js.html", import.meta.url), "utf8");

/** Opens the embedding page at a path of the server, so ./engine/ resolves beside it. */
async function openEmbedding(page, path) {
  await page.route(`**${path}`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: PAGE }));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(path);
  return errors;
}

test("a plain page imports ./engine/ziping_engine.js and shows the sample's score", async ({ page }) => {
  const errors = await openEmbedding(page, "/tools/ziping/embed.html");
  await expect(page.locator("#total")).toHaveText("99.32");
  await expect(page.locator("#grade")).toHaveText("优");
  await expect(page.locator("#error")).toHaveText("");
  expect(errors).toEqual([]);
});

test("the embedding page scores a chosen file, shows the Chinese message for a bad one and goes on", async ({ page }) => {
  await openEmbedding(page, "/embed.html");
  await expect(page.locator("#total")).toHaveText("99.32");
  // The module, already started by the page, answers the test as it answers the page.
  const file = await page.evaluate(async () => (await import("./engine/ziping_engine.js")).sample());
  file.assessment.finance.spending.actual = "739.04";
  file.assessment.execution_override = null;
  const choose = (name, text) =>
    page.locator("#file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });

  await choose("scheme.json", JSON.stringify({ schema_version: 1, kind: "scheme", scheme: {} }));
  await expect(page.locator("#error")).toHaveText("需要自评文件，但这是评分标准文件；未导入任何内容");
  await choose("newer.json", JSON.stringify({ schema_version: 9, kind: "assessment" }));
  await expect(page.locator("#error")).toHaveText("文件格式版本 9 比本程序支持的版本 1 新，请使用新版程序打开；未导入任何内容");

  await choose("a.json", JSON.stringify(file));
  await expect(page.locator("#error")).toHaveText("");
  await expect(page.locator("#total")).toHaveText("100.00");
  await expect(page.locator("#grade")).toHaveText("优");
});

test("in the browser, bad input throws an Error with the engine's message", async ({ page }) => {
  await openEmbedding(page, "/embed.html");
  await expect(page.locator("#total")).toHaveText("99.32");
  const result = await page.evaluate(async () => {
    const engine = await import("./engine/ziping_engine.js");
    const caught = (f) => {
      try {
        f();
        return null;
      } catch (e) {
        return [e instanceof Error, e.message];
      }
    };
    return {
      nothing: caught(() => engine.score(null)),
      format: caught(() => engine.report(engine.sample(), "pdf")),
      goal: caught(() => engine.seek(engine.sample(), "finance.spending.actual", "总分>=95")),
      after: engine.score(engine.sample()).total,
      markdown: engine.report(engine.sample(), "markdown").split("\n")[0],
    };
  });
  expect(result).toEqual({
    nothing: [true, "文件不是自评计算器保存的文件（缺少 schema_version 或 kind），未导入任何内容"],
    format: [true, "report 不支持格式 pdf：可选 markdown、text、html"],
    goal: [true, "无法理解的目标“总分>=95”：应为 total>=N、grade=优、item:名称>=N 或 section:名称>=N"],
    after: "99.32",
    markdown: "# 2023年度广州市天河区信访局部门整体支出绩效自评报告",
  });
});
