//! Any bytes as an imported file: decoded or refused with a message, never a panic; what
//! decodes writes back to a file that decodes to the same thing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ziping_engine::file::{self, Document};

fuzz_target!(|data: &[u8]| {
    match file::decode_bytes(data) {
        Ok(Document::Assessment(a)) => {
            let again = file::decode(&file::encode_assessment(&a));
            assert_eq!(
                again,
                Ok(Document::Assessment(a)),
                "an assessment round-trips"
            );
        }
        Ok(Document::Scheme(s)) => {
            let again = file::decode(&file::encode_scheme(&s));
            assert_eq!(again, Ok(Document::Scheme(s)), "a scheme round-trips");
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
