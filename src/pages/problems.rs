//! 三、存在的主要问题 and 四、下一步改进措施, inserted into the report as written.

use crate::build::N;
use crate::fields::paragraphs;
use crate::text;
use crate::view::with;

pub fn page() -> N {
    with(|app| {
        let a = &app.assessment;
        N::new("section")
            .a("id", "problems-measures")
            .a("class", "page")
            .c(N::new("h2").t(text::NAV_PROBLEMS))
            .cs(paragraphs("problems", text::PROBLEMS, &a.problems, |a| {
                &mut a.problems
            }))
            .cs(paragraphs("measures", text::MEASURES, &a.measures, |a| {
                &mut a.measures
            }))
    })
}
