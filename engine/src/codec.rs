//! The file format's mapping between the model and JSON, written out by hand rather than
//! derived: serde's generated code and serde_json were 84 KB of the browser's 445 KB gzip
//! bundle (BENCHMARKS.md). Fields are written in declaration order and read back strictly: an
//! unknown field, a missing required one or a value of the wrong type is an error that
//! names its path (`indicators[2].measure.actual`) and the value found, in Chinese.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::json::Value;
use crate::map::Map;
use crate::model::{
    Achievement, AmountUnit, Amounts, Aspect, Assessment, Breakdown, Check, Criterion, Finance,
    Indicator, IndicatorKind, Measure, Override, Part, ReportEdit, Tally,
};
use crate::num::RoundingMode;
use crate::scheme::{
    AspectSpec, AtMostVariant, Band, Basis, CriterionTemplate, DeductionBasis, ExecutionBase,
    Grade, GradeBand, IndicatorCategory, Rounding, Rule, Scheme, Section, SectionBody,
};

/// A value that does not hold what its field should: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    /// The path's steps, innermost first (they are added as the error travels out).
    steps: Vec<Step>,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Field(String),
    Index(usize),
}

impl Bad {
    fn new(detail: String) -> Self {
        Bad {
            steps: Vec::new(),
            detail,
        }
    }

    fn at(mut self, step: Step) -> Self {
        self.steps.push(step);
        self
    }

