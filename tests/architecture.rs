//! The layout's own rules, checked on the sources (ARCHITECTURE.md states them):
//! - the core never names the web shell or the CLI;
//! - no import cycles between the modules of `src/core` or of `src/web`, down to the
//!   files inside each directory (`core::buyer::session` → `core::buyer::compare` is an
//!   edge);
//! - a module and its own submodules do not depend on each other both ways: a folder's
//!   `mod.rs` may use its files, or its files what `mod.rs` itself defines, not both
//!   (what `mod.rs` only re-exports belongs to the file that defines it, and a
//!   re-export is not a use).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/core/buyer/session.rs` → `["core", "buyer", "session"]`; `mod.rs` names its folder.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without its comments and its test module, which may name anything.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a::b::c…` path in the code, as its segments.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    paths_after(code, "crate::")
}

/// Every path in the code of module `module` that names another module, as the segments
/// after `crate::`: `crate::…` paths as they are, and `super::…` ones resolved against
/// the module (`super::super::` climbs twice), so `use super::sibling::x` is an edge too.
fn module_paths(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut out = crate_paths(code);
    for path in paths_after(code, "super::") {
        let ups = 1 + path.iter().take_while(|seg| *seg == "super").count();
        let Some(base) = module.len().checked_sub(ups) else {
            continue;
        };
        let mut resolved = module[..base].to_vec();
        resolved.extend(path.into_iter().skip(ups - 1));
        out.push(resolved);
    }
    out
}

/// Every path that follows `prefix` (`crate::`, `super::`) in the code, as its segments;
/// a prefix that ends a longer name (`my_super::`) or follows `::` is not one.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let tail = &code[at + prefix.len()..];
        // Names joined by `::` and nothing else: `a::b; c::d` is the path `a::b`.
        let mut path = Vec::new();
        let mut at = tail;
        loop {
            let name: String = at
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.is_empty() {
                break;
            }
            at = &at[name.len()..];
            path.push(name);
            match at.strip_prefix("::") {
                Some(next) => at = next,
                None => break,
            }
        }
        out.push(path);
    }
    out
}

fn graph(depth: usize) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src.join("core"), &mut files);
    sources(&src.join("web"), &mut files);
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in files {
        let from = module_of(&src, &file);
        let text = std::fs::read_to_string(&file).unwrap();
        for path in module_paths(&from, &code(&text)) {
            if path.first() != from.first() {
                continue;
            }
            let (a, b): (Vec<String>, Vec<String>) = (
                from.iter().take(depth).cloned().collect(),
                path.iter().take(depth).cloned().collect(),
            );
            let nested = a.starts_with(&b) || b.starts_with(&a);
            if a.len() > 1 && b.len() > 1 && !nested {
                edges.entry(a).or_default().insert(b);
            }
        }
    }
    edges
}

fn a_cycle(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<String>> {
    fn visit(
        node: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        on_path: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<String>> {
        if let Some(at) = on_path.iter().position(|n| n == node) {
            let mut cycle: Vec<String> = on_path[at..].iter().map(|n| n.join("::")).collect();
            cycle.push(node.join("::"));
            return Some(cycle);
        }
        if !done.insert(node.clone()) {
            return None;
        }
        on_path.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, on_path, done) {
                return Some(c);
            }
        }
        on_path.pop();
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_core_never_names_the_shell_or_the_cli() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src.join("core"), &mut files);
    for file in files {
        let text = code(&std::fs::read_to_string(&file).unwrap());
        for path in crate_paths(&text) {
            assert!(
                !matches!(path.first().map(String::as_str), Some("web" | "cli")),
                "{} names crate::{}",
                file.display(),
                path.join("::")
            );
        }
    }
}

