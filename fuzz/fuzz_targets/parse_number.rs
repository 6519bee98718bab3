//! Any text typed into a number field: a figure or a reason, never a panic; a figure
//! reads back from its own display.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ziping_engine::num::{fmt_plain, parse_input};

fuzz_target!(|data: &[u8]| {
    let Ok(typed) = std::str::from_utf8(data) else {
        return;
    };
    match parse_input(typed) {
        Ok(v) => assert_eq!(parse_input(&fmt_plain(v)), Ok(v), "{typed:?}"),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
