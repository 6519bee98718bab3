// The engine as a JavaScript module (dist/engine/, from the release build), run in Node as
// another page would run it: golden values from the seed, the same answers as the CLI's
// --json output, and bad input thrown as Errors with the CLI's Chinese messages.
// Run: node --test tests/engine-js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";

import init, * as engine from "../../dist/engine/ziping_engine.js";

const dist = new URL("../../dist/engine/", import.meta.url);
await init({ module_or_path: readFileSync(new URL("ziping_engine_bg.wasm", dist)) });

const scratch = mkdtempSync(join(tmpdir(), "ziping-engine-js-"));

/** What the `ziping` CLI prints, whatever its exit code; `FILE` in `args` names `file`. */
function cli(args, file) {
  const path = join(scratch, "file.json");
  if (file !== undefined) writeFileSync(path, JSON.stringify(file, null, 2));
  const out = spawnSync("cargo", ["run", "-q", "-p", "ziping-engine", "--", ...args.map((a) => (a === "FILE" ? path : a))], {
    encoding: "utf8",
  });
  assert.equal(out.stderr, "", `the CLI ran cleanly: ${args.join(" ")}`);
  return out.stdout;
}

/** The sample with its 决算 (finance.spending.actual) set. */
function withSpending(actual) {
  const file = engine.sample();
  file.assessment.finance.spending.actual = actual;
  return file;
}

/** The Error `f` throws, checked to be a real Error. */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof Error, `an Error, not ${typeof e}: ${e}`);
    return e.message;
  }
  assert.fail("expected a throw");
}

const NOT_OURS = "文件不是自评计算器保存的文件（缺少 schema_version 或 kind），未导入任何内容";

test("sample() is the built-in sample as a plain file object, decimals as strings", () => {
  const file = engine.sample();
  assert.equal(Object.getPrototypeOf(file), Object.prototype);
  assert.equal(Object.getPrototypeOf(file.assessment.finance), Object.prototype);
  assert.equal(file.schema_version, 1);
  assert.equal(file.kind, "assessment");
  assert.equal(file.assessment.finance.spending.actual, "733.88");
  assert.equal(file.assessment.finance.spending.adjusted, "739.04");
  assert.deepEqual(file, JSON.parse(cli(["sample"])));
});

test("score(): the sample scores 99.32, 优, section by section as the seed, and as the CLI prints", () => {
  const card = engine.score(engine.sample());
  assert.equal(card.total, "99.32");
  assert.equal(card.max_total, "100");
  assert.equal(card.grade, "优");
  assert.equal(card.errors, 0);
  assert.equal(card.warnings, 0);
  assert.deepEqual(
    card.sections.map((s) => [s.id, s.name, s.points, s.score]),
    [
      ["execution", "预算执行率", "10", "9.32"],
      ["effectiveness", "履职效能", "40", "40.00"],
      ["management", "管理效率", "50", "50.00"],
    ],
  );
  assert.deepEqual(card, JSON.parse(cli(["score", "--json", "FILE"], engine.sample())));
});

test("score() reads a file that went through JSON text, as an embedding page would pass it", () => {
  const file = JSON.parse(JSON.stringify(engine.sample()));
  assert.equal(engine.score(file).total, "99.32");
});

test("validate(): the sample has no findings", () => {
  assert.deepEqual(engine.validate(engine.sample()), []);
});

test("validate(): a 决算 that no longer matches its parts gives the CLI's findings", () => {
  const file = withSpending("760.00");
  const findings = engine.validate(file);
  assert.deepEqual(
    findings.map((f) => [f.severity, f.code]),
    [
      ["error", "SPENDING_PARTS_SUM"],
      ["error", "ECONOMIC_SUM"],
      ["warning", "EXECUTION_OVER"],
    ],
  );
  assert.deepEqual(findings[0], {
    severity: "error",
    code: "SPENDING_PARTS_SUM",
    paths: ["finance.basic", "finance.project", "finance.spending.actual"],
    message: "基本支出 554.28 + 项目支出 179.60 = 733.88，与决算数 760.00 不符",
  });
  assert.deepEqual(findings, JSON.parse(cli(["validate", "--json", "FILE"], file)));
});