    /// The path below the document's body, as findings write paths: `a.b[2].c`.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for step in self.steps.iter().rev() {
            match step {
                Step::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
}

/// A type the file format writes and reads.
pub trait Json: Sized {
    fn write(&self) -> Value;
    fn read(v: &Value) -> Result<Self, Bad>;
    /// Whether a field holding this is left out of the file (an empty map of edits is).
    fn omitted(&self) -> bool {
        false
    }
}

/// Why a value is not of the expected type, quoting what was found.
fn wrong(expected: &str, found: &Value) -> Bad {
    let found = match found {
        Value::Null => "空值（null）".to_string(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("数字 {n}"),
        Value::String(s) => format!("“{}”", clip(s)),
        Value::Array(a) => format!("{} 项的列表", a.len()),
        Value::Object(_) => "对象".to_string(),
    };
    Bad::new(format!("应为{expected}，实际为{found}"))
}

/// A long text cut for a message.
fn clip(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

/// The fields of one JSON object as a type reads them: each once, none left unknown.
struct Fields<'a> {
    object: &'a Value,
    known: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    fn of(v: &'a Value) -> Result<Self, Bad> {
        match v {
            Value::Object(_) => Ok(Fields {
                object: v,
                known: Vec::new(),
            }),
            other => Err(wrong("对象", other)),
        }
    }

    fn take(&mut self, key: &'static str) -> Option<&'a Value> {
        self.known.push(key);
        self.object.get(key)
    }

    /// A field that may be left out: its type's default then.
    #[inline(never)]
    fn optional<T: Json + Default>(&mut self, key: &'static str) -> Result<T, Bad> {
        match self.take(key) {
            Some(v) => T::read(v).map_err(|e| e.at(Step::Field(key.into()))),
            None => Ok(T::default()),
        }
    }

    /// A field that must be there.
    #[inline(never)]
    fn required<T: Json>(&mut self, key: &'static str) -> Result<T, Bad> {
        match self.take(key) {
            Some(v) => T::read(v).map_err(|e| e.at(Step::Field(key.into()))),
            None => Err(Bad::new(format!("缺少必填字段 {key}"))),
        }
    }

    /// Refuses a field this type does not have: a typo must not lose a figure silently.
    fn end(self) -> Result<(), Bad> {
        let Value::Object(fields) = self.object else {
            return Ok(());
        };
        match fields
            .iter()
            .map(|(k, _)| k)
            .find(|k| !self.known.contains(&k.as_str()))
        {
            Some(k) => {
                Err(Bad::new(format!("无法识别的字段“{}”", clip(k))).at(Step::Field(k.clone())))
            }
            None => Ok(()),
        }
    }
}

/// Writes an object with its fields in this order.
fn object(fields: Vec<(&str, Value)>) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

impl Json for String {
    fn write(&self) -> Value {
        Value::String(self.clone())
    }
    fn read(v: &Value) -> Result<Self, Bad> {
        match v {
            Value::String(s) => Ok(s.clone()),
            other => Err(wrong("文本", other)),
        }
    }
}

impl Json for bool {
    fn write(&self) -> Value {
        Value::Bool(*self)
    }
    fn read(v: &Value) -> Result<Self, Bad> {
        match v {
            Value::Bool(b) => Ok(*b),
            other => Err(wrong("true 或 false", other)),
        }
    }
}

impl Json for i32 {
    fn write(&self) -> Value {
        Value::Number(self.to_string())
    }
    fn read(v: &Value) -> Result<Self, Bad> {
        match v {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
        .ok_or_else(|| wrong("整数", v))
    }
}

/// Decimals are written as strings, so no digit is lost; a plain JSON number is read too.
impl Json for Decimal {
    fn write(&self) -> Value {
        Value::String(self.to_string())
    }
    fn read(v: &Value) -> Result<Self, Bad> {
        let text = match v {
            Value::String(s) => s,
            Value::Number(n) => n,
            other => return Err(wrong("数字（如 \"739.04\"）", other)),
        };
        Decimal::from_str(text)
            .or_else(|_| Decimal::from_scientific(text))
            .map_err(|_| wrong("数字（如 \"739.04\"）", v))
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::write)
    }
    fn read(v: &Value) -> Result<Self, Bad> {
        match v {
            Value::Null => Ok(None),
            v => T::read(v).map(Some),
        }
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self) -> Value {
        Value::Array(self.iter().map(T::write).collect())
    }
    fn read(v: &Value) -> Result<Self, Bad> {
        let Value::Array(items) = v else {
            return Err(wrong("列表", v));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            out.push(T::read(x).map_err(|e| e.at(Step::Index(i)))?);
        }
        Ok(out)
    }
}

/// The economic table's ten rows: exactly ten.
impl Json for [Option<Decimal>; 10] {
    fn write(&self) -> Value {
        Value::Array(self.iter().map(Json::write).collect())
    }
    fn read(v: &Value) -> Result<Self, Bad> {
        let rows = Vec::<Option<Decimal>>::read(v)?;
        let n = rows.len();
        rows.try_into()
            .map_err(|_| Bad::new(format!("应有 10 项（经济分类的十行），实际为 {n} 项")))
    }
}

impl<T: Json> Json for Map<T> {
    fn omitted(&self) -> bool {
        self.is_empty()
    }
    fn write(&self) -> Value {
        Value::Object(self.iter().map(|(k, v)| (k.clone(), v.write())).collect())
    }
    fn read(v: &Value) -> Result<Self, Bad> {
        let Value::Object(map) = v else {
            return Err(wrong("对象", v));
        };
        let mut out = Map::new();
        for (k, x) in map {
            out.insert(
                k.clone(),
                T::read(x).map_err(|e| e.at(Step::Field(k.clone())))?,
            );
        }
        Ok(out)
    }
}

/// A unit enum written as one of its names.
macro_rules! named {
    ($ty:ty { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl Json for $ty {
            fn write(&self) -> Value {
                Value::from(match self { $(<$ty>::$variant => $name),+ })
            }
            fn read(v: &Value) -> Result<Self, Bad> {
                match v.as_str() {
                    $(Some($name) => Ok(<$ty>::$variant),)+
                    _ => Err(wrong(concat!("以下之一：", $($name, " "),+), v)),
                }
            }
        }
    };
}

named!(AmountUnit { WanYuan => "万元", Yuan => "元" });
named!(Achievement { Achieved => "达成", Partial => "部分达成", NotAchieved => "未达成" });
named!(Grade { Excellent => "优", Good => "良", Fair => "中", Poor => "差" });
named!(RoundingMode { HalfUp => "half_up", Truncate => "truncate", HalfEven => "half_even" });
named!(ExecutionBase { Adjusted => "adjusted", Initial => "initial" });
named!(AtMostVariant { Ratio => "ratio", Linear => "linear" });
named!(Basis { Completion => "completion", Actual => "actual" });
named!(DeductionBasis {
    Shortfall => "shortfall",
    Excess => "excess",
    CompletionShortfall => "completion_shortfall",
    FailedChecks => "failed_checks",
});
named!(IndicatorKind {
    Quantity => "quantity",
    Quality => "quality",
    Timeliness => "timeliness",
    Cost => "cost",
    Economic => "economic",
    Social => "social",
    Ecological => "ecological",
    Sustainability => "sustainability",
    Satisfaction => "satisfaction",
});
named!(Aspect {
    Budgeting => "budgeting",
    Execution => "execution",
    Disclosure => "disclosure",
    PerformanceManagement => "performance_management",
    Procurement => "procurement",
    Assets => "assets",
    RunningCosts => "running_costs",
});

/// A struct written as an object, field by field in declaration order; `required`
/// fields must be there, `optional` ones take their type's default when left out. Reading
/// is kept out of line (with `Fields::optional` and `required`): inlined into one another
/// the readers weighed more in the browser bundle (BENCHMARKS.md).
macro_rules! record {
    ($ty:ident { $($field:ident $(as $key:literal)?: $how:ident),+ $(,)? }) => {
        impl Json for $ty {
            fn write(&self) -> Value {
                let mut fields = Vec::new();
                $(if !self.$field.omitted() {
                    fields.push((key!($field $($key)?), self.$field.write()));
                })+
                object(fields)
            }
            #[inline(never)]
            fn read(v: &Value) -> Result<Self, Bad> {
                let mut f = Fields::of(v)?;
                let x = $ty { $($field: f.$how(key!($field $($key)?))?),+ };
                f.end().map(|()| x)
            }
        }
    };
}

/// A field's name in the file: its own, or the one given with `as`.
macro_rules! key {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident $key:literal) => {
        $key
    };
}

record!(Assessment {
    title: optional,
    department: optional,
    year: optional,
    unit: optional,
    duties: optional,
    key_tasks: optional,
    objectives: optional,
    workload: optional,
    finance: optional,
    indicators: optional,
    criteria: optional,
    execution_override: optional,
    problems: optional,
    measures: optional,
    scheme: optional,
    report_edits: optional,
});
record!(ReportEdit {
    text: optional,
    generated: optional
});
record!(Tally {
    name: optional,
    unit: optional,
    value: optional,
    last_year: optional,
    done: optional,
    rate_name: optional,
    breakdowns: optional,
});
record!(Breakdown {
    title: optional,
    complete: optional,
    parts: optional
});
record!(Part {
    name: optional,
    value: optional
});
record!(Amounts {
    initial: optional,
    adjusted: optional,
    actual: optional,
    last_actual: optional,
});
record!(Finance {
    appropriation: optional,
    other_funds: optional,
    spending: optional,
    basic: optional,
    project: optional,
    economic: optional,
    execution_note: optional,
});
record!(Indicator {
    kind: required,
    name: required,
    unit: optional,
    points: required,
    measure: required,
    deviation_note: optional,
    example: optional,
});
record!(Criterion {
    aspect: required,
    name: required,
    points: required,
    measure: required,
    example: optional,
});
record!(Measure {
    rule: required,
    target: optional,
    actual: optional,
    grade: optional,
    entered_score: optional,
    checks: optional,
    reason: optional,
    override_score as "override": optional,
});
record!(Check {
    text: optional,
    met: optional
});
record!(Override {
    score: required,
    reason: optional
});
record!(Scheme {
    id: optional,
    name: optional,
    notes: optional,
    rounding: optional,
    grades: optional,
    over_achievement: optional,
    low_execution: optional,
    sections: optional,
});
record!(Rounding {
    mode: optional,
    rate_first: optional
});
record!(GradeBand {
    grade: required,
    min: required
});
record!(Section {
    id: required,
    name: required,
    points: required,
    body: required
});
record!(IndicatorCategory {
    name: required,
    points: optional,
    kinds: required
});
record!(AspectSpec {
    aspect: required,
    points: required,
    editable_default: optional,
    criteria: optional,
});
record!(CriterionTemplate {
    name: required,
    points: required,
    rule: required,
    target: optional,
    checks: optional,
});
record!(Band {
    min: required,
    points: required
});

/// The `type` of a tagged object (a section body, a rule), read before its other fields.
fn tag(f: &mut Fields) -> Result<String, Bad> {
    f.required::<String>("type")
}

/// A `type` this tagged object does not know.
fn unknown_type(t: &str, names: &str) -> Bad {
    Bad::new(format!(
        "无法识别的类型“{}”，应为以下之一：{names}",
        clip(t)
    ))
    .at(Step::Field("type".into()))
}

impl Json for SectionBody {
    fn write(&self) -> Value {
        match self {
            SectionBody::Execution { base, rule } => object(vec![
                ("type", Value::from("execution")),
                ("base", base.write()),
                ("rule", rule.write()),
            ]),
            SectionBody::Indicators { categories } => object(vec![
                ("type", Value::from("indicators")),
                ("categories", categories.write()),
            ]),
            SectionBody::Management { aspects } => object(vec![
                ("type", Value::from("management")),
                ("aspects", aspects.write()),
            ]),
        }
    }
    fn read(v: &Value) -> Result<Self, Bad> {
        let mut f = Fields::of(v)?;
        let body = match tag(&mut f)?.as_str() {
            "execution" => SectionBody::Execution {
                base: f.required("base")?,
                rule: f.required("rule")?,
            },
            "indicators" => SectionBody::Indicators {
                categories: f.required("categories")?,
            },
            "management" => SectionBody::Management {
                aspects: f.required("aspects")?,
            },
            t => return Err(unknown_type(t, "execution indicators management")),
        };
        f.end().map(|()| body)
    }
}

impl Json for Rule {
    fn write(&self) -> Value {
        let name = |t: &str| ("type", Value::from(t));
        match self {
            Rule::AtLeast => object(vec![name("at_least")]),
            Rule::AtMost { variant } => object(vec![name("at_most"), ("variant", variant.write())]),
            Rule::Exactly => object(vec![name("exactly")]),
            Rule::Qualitative => object(vec![name("qualitative")]),
            Rule::Bands { basis, bands } => object(vec![
                name("bands"),
                ("basis", basis.write()),
                ("bands", bands.write()),
            ]),
            Rule::Deduction { basis, per, step } => object(vec![
                name("deduction"),
                ("basis", basis.write()),
                ("per", per.write()),
                ("step", step.write()),
            ]),
            Rule::Checklist => object(vec![name("checklist")]),
            Rule::Manual => object(vec![name("manual")]),
        }
    }
    fn read(v: &Value) -> Result<Self, Bad> {
        let mut f = Fields::of(v)?;
        let rule = match tag(&mut f)?.as_str() {
            "at_least" => Rule::AtLeast,
            "at_most" => Rule::AtMost {
                variant: f.required("variant")?,
            },
            "exactly" => Rule::Exactly,
            "qualitative" => Rule::Qualitative,
            "bands" => Rule::Bands {
                basis: f.required("basis")?,
                bands: f.required("bands")?,
            },
            "deduction" => Rule::Deduction {
                basis: f.required("basis")?,
                per: f.required("per")?,
                step: f.required("step")?,
            },
            "checklist" => Rule::Checklist,
            "manual" => Rule::Manual,
            t => {
                return Err(unknown_type(
                    t,
                    "at_least at_most exactly qualitative bands deduction checklist manual",
                ))
            }
        };
        f.end().map(|()| rule)
    }
}

/// The CLI's JSON output (score cards, figures, what-if) embeds these model types, written
/// as the file writes them.
macro_rules! serialize_as_written {
    ($($ty:ty),+) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(&self.write(), s)
            }
        }
    )+};
}

serialize_as_written!(Amounts, IndicatorKind, Grade);
