//! Checks that every WebAssembly module given (files, or folders searched for `.wasm`)
//! validates with only the features Chromium 78 has, and prints the ones each one uses.
//!
//! `cargo run -p ziping-wasm-features -- dist` exits 1 if a module needs more, naming the
//! feature that would let it validate (e.g. reference-types from a newer toolchain).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wasmparser::{Validator, WasmFeatures};

/// What Chromium 78 validates: the MVP with mutable globals (74), sign extension (74),
/// saturating float-to-int (75) and bulk memory (75). Reference types (96), multi-value
/// (85), SIMD (91) and everything later are missing.
const CHROMIUM_78: WasmFeatures = WasmFeatures::WASM1
    .union(WasmFeatures::SIGN_EXTENSION)
    .union(WasmFeatures::SATURATING_FLOAT_TO_INT)
    .union(WasmFeatures::BULK_MEMORY);

/// The post-MVP features inside the floor, each checked for use on its own.
const OPTIONAL: WasmFeatures = CHROMIUM_78.difference(WasmFeatures::MVP);

fn main() -> ExitCode {
    let mut modules = Vec::new();
    for arg in std::env::args_os().skip(1) {
        collect(Path::new(&arg), &mut modules);
    }
    modules.sort();
    if modules.is_empty() {
        eprintln!("no .wasm module found in the paths given");
        return ExitCode::FAILURE;
    }
    let mut failed = false;
    for path in &modules {
        match std::fs::read(path) {
            Ok(bytes) => match check(&bytes) {
                Ok(used) => println!("ok   {}: {}", path.display(), names(used)),
                Err(why) => {
                    failed = true;
                    println!("FAIL {}: {why}", path.display());
                }
            },
            Err(e) => {
                failed = true;
                println!("FAIL {}: cannot read: {e}", path.display());
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Adds `path` if it is a module, or every module under it if it is a folder.
fn collect(path: &Path, into: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            collect(&entry.path(), into);
        }
    } else if path.extension().is_some_and(|e| e == "wasm") {
        into.push(path.to_path_buf());
    }
}

/// The optional features the module uses, or why it does not fit Chromium 78.
fn check(bytes: &[u8]) -> Result<WasmFeatures, String> {
    if let Err(e) = validate(bytes, CHROMIUM_78) {
        let needs: Vec<_> = WasmFeatures::all()
            .difference(CHROMIUM_78)
            .iter()
            .filter(|f| validate(bytes, CHROMIUM_78.union(*f)).is_ok())
            .collect();
        return Err(match needs.as_slice() {
            [] => format!("not valid with Chromium 78's features: {e}"),
            _ => format!(
                "needs {} (Chromium 78 lacks it): {e}",
                needs
                    .iter()
                    .map(|f| names(*f))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        });
    }
    Ok(OPTIONAL
        .iter()
        .filter(|f| validate(bytes, CHROMIUM_78.difference(*f)).is_err())
        .collect())
}

fn validate(bytes: &[u8], features: WasmFeatures) -> Result<(), String> {
    Validator::new_with_features(features)
        .validate_all(bytes)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Feature names as in the proposals: `sign-extension`, `reference-types`.
fn names(features: WasmFeatures) -> String {
    let list: Vec<_> = features
        .iter_names()
        .map(|(name, _)| name.to_lowercase().replace('_', "-"))
        .collect();
    if list.is_empty() {
        "mvp only".to_string()
    } else {
        format!("mvp + {}", list.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with one function of the given body (locals none), type `(i32) -> i32`
    /// or, for `multi`, `() -> (i32, i32)`.
    fn module(body: &[u8], multi: bool) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        let ty: &[u8] = if multi {
            &[0x60, 0, 2, 0x7f, 0x7f]
        } else {
            &[0x60, 1, 0x7f, 1, 0x7f]
        };
        m.extend([1, ty.len() as u8 + 1, 1]);
        m.extend(ty);
        m.extend([3, 2, 1, 0]);
        let code_len = body.len() as u8 + 2;
        m.extend([10, code_len + 2, 1, code_len, 0]);
        m.extend(body);
        m.push(0x0b);
        m
    }

    #[test]
    fn an_mvp_module_uses_nothing_optional() {
        // local.get 0
        assert_eq!(check(&module(&[0x20, 0], false)), Ok(WasmFeatures::empty()));
    }

    #[test]
    fn sign_extension_is_within_the_floor_and_named() {
        // local.get 0; i32.extend8_s
        let used = check(&module(&[0x20, 0, 0xc0], false)).unwrap();
        assert_eq!(used, WasmFeatures::SIGN_EXTENSION);
        assert_eq!(names(used), "mvp + sign-extension");
    }

    #[test]
    fn multi_value_is_refused_and_named() {
        // i32.const 1; i32.const 2
        let why = check(&module(&[0x41, 1, 0x41, 2], true)).unwrap_err();
        assert!(why.starts_with("needs mvp + multi-value"), "{why}");
    }

    #[test]
    fn reference_types_are_refused_and_named() {
        // ref.null extern; drop; local.get 0
        let why = check(&module(&[0xd0, 0x6f, 0x1a, 0x20, 0], false)).unwrap_err();
        assert!(why.contains("reference-types"), "{why}");
    }

    #[test]
    fn bytes_that_are_no_module_fail() {
        assert!(check(b"not wasm").is_err());
    }
}