#[test]
fn no_import_cycles_between_modules() {
    for depth in [2, 3] {
        let edges = graph(depth);
        assert!(edges.len() > 10, "the scan found the modules");
        if let Some(cycle) = a_cycle(&edges) {
            panic!("import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn super_paths_resolve_against_the_module() {
    let m = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    let module = m("core::export::cyclonedx");
    let code = "use super::interop::{a, b};\nuse super::super::scoring;\nlet x = my_super::y;\n\
                use crate::core::answers::Evidence;";
    assert_eq!(
        module_paths(&module, code),
        [
            m("core::answers::Evidence"),
            m("core::export::interop"),
            m("core::scoring"),
        ]
    );
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let m = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    let mut edges = BTreeMap::new();
    edges.insert(m("core::a"), BTreeSet::from([m("core::b")]));
    edges.insert(m("core::b"), BTreeSet::from([m("core::c")]));
    edges.insert(m("core::c"), BTreeSet::from([m("core::a")]));
    assert_eq!(
        a_cycle(&edges),
        Some(vec![
            "core::a".into(),
            "core::b".into(),
            "core::c".into(),
            "core::a".into()
        ])
    );
    edges.remove(&m("core::c"));
    assert_eq!(a_cycle(&edges), None);
}

/// The names a file's code defines at its top level (functions, types, constants…).
fn defined_names(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in code.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek() == Some(&"pub") || words.peek().is_some_and(|w| w.starts_with("pub(")) {
            words.next();
        }
        let kind = words.next().unwrap_or_default();
        if matches!(
            kind,
            "fn" | "struct" | "enum" | "type" | "const" | "static" | "trait"
        ) {
            if let Some(name) = words.next() {
                let name: String = name
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                names.insert(name);
            }
        }
    }
    names
}

/// For each folder module (`mod.rs`) and each of its own submodules: whether the parent
/// uses the child, and which items the child uses that the parent itself defines.
fn parent_child_uses() -> Vec<(String, String, bool, Vec<String>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src.join("core"), &mut files);
    sources(&src.join("web"), &mut files);
    let mut out = Vec::new();
    for parent in files.iter().filter(|f| f.ends_with("mod.rs")) {
        let parent_mod = module_of(&src, parent);
        let parent_code = code(&std::fs::read_to_string(parent).unwrap());
        let own = defined_names(&parent_code);
        let dir = parent.parent().unwrap();
        for child in files.iter().filter(|f| {
            *f != parent
                && (f.parent() == Some(dir)
                    || f.parent().and_then(Path::parent) == Some(dir) && f.ends_with("mod.rs"))
        }) {
            let child_mod = module_of(&src, child);
            let name = child_mod.last().unwrap().clone();
            let child_code = code(&std::fs::read_to_string(child).unwrap());
            // `mod name;` declares the child and `pub use name::…` re-exports it (the
            // parent's own code needs neither); any other mention of `name::` uses it.
            let parent_uses = parent_code
                .lines()
                .map(str::trim_start)
                .filter(|l| {
                    let l = l
                        .trim_start_matches("pub(crate) ")
                        .trim_start_matches("pub ");
                    !l.starts_with("mod ")
                })
                .filter(|l| !l.starts_with("pub use ") && !l.starts_with("pub(crate) use "))
                .any(|l| l.contains(&format!("{name}::")));
            let absolute = format!("crate::{}::", parent_mod.join("::"));
            let mut used: Vec<String> = own
                .iter()
                .filter(|item| {
                    let by_super = child_code.contains(&format!("super::{item}"))
                        || child_code.contains("use super::{")
                            && child_code.split("use super::{").skip(1).any(|rest| {
                                rest.split('}')
                                    .next()
                                    .unwrap_or_default()
                                    .split(',')
                                    .any(|n| n.trim() == item.as_str())
                            });
                    by_super || child_code.contains(&format!("{absolute}{item}"))
                })
                .cloned()
                .collect();
            used.sort();
            out.push((
                parent_mod.join("::"),
                child_mod.join("::"),
                parent_uses,
                used,
            ));
        }
    }
    out
}

#[test]
fn no_module_and_its_own_submodule_use_each_other() {
    let pairs = parent_child_uses();
    assert!(
        pairs
            .iter()
            .any(|(p, c, uses, _)| p == "core::vendor" && c == "core::vendor::navigation" && *uses),
        "the scan sees a parent using its child"
    );
    let both_ways: Vec<String> = pairs
        .into_iter()
        .filter(|(_, _, parent_uses, child_uses)| *parent_uses && !child_uses.is_empty())
        .map(|(parent, child, _, child_uses)| {
            format!(
                "{parent} uses {child}, which uses {parent}'s own {}",
                child_uses.join(", ")
            )
        })
        .collect();
    assert!(both_ways.is_empty(), "{}", both_ways.join("\n"));
}

#[test]
fn the_defined_names_are_the_items_not_their_uses() {
    let names = defined_names(
        "pub fn load() {}\npub(crate) struct A;\nenum B { X }\nconst MAX: u8 = 1;\npub use model::*;\nlet x = f();",
    );
    assert_eq!(
        names,
        BTreeSet::from(["A".into(), "B".into(), "MAX".into(), "load".into()])
    );
}
