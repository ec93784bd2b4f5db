//! The committed spec schemas (`core/spec/`) against Dintero's spec: the one test that reads
//! the spec, and only the file the `DINTERO_SPEC` variable names (`scripts/regenerate-schemas`
//! sets it). Without it, the check is skipped with a note, and
//! `schema_files_are_self_contained` still checks the committed files on their own.
//!
//! `scripts/regenerate-schemas` rewrites the files from the spec (then review
//! `git diff core/spec`); `scripts/regenerate-schemas --check` only compares.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "conformance/schemas.rs"]
mod schemas;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// A committed file of the testsuite package, e.g. [`schemas::PROFILE`].
fn package_file(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(file)
}

/// A committed schema document.
fn committed(file: &str) -> Value {
    let path = package_file(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The committed schemas are what [`schemas::extract`] makes of Dintero's spec (see the module
/// docs); with `REGENERATE_SCHEMAS=1` it writes them instead.
#[test]
fn committed_schemas_match_the_spec() {
    let regenerate = std::env::var_os("REGENERATE_SCHEMAS").is_some_and(|v| v == "1");
    let Some(spec_path) = std::env::var_os("DINTERO_SPEC").map(PathBuf::from) else {
        assert!(
            !regenerate,
            "cannot regenerate: set DINTERO_SPEC to Dintero's spec"
        );
        println!(
            "note: skipped, DINTERO_SPEC names no spec; the committed schemas are used as they are"
        );
        return;
    };
    let spec_text = match std::fs::read_to_string(&spec_path) {
        Ok(text) => text,
        Err(e) if regenerate => {
            panic!("cannot regenerate: no spec at {}: {e}", spec_path.display())
        }
        Err(e) => {
            println!(
                "note: skipped, no spec at {} ({e}); the committed schemas are used as they are",
                spec_path.display()
            );
            return;
        }
    };
    let spec: Value = serde_json::from_str(&spec_text).unwrap();
    let mut stale = Vec::new();
    for (file, text) in schemas::extract(&spec) {
        let path = package_file(file);
        if regenerate {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            println!("wrote testsuite/{file} ({} bytes)", text.len());
            continue;
        }
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_default()
            .replace("\r\n", "\n");
        if committed != text {
            let line = committed
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| committed.lines().count().min(text.lines().count()));
            stale.push(format!(
                "testsuite/{file} (first difference at line {})",
                line + 1
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "the committed schemas differ from what {} gives: {}; run scripts/regenerate-schemas \
         and review the diff",
        spec_path.display(),
        stale.join(", ")
    );
}

/// Without the spec: each committed schema resolves every `$ref`, keeps only definitions it
/// reaches and carries no annotations.
#[test]
fn schema_files_are_self_contained() {
    for file in schemas::ALL {
        let document = committed(file);
        assert_eq!(
            document["$schema"],
            json!("http://json-schema.org/draft-04/schema#"),
            "{file}"
        );
        if let Err(problem) = schemas::check_self_contained(&document) {
            panic!("{file}: {problem}");
        }
    }
}

/// Without the spec: the delta's operations do what `schemas::apply_delta` says, and an edit
/// that does not find what it expects stops the recipe instead of patching blindly.
#[test]
fn delta_edits_apply_or_stop() {
    let base = json!({
        "definitions": {
            "A": { "properties": { "x": { "type": "string" } }, "required": ["x", "y"] },
            "B": { "enum": ["p"] }
        }
    });
    let apply = |edit: Value| {
        let mut document = base.clone();
        let applied = schemas::apply_delta(&mut document, &edit);
        (applied, document)
    };
    let (applied, document) = apply(json!({
        "why": "§0", "at": "/definitions/A/properties", "add": { "z/w": { "type": "number" } }
    }));
    assert!(applied);
    assert_eq!(
        document.pointer("/definitions/A/properties/z~1w/type"),
        Some(&json!("number"))
    );
    let (_, document) =
        apply(json!({ "why": "§0", "at": "/definitions/A/required", "remove": ["y"] }));
    assert_eq!(document["definitions"]["A"]["required"], json!(["x"]));
    let (_, document) = apply(json!({ "why": "§0", "at": "/definitions/B/enum", "append": ["q"] }));
    assert_eq!(document["definitions"]["B"]["enum"], json!(["p", "q"]));
    let (_, document) =
        apply(json!({ "why": "§0", "at": "/definitions/B", "set": { "type": "string" } }));
    assert_eq!(document["definitions"]["B"], json!({ "type": "string" }));
    // Outside /definitions, an edit applies only where its pointer resolves.
    let (applied, document) = apply(json!({ "why": "§0", "at": "/allOf", "set": [] }));
    assert!(!applied);
    assert_eq!(document, base);

    for (edit, message) in [
        (
            json!({ "why": "§0", "at": "/definitions/C", "set": {} }),
            "nothing there",
        ),
        (
            json!({ "why": "§0", "at": "/definitions/A/properties", "add": { "x": {} } }),
            "there already",
        ),
        (
            json!({ "why": "§0", "at": "/definitions/A/properties", "remove": ["w"] }),
            "no \"w\"",
        ),
        (
            json!({ "why": "§0", "at": "/definitions/B/enum", "append": ["p"] }),
            "there already",
        ),
        (
            json!({ "why": "§0", "at": "/definitions/B/enum", "remove": ["q"] }),
            "no \"q\"",
        ),
        (
            json!({ "why": "none", "at": "/definitions/B", "set": {} }),
            "citing a section",
        ),
        (
            json!({ "why": "§0", "at": "/definitions/B", "set": {}, "add": {} }),
            "exactly one",
        ),
        (
            json!({ "why": "§0", "at": "/definitions/B", "patch": {} }),
            "unknown operation",
        ),
    ] {
        let mut document = base.clone();
        let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            schemas::apply_delta(&mut document, &edit)
        }))
        .expect_err(&format!("{edit} should stop the recipe"));
        let text = panic.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(text.contains(message), "{edit}: {text:?} lacks {message:?}");
    }
}
