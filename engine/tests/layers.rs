//! The engine's modules form layers: each uses only the modules `lib.rs` lists before it,
//! so there is no import circle and a new form knows which floor it stands on. Reads the
//! sources as text: every `crate::name` a module's code names (its tests apart).

use std::collections::BTreeSet;
use std::path::Path;

/// The engine's modules in the order `lib.rs` declares them: the floor first.
fn layers(src: &Path) -> Vec<String> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect()
}

/// A module's code without its comments and without its tests (`#[cfg(test)]` to the end).
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every module a piece of code names through `crate::`: `crate::a::…`, and each first name
/// in a group, `use crate::{a, b::c, d::{e, f}}`.
fn named(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(first_name(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            out.insert(first_name(&item));
        } else {
            out.insert(first_name(rest));
        }
    }
    out.remove("");
    out
}

/// The leading identifier of a path: `report` of `report::{self, Date}`.
fn first_name(path: &str) -> String {
    path.trim()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn each_module_uses_only_the_modules_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let order = layers(&src);
    assert!(order.len() > 10, "lib.rs lists the modules: {order:?}");
    let mut upward = Vec::new();
    for (place, module) in order.iter().enumerate() {
        let text = std::fs::read_to_string(src.join(format!("{module}.rs")))
            .unwrap_or_else(|e| panic!("{module}.rs: {e}"));
        for used in named(&code(&text)) {
            match order.iter().position(|m| *m == used) {
                Some(p) if p < place => {}
                Some(p) if p == place => {}
                Some(_) => upward.push(format!("{module} uses {used}, a layer above it")),
                None => {}
            }
        }
    }
    assert!(upward.is_empty(), "{}", upward.join("\n"));
}

#[test]
fn the_reader_finds_every_form_of_naming_a_module() {
    let text = "use crate::num::{self, Plain};\nuse crate::{report::{self, Date}, sheet};\n\
                let x = crate::text::required(\"\"); // crate::summary in a comment\n\
                #[cfg(test)]\nmod tests { use crate::sample; }";
    let found = named(&code(text));
    let expected: BTreeSet<String> = ["num", "report", "sheet", "text"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, expected);
}