test("seek(): the CLI's answers, reached and not", () => {
  const file = engine.sample();
  const reached = engine.seek(file, "finance.spending.actual", "total>=95");
  assert.deepEqual(reached, {
    reachable: true,
    value: "733.88",
    current: "733.88",
    change: "0",
    reason: "当前部门整体支出决算数 733.88 已达到目标 总分 ≥ 95",
    at: { item: "预算执行率", rate: "0.9930179692574150248971638883", score: "9.32", total: "99.32", grade: "优" },
    result: "结果：执行率 99.30%，「预算执行率」得分 9.32，总分 99.32（优）",
    rounding: null,
    blocker: null,
  });
  const cases = [
    ["finance.spending.actual", "total>=95"],
    ["finance.spending.actual", "item:预算执行率>=10"],
    ["indicators[2].measure.actual", "total>=99.5"],
    ["finance.spending.actual", "grade=良"],
  ];
  for (const [field, goal] of cases) {
    const answer = engine.seek(file, field, goal);
    assert.deepEqual(answer, JSON.parse(cli(["seek", "FILE", "--field", field, "--goal", goal, "--json"], file)), `${field} ${goal}`);
  }
  assert.equal(engine.seek(file, "finance.spending.actual", "item:预算执行率>=10").reachable, false);
});

test("seek(): without the sample's hand-set execution score, 决算 moves the score", () => {
  const file = engine.sample();
  file.assessment.execution_override = null;
  const answer = engine.seek(file, "finance.spending.actual", "item:预算执行率>=10");
  assert.equal(answer.reachable, true);
  assert.deepEqual(answer, JSON.parse(cli(["seek", "FILE", "--field", "finance.spending.actual", "--goal", "item:预算执行率>=10", "--json"], file)));
});

