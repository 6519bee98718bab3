// Goal seek by choosing, not typing (issue 14, item 2), against the release build.
import { test, expect } from "@playwright/test";

const field = (page, path) => page.locator(`[id="${path}"]`);

async function openSample(page) {
  await page.goto("./");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
}

test("决算 and 预算执行率 ≥ 10 chosen from menus: the override is named and lifted, rounding is said, and the answer fills a new scenario", async ({ page }) => {
  await openSample(page);
  const pick = page.getByTestId("seek-field-select");
  // The list of every figure is built when it is opened.
  await pick.focus();
  await expect(pick.locator("optgroup[label='收支情况'] option[value='finance.spending.actual']")).toHaveText(
    "部门整体支出决算数（finance.spending.actual）",
  );
  await expect(pick.locator("optgroup[label='绩效指标'] option[value='indicators[5].measure.actual']")).toHaveText(
    "「群众满意率」的实际完成值（indicators[5].measure.actual）",
  );
  await pick.selectOption("finance.spending.actual");
  await expect(page.getByTestId("seek-field")).toContainText("部门整体支出决算数");
  await page.getByTestId("seek-goal-kind").selectOption("item");
  const item = page.getByTestId("seek-item");
  await expect(item.locator("optgroup[label='管理效率'] option")).toHaveCount(10);
  await item.selectOption("预算执行率");
  // The value starts at the item's full points; the typed form shows the chosen goal.
  await expect(page.getByTestId("seek-value")).toHaveValue("10");
  await expect(page.getByTestId("seek-goal")).toHaveValue("「预算执行率」得分 ≥ 10");
  await page.getByTestId("seek-run").click();

  // The published override (9.32) keeps 决算 from moving the score: it names itself.
  const answer = page.getByTestId("seek-answer");
  await expect(answer).toContainText("「预算执行率」的得分已人工调整为 9.32（手动评分），调整部门整体支出决算数不改变它的得分");
  await expect(page.getByTestId("seek-override")).toContainText("人工调整得分 9.32");
  await expect(page.getByTestId("seek-apply")).toHaveCount(0);
  await page.getByTestId("seek-lift").click();
  await expect(answer).toContainText("取消「预算执行率」的人工调整后：部门整体支出决算数由 733.88 调整为 738.68");
  await expect(page.getByTestId("seek-result")).toHaveText("结果：执行率 99.95%，「预算执行率」得分 10.00，总分 100.00（优）");
  await expect(page.getByTestId("seek-rounding")).toHaveText(
    "注意：按规则执行率 99.9512%，得 9.9951 分，四舍五入保留 2 位小数为 10.00 分，是舍入使它达到目标 「预算执行率」得分 ≥ 10",
  );

  await page.getByTestId("seek-apply").click();
  await expect(page.getByRole("status").filter({ hasText: "已在新情景「情景：求解 部门整体支出决算数 738.68」中把部门整体支出决算数设为 738.68；原稿未改动" })).toBeVisible();
  await expect(page.locator("#draft-select option")).toHaveCount(2);
  await expect(page.locator("#draft-select")).toContainText("↳ 情景：求解 部门整体支出决算数 738.68");
  await expect(field(page, "finance.spending.actual")).toHaveValue("738.68");
  await expect(page.getByTestId("execution-override")).not.toBeChecked();
  await expect(page.getByTestId("score-total")).toHaveText("100.00");

  // The draft itself is as it was, override and all.
  await page.waitForTimeout(400);
  await page.getByTestId("open-base").click();
  await expect(field(page, "finance.spending.actual")).toHaveValue("733.88");
  await expect(page.getByTestId("execution-override")).toBeChecked();
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  await expect(page.getByTestId("compare")).toContainText("738.68（+4.8）");
});

test("the figure comes from the form, the goal from the 总分 menu, and the answer can go into the draft", async ({ page }) => {
  await openSample(page);
  await page.getByTestId("execution-override").uncheck();
  await expect(page.getByTestId("score-total")).toHaveText("99.93");
  await field(page, "finance.spending.actual").focus();
  await expect(page.getByTestId("seek-field")).toContainText("部门整体支出决算数");
  await expect(page.getByTestId("seek-field-select")).toHaveValue("finance.spending.actual");
  await expect(page.getByTestId("seek-goal-kind")).toHaveValue("total");
  await page.getByTestId("seek-value").fill("100");
  await page.getByTestId("seek-run").click();
  await expect(page.getByTestId("seek-answer")).toContainText("部门整体支出决算数由 733.88 调整为 738.68，可达到目标 总分 ≥ 100");
  await expect(page.getByTestId("seek-rounding")).toContainText("是舍入使它达到目标 总分 ≥ 100");
  await page.getByTestId("seek-apply-draft").click();
  await expect(page.getByRole("status").filter({ hasText: "已在本稿中把部门整体支出决算数设为 738.68" })).toBeVisible();
  await expect(page.locator("#draft-select option")).toHaveCount(1);
  await expect(field(page, "finance.spending.actual")).toHaveValue("738.68");
  await expect(page.getByTestId("score-total")).toHaveText("100.00");
});

test("a goal typed in plain Chinese, and one the card cannot place", async ({ page }) => {
  await openSample(page);
  await page.getByTestId("execution-override").uncheck();
  await page.getByTestId("seek-field-select").focus();
  await page.getByTestId("seek-field-select").selectOption("finance.spending.actual");
  await page.getByTestId("seek-goal").fill("执行率10分");
  await page.getByTestId("seek-run").click();
  await expect(page.getByTestId("seek-answer")).toContainText("调整为 738.68");
  await page.getByTestId("seek-goal").fill("等级=良");
  await page.getByTestId("seek-run").click();
  await expect(page.getByTestId("seek-answer")).toContainText("当前部门整体支出决算数 733.88 已达到目标 等级达到「良」");
  await page.getByTestId("seek-goal").fill("信访≥1");
  await page.getByTestId("seek-run").click();
  await expect(page.getByTestId("seek-answer")).toContainText("目标中的“信访”可指多项");
  // Touching a menu again makes the menus the goal.
  await page.getByTestId("seek-goal-kind").selectOption("grade");
  await page.getByTestId("seek-grade").selectOption("优");
  await expect(page.getByTestId("seek-goal")).toHaveValue("等级达到「优」");
});

test("a quick slider held by an override says so and lifts it in the trial copy only", async ({ page }) => {
  await openSample(page);
  await page.locator("details.quick summary").click();
  const note = page.getByTestId("quick-override").first();
  await expect(note).toContainText("「预算执行率」已人工调整为 9.32 分，拖动不改变得分");
  const slide = (v) =>
    page.getByLabel("预算执行率完成率").evaluate((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, v);
  await slide("90");
  await expect(page.getByTestId("quick-total")).toHaveText("99.32");
  await page.getByTestId("quick-lift").click();
  await expect(note).toContainText("已在试算中取消「预算执行率」的人工调整");
  await expect(page.getByTestId("quick-total")).toHaveText("99.00");
  // Nothing is saved: the draft keeps its override and its score.
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  await expect(page.getByTestId("execution-override")).toBeChecked();
});
