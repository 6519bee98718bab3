//! 三、存在的主要问题 and 四、下一步改进措施, inserted into the report as written.

use leptos::prelude::*;

use crate::fields::paragraphs;
use crate::text;

#[component]
pub fn Problems() -> impl IntoView {
    view! {
        <section id="problems-measures" class="page">
            <h2>{text::NAV_PROBLEMS}</h2>
            {paragraphs("problems", text::PROBLEMS, |a| &a.problems, |a| &mut a.problems)}
            {paragraphs("measures", text::MEASURES, |a| &a.measures, |a| &mut a.measures)}
        </section>
    }
}