test("report(): the seed's report in Markdown, text and HTML, as the CLI writes it", () => {
  const file = engine.sample();
  const md = engine.report(file, "markdown");
  assert.match(md, /^# 2023年度广州市天河区信访局部门整体支出绩效自评报告\n/);
  for (const figure of ["733.88", "739.04", "99.32"]) assert.ok(md.includes(figure), `the Markdown holds ${figure}`);
  assert.equal(md, cli(["report", "FILE", "--format", "markdown"], file));
  assert.equal(engine.report(file, "text"), cli(["report", "FILE", "--format", "text"], file));
  const html = engine.report(file, "html");
  assert.match(html, /^<!DOCTYPE html>/);
  assert.equal(html, cli(["report", "FILE", "--format", "html"], file));
});

test("bad input throws an Error with the CLI's Chinese message, and the module keeps working", () => {
  const scheme = JSON.parse(cli(["scheme", "guangzhou-dept"]));
  const cyclic = engine.sample();
  cyclic.assessment.self = cyclic;
  const nested = (levels) => {
    let value = {};
    for (let i = 0; i < levels; i++) value = { d: value };
    return { schema_version: 1, kind: "assessment", assessment: value };
  };
  const hostile = engine.sample();
  Object.defineProperty(hostile.assessment, "finance", {
    enumerable: true,
    get() {
      throw new Error("hostile getter");
    },
  });
  const cases = [
    ["a number", () => engine.score(42), NOT_OURS],
    ["null", () => engine.score(null), NOT_OURS],
    ["undefined", () => engine.validate(undefined), NOT_OURS],
    ["a string", () => engine.score("{}"), NOT_OURS],
    ["an array", () => engine.score([]), NOT_OURS],
    ["a function", () => engine.score(() => 1), NOT_OURS],
    ["a BigInt", () => engine.score({ schema_version: 1n, kind: "assessment" }), NOT_OURS],
    ["a cyclic object", () => engine.score(cyclic), NOT_OURS],
    ["a getter that throws", () => engine.score(hostile), NOT_OURS],
    // Too deep has a message of its own (issue 17), not "not valid JSON".
    ["200 levels deep", () => engine.score(nested(200)), /^文件嵌套层数过多（超过 128 层，位于 assessment\.d\.d/],
    ["a million levels deep", () => engine.score(nested(1_000_000)), /^文件不是/],
    ["no kind", () => engine.score({ schema_version: 1 }), NOT_OURS],
    [
      "a newer version",
      () => engine.score({ schema_version: 2, kind: "assessment" }),
      "文件格式版本 2 比本程序支持的版本 1 新，请使用新版程序打开；未导入任何内容",
    ],
    [
      "an unknown kind",
      () => engine.score({ schema_version: 1, kind: "budget" }),
      "无法识别的文件类型“budget”，未导入任何内容",
    ],
    ["a scheme file", () => engine.score(scheme), "需要自评文件，但这是评分标准文件；未导入任何内容"],
    [
      "no assessment",
      () => engine.validate({ schema_version: 1, kind: "assessment" }),
      "文件内容有误：字段 assessment：缺少内容；未导入任何内容",
    ],
    [
      "a decimal too large",
      () => engine.score(withSpending("79228162514264337593543950336")),
      // Out of range has a message of its own (issue 17), naming the path and the figure.
      /^文件内容有误：字段 assessment\.finance\.spending\.actual：数值 79228162514264337593543950336 超出可计算范围（绝对值不超过 1 万亿）；未导入任何内容$/,
    ],
    [
      "a figure that is not a number",
      () => engine.score(withSpending(true)),
      /^文件内容有误：字段 assessment\.finance\.spending\.actual：.*实际为true；未导入任何内容$/,
    ],
    [
      "a bad field path",
      () => engine.seek(engine.sample(), "finance.nothing", "total>=95"),
      "没有字段路径为 finance.nothing 的数值",
    ],
    [
      "a row that does not exist",
      () => engine.seek(engine.sample(), "indicators[99].measure.actual", "total>=95"),
      "字段 indicators[99].measure.actual 所在的行不存在",
    ],
    [
      "a bad goal",
      () => engine.seek(engine.sample(), "finance.spending.actual", "总分>95"),
      "无法理解的目标“总分>95”：应为 总分≥N、等级=优、名称≥N（如 预算执行率≥10、执行率10分），或 total>=N、grade=优、item:名称>=N、section:名称>=N",
    ],
    [
      "a goal beyond any number",
      () => engine.seek(engine.sample(), "finance.spending.actual", "total>=1e999"),
      /^无法理解的目标/,
    ],
    [
      "an unknown report format",
      () => engine.report(engine.sample(), "pdf"),
      "report 不支持格式 pdf：可选 markdown、text、html",
    ],
    ["a bad file with a good format", () => engine.report(null, "markdown"), NOT_OURS],
    ["no format", () => engine.report(engine.sample()), "报告格式应为字符串：可选 markdown、text、html"],
    ["no field", () => engine.seek(engine.sample()), "字段路径应为字符串，如 finance.spending.actual"],
    ["a goal that is a number", () => engine.seek(engine.sample(), "finance.spending.actual", 95), "目标应为字符串，如 total>=95"],
  ];
  for (const [what, call, message] of cases) {
    const got = thrown(call);
    if (message instanceof RegExp) assert.match(got, message, what);
    else assert.equal(got, message, what);
    assert.equal(engine.score(engine.sample()).total, "99.32", `still working after ${what}`);
  }
});

test("a CLI file with a figure as a bare number is read as the CLI reads it", () => {
  const file = withSpending(733.88);
  assert.deepEqual(engine.score(file), JSON.parse(cli(["score", "--json", "FILE"], file)));
});

test("many calls in a row keep working and give the same card", () => {
  const first = engine.score(engine.sample());
  for (let i = 0; i < 200; i++) {
    assert.throws(() => engine.score({ schema_version: 1, kind: "assessment", assessment: { title: 1 } }), Error);
  }
  assert.deepEqual(engine.score(engine.sample()), first);
});
