// The engine as a JavaScript module (dist/engine/) embedded in other pages, plain HTML with
// <script type="module"> served beside the release dist/: the README's example, and a page
// that scores a file the user chooses (engine-js.html).
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

const PAGE = readFileSync(new URL("engine-js.html", import.meta.url), "utf8");

/** The README's example page: the html block of its section on the JavaScript module. */
function readmeExample() {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.split("## The engine as a JavaScript module")[1] ?? "";
  const block = section.match(/```html\n([\s\S]*?)```/);
  if (!block) throw new Error("the README shows no html example of the module");
  return block[1];
}

/** Opens a page at a path of the server, so its ./engine/ resolves beside it. */
async function openEmbedding(page, path, body = PAGE) {
  await page.route(`**${path}`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body }));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(path);
  return errors;
}

test("the README's example page, under a sub-path, shows the sample's score", async ({ page }) => {
  const dialogs = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const errors = await openEmbedding(page, "/tools/ziping/embed.html", readmeExample());
  await expect(page.locator("#total")).toHaveText("99.32");
  await expect(page.locator("#grade")).toHaveText("优");
  expect(errors).toEqual([]);
  expect(dialogs).toEqual([]);
});

test("the embedding page scores a chosen file, shows the Chinese message for a bad one and goes on", async ({ page }) => {
  const errors = await openEmbedding(page, "/embed.html");
  await expect(page.locator("#total")).toHaveText("99.32");
  await expect(page.locator("#grade")).toHaveText("优");
  await expect(page.locator("#error")).toHaveText("");
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
  expect(errors).toEqual([]);
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
      goal: caught(() => engine.seek(engine.sample(), "finance.spending.actual", "总分>95")),
      after: engine.score(engine.sample()).total,
      markdown: engine.report(engine.sample(), "markdown").split("\n")[0],
    };
  });
  expect(result).toEqual({
    nothing: [true, "文件不是自评计算器保存的文件（缺少 schema_version 或 kind），未导入任何内容"],
    format: [true, "report 不支持格式 pdf：可选 markdown、text、html"],
    goal: [true, "无法理解的目标“总分>95”：应为 总分≥N、等级=优、名称≥N（如 预算执行率≥10、执行率10分），或 total>=N、grade=优、item:名称>=N、section:名称>=N"],
    after: "99.32",
    markdown: "# 2023年度广州市天河区信访局部门整体支出绩效自评报告",
  });
});
