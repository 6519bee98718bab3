//! Rows a scheme does not score, after the scheme was changed: found, and taken out.

use ziping_engine::model::{Assessment, Unscored};
use ziping_engine::{sample, schemes};

#[test]
fn a_scheme_without_management_leaves_every_criterion_unscored() {
    let mut a = Assessment::new(schemes::guangzhou_departmental());
    let criteria = a.criteria.len();
    assert!(criteria > 0);
    a.scheme = schemes::execution_10_indicators_90();
    let found = a.unscored();
    assert_eq!(found.criteria, (0..criteria).collect::<Vec<_>>());
    assert!(found.indicators.is_empty());
    assert!(!found.is_empty(), "criteria alone are something unscored");
}

#[test]
fn the_sample_under_its_own_scheme_has_nothing_unscored() {
    assert!(sample::sample().unscored().is_empty());
}

#[test]
fn removing_takes_out_exactly_the_unscored_rows_and_keeps_the_rest_in_order() {
    let mut a = sample::sample();
    // The project scheme has no management and no category for some department kinds.
    a.scheme = schemes::national_project();
    let before = a.clone();
    let found = a.unscored();
    assert_eq!(found.criteria.len(), before.criteria.len());
    let gone = a.remove_unscored();
    assert_eq!(gone, found);
    assert!(a.criteria.is_empty());
    let kept: Vec<_> = before
        .indicators
        .iter()
        .enumerate()
        .filter(|(i, _)| !found.indicators.contains(i))
        .map(|(_, x)| x.clone())
        .collect();
    assert_eq!(a.indicators, kept);
    assert!(a.unscored().is_empty());
    assert_eq!(a.remove_unscored(), Unscored::default());
}

#[test]
fn an_indicator_whose_kind_the_scheme_lost_is_unscored_and_removed_alone() {
    use ziping_engine::model::IndicatorKind;
    use ziping_engine::scheme::SectionBody;
    let mut a = sample::sample();
    let satisfied: Vec<usize> = (0..a.indicators.len())
        .filter(|&i| a.indicators[i].kind == IndicatorKind::Satisfaction)
        .collect();
    assert!(!satisfied.is_empty(), "the sample has a 满意度 indicator");
    for s in &mut a.scheme.sections {
        if let SectionBody::Indicators { categories } = &mut s.body {
            for c in categories {
                c.kinds.retain(|k| *k != IndicatorKind::Satisfaction);
            }
        }
    }
    assert_eq!(a.unscored().indicators, satisfied);
    assert!(a.unscored().criteria.is_empty());
    assert!(
        !a.unscored().is_empty(),
        "indicators alone are something unscored"
    );
    let n = a.indicators.len();
    a.remove_unscored();
    assert_eq!(a.indicators.len(), n - satisfied.len());
    assert!(a
        .indicators
        .iter()
        .all(|x| x.kind != IndicatorKind::Satisfaction));
}
