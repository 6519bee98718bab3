//! Any text pasted as a block at any row of the sample, into either table: applied whole
//! or refused with the sample unchanged; what is applied validates and scores.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ziping_engine::{sample, score, tsv, validate};

fuzz_target!(|data: &[u8]| {
    let Some((&row, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let start = usize::from(row);
    let _ = tsv::is_block(text);
    let base = sample::sample();
    for table in [tsv::paste_economic, tsv::paste_indicators] {
        let mut a = base.clone();
        match table(&mut a, start, text) {
            Ok(_) => {
                validate::validate(&a);
                score::score(&a);
            }
            Err(message) => {
                assert!(!message.is_empty());
                assert_eq!(a, base, "a refused paste changes nothing");
            }
        }
    }
});
