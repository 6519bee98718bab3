// The project self-assessment (项目支出绩效自评) in the app: a new draft of that kind, its
// own page in place of the department's, its figures scored, and its form on screen.
import { test, expect } from "@playwright/test";
import { resolve } from "node:path";

const field = (page, path) => page.locator(`[id="${path}"]`);

test("a project draft asks for the project form's figures, scores them and shows its form", async ({ page }) => {
  await page.goto("./");
  await page.getByTestId("new-project").click();
  await expect(page.getByTestId("score-kind")).toHaveText("项目支出绩效自评");
  // The department's pages are not asked for.
  await expect(page.locator("#project")).toBeVisible();
  for (const id of ["basics", "finance", "management"]) {
    await expect(page.locator(`#${id}`)).toHaveCount(0);
  }
  const nav = page.getByRole("navigation");
  await expect(nav.getByRole("link", { name: "项目情况" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "管理效率" })).toHaveCount(0);

  await field(page, "project_name").fill("信访事项办理专项经费");
  await field(page, "department").fill("广州市天河区信访局");
  await field(page, "implementer").fill("广州市天河区信访局");
  await field(page, "year").fill("2023");
  const figures = {
    "finance.spending.initial": "180.00",
    "finance.spending.adjusted": "186.50",
    "finance.spending.actual": "179.60",
    "finance.appropriation.adjusted": "176.50",
    "finance.appropriation.actual": "170.10",
    "finance.carryover.adjusted": "10.00",
    "finance.carryover.actual": "9.50",
  };
  for (const [path, value] of Object.entries(figures)) {
    await field(page, path).fill(value);
  }
  await expect(page.getByTestId("execution-rate")).toHaveText("96.30%");
  await expect(page.getByTestId("funding-rate-2")).toHaveText("95.00%");
  await expect(page.getByTestId("execution-computed")).toContainText("9.63");

  // The rows are checked against each other, naming the rows and the figures.
  await field(page, "finance.appropriation.actual").fill("170.15");
  await expect(
    page.getByText("财政拨款 170.15 + 上年结转资金 9.50 = 179.65，与年度资金总额全年执行数 179.60 不符").first(),
  ).toBeVisible();
  await field(page, "finance.appropriation.actual").fill("170.10");
  await expect(page.getByText("与年度资金总额全年执行数 179.60 不符")).toHaveCount(0);

  // One output indicator short of its target, with its 偏差原因.
  await page.getByRole("button", { name: "添加指标" }).click();
  await field(page, "indicators[0].name").fill("群众来访接待场次");
  await field(page, "indicators[0].points").fill("50");
  await field(page, "indicators[0].measure.target").fill("240");
  await field(page, "indicators[0].measure.actual").fill("228");
  await field(page, "indicators[0].deviation_note").fill("部分接访改为网上视频接访。");
  // 9.63 + 50 × 228 ÷ 240 = 9.63 + 47.50.
  await expect(page.getByTestId("score-total")).toHaveText("57.13");

  await page.locator("#sheet summary").click();
  const sheet = page.getByTestId("sheet");
  await expect(sheet.getByRole("heading", { name: "2023年度项目支出绩效自评表" })).toBeVisible();
  await expect(sheet).toContainText("项目名称：信访事项办理专项经费");
  await expect(sheet).toContainText("主管部门：广州市天河区信访局　实施单位：广州市天河区信访局");
  for (const row of ["年度资金总额", "其中：财政拨款", "上年结转资金", "其他资金", "群众来访接待场次", "部分接访改为网上视频接访。"]) {
    await expect(sheet).toContainText(row);
  }
  await expect(sheet).not.toContainText("部门整体");
});

test("the project sample file opens as a project and scores 98.06", async ({ page }) => {
  await page.goto("./");
  await page.getByTestId("import-input").setInputFiles(resolve("engine/tests/data/project.json"));
  await expect(page.getByTestId("score-kind")).toHaveText("项目支出绩效自评");
  await expect(page.getByTestId("score-total")).toHaveText("98.06");
  await expect(page.getByTestId("score-grade")).toHaveText("优");
  await expect(page.getByTestId("error-count")).toContainText("0");
  await expect(field(page, "finance.carryover.actual")).toHaveValue(/^9\.50?$/);
  // A departmental draft still shows the department's pages.
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("score-kind")).toHaveText("部门整体支出绩效自评");
  await expect(page.locator("#management")).toBeVisible();
  await expect(page.locator("#project")).toHaveCount(0);
});
