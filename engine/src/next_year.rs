//! 新一年度: next year's draft from this year's assessment. What describes the department
//! and how it is scored carries over; what was measured in the year is cleared, and this
//! year's results become next year's 上年 figures.

use crate::model::{Amounts, Assessment, Criterion, Finance, Indicator, Measure, Tally};
use crate::text;

/// Next year's assessment: duties, key tasks, objectives, workload names, indicators and
/// criteria with their targets and checks, and the scheme, kept; actual values, checks met,
/// entered scores, notes, overrides, problems, measures and reworded paragraphs cleared;
/// this year's 决算 and workload counts as next year's 上年 figures.
pub fn next_year(a: &Assessment) -> Assessment {
    // A year not yet set stays unset: the engine has no clock to guess it from.
    let year = if a.year == 0 {
        0
    } else {
        a.year.checked_add(1).unwrap_or(a.year)
    };
    Assessment {
        kind: a.kind,
        title: text::next_year_title(&a.title, a.year, year),
        project_name: a.project_name.clone(),
        implementer: a.implementer.clone(),
        department: a.department.clone(),
        year,
        unit: a.unit,
        duties: a.duties.clone(),
        key_tasks: a.key_tasks.clone(),
        objectives: a.objectives.clone(),
        workload: a.workload.iter().map(tally).collect(),
        finance: finance(&a.finance),
        indicators: a.indicators.iter().map(indicator).collect(),
        criteria: a.criteria.iter().map(criterion).collect(),
        execution_override: None,
        problems: Vec::new(),
        measures: Vec::new(),
        scheme: a.scheme.clone(),
        report_edits: Default::default(),
    }
}

/// A budget line with this year's 决算 as 上年决算 and nothing else.
fn amounts(a: &Amounts) -> Amounts {
    Amounts {
        last_actual: a.actual,
        ..Amounts::default()
    }
}

fn finance(f: &Finance) -> Finance {
    Finance {
        appropriation: amounts(&f.appropriation),
        other_funds: amounts(&f.other_funds),
        spending: amounts(&f.spending),
        carryover: amounts(&f.carryover),
        ..Finance::default()
    }
}

/// A workload figure named as before, with this year's count as 上年数.
fn tally(t: &Tally) -> Tally {
    let mut next = t.clone();
    next.last_year = t.value;
    next.value = None;
    next.done = None;
    for part in next.breakdowns.iter_mut().flat_map(|b| b.parts.iter_mut()) {
        part.value = None;
    }
    next
}

/// The rule, target and checks' wording, with nothing measured, met or entered.
fn measure(m: &Measure) -> Measure {
    let mut next = Measure::new(m.rule.clone());
    next.target = m.target;
    next.checks = m.checks.clone();
    for check in &mut next.checks {
        check.met = false;
    }
    next
}

fn indicator(i: &Indicator) -> Indicator {
    Indicator {
        measure: measure(&i.measure),
        deviation_note: String::new(),
        ..i.clone()
    }
}

fn criterion(c: &Criterion) -> Criterion {
    Criterion {
        measure: measure(&c.measure),
        ..c.clone()
    }
}
