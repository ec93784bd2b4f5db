//! The core's layout rules (see ARCHITECTURE.md): the domain folders (`money`, `order`,
//! `session`) never name `json`, and no file under `core/src` has more than 400 lines of code
//! before its tests.

use std::fs;
use std::path::{Path, PathBuf};

/// Most lines of code (non-empty, non-comment, before `#[cfg(test)]`) a file may have.
const MAX_CODE_LINES: usize = 400;

fn core_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn relative(path: &Path) -> String {
    path.strip_prefix(core_src())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Non-empty lines that are not comments, up to the first `#[cfg(test)]`.
fn code_lines(text: &str) -> usize {
    text.lines()
        .map(str::trim)
        .take_while(|line| *line != "#[cfg(test)]")
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .count()
}

/// Every Rust file of the domain folders, which must not hold wire forms.
fn domain_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in ["money", "order", "session", "lifecycle", "express"] {
        rust_files(&core_src().join(folder), &mut files);
    }
    assert!(files.len() > 10, "found only {files:?}");
    files
}

/// The domain files whose text (before its tests) matches `bad`.
fn offending(bad: impl Fn(&str) -> bool) -> Vec<String> {
    domain_files()
        .iter()
        .filter(|path| {
            let text = fs::read_to_string(path).unwrap_or_default();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            bad(code)
        })
        .map(|path| relative(path))
        .collect()
}

#[test]
fn domain_modules_do_not_name_json() {
    let found = offending(|code| code.contains("crate::json") || code.contains("super::json"));
    assert!(
        found.is_empty(),
        "domain files name `json` (serde impls belong in core/src/json): {found:?}"
    );
}

/// A hand-written serde impl is a wire form: it belongs in `core/src/json`. A derive whose
/// attributes name only serde may stay on its type (ARCHITECTURE.md).
#[test]
fn domain_modules_write_no_serde_impl_by_hand() {
    let found = offending(|code| {
        code.contains("Serialize for ")
            || code.contains("Deserialize<'de> for ")
            || code.contains("impl serde::")
    });
    assert!(
        found.is_empty(),
        "domain files implement serde by hand (move it to core/src/json): {found:?}"
    );
}

#[test]
fn no_file_is_longer_than_400_lines_of_code() {
    let mut files = Vec::new();
    rust_files(&core_src(), &mut files);
    let too_long: Vec<String> = files
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).unwrap_or_default();
            (relative(path), code_lines(&text))
        })
        .filter(|(_, lines)| *lines > MAX_CODE_LINES)
        .map(|(name, lines)| format!("{name}: {lines} lines of code"))
        .collect();
    assert!(too_long.is_empty(), "split these files: {too_long:?}");
}

#[test]
fn the_count_skips_blank_lines_comments_and_tests() {
    let text =
        "//! docs\nfn a() {}\n\n    // note\n/// doc\nfn b() {}\n#[cfg(test)]\nmod tests {}\n";
    assert_eq!(code_lines(text), 2);
}
