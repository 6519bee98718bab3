// The release build loads and scores the built-in sample.
import { test, expect } from "@playwright/test";

test("the sample scores 99.32, grade 优", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByTestId("score-total")).toHaveText("99.32");
  await expect(page.getByTestId("score-grade")).toHaveText("优");
});
