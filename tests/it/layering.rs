//! The layering the code relies on, checked on every test run: the core knows nothing of
//! terminals or command lines, the two front ends never reach into each other, the core's
//! modules depend on each other without cycles, and core errors are typed, not prose.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    out
}

/// The text before a file's unit tests, without line comments.
fn code(text: &str) -> String {
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or_default();
    before_tests
        .lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every package the core builds with on this machine (normal dependencies, followed to the
/// end), by name, as cargo resolves the workspace.
fn core_dependencies() -> BTreeSet<String> {
    let rustc = std::process::Command::new("rustc")
        .arg("-vV")
        .output()
        .unwrap();
    let host = String::from_utf8(rustc.stdout).unwrap();
    let host = host.lines().find_map(|l| l.strip_prefix("host: ")).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .args(["--filter-platform", host])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let name_of = |id: &str| {
        meta["packages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .map(|p| p["name"].as_str().unwrap().to_string())
            .unwrap()
    };
    let nodes = meta["resolve"]["nodes"].as_array().unwrap();
    let core = nodes
        .iter()
        .find(|n| name_of(n["id"].as_str().unwrap()) == "probity-core")
        .unwrap();
    let mut seen = BTreeSet::new();
    let mut stack = vec![core];
    while let Some(node) = stack.pop() {
        for dep in node["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null());
            let id = dep["pkg"].as_str().unwrap();
            if normal && seen.insert(name_of(id)) {
                stack.extend(nodes.iter().find(|n| n["id"] == id));
            }
        }
    }
    seen
}

#[test]
fn the_core_depends_on_no_terminal_or_command_line_crate() {
    let deps = core_dependencies();
    assert!(deps.contains("toml"), "the graph was read: {deps:?}");
    let denied = [
        "ratatui",
        "crossterm",
        "clap",
        "indicatif",
        "backtrace",
        "terminal_size",
    ];
    for name in &deps {
        assert!(
            !denied.contains(&name.as_str()) && !name.starts_with("supports-"),
            "probity-core builds with {name}, a terminal or command-line crate"
        );
    }
}

#[test]
fn the_front_ends_never_name_each_other() {
    for (front, other) in [("src/cli", "tui"), ("src/tui", "cli")] {
        for (path, text) in sources(front) {
            let code = code(&text);
            for pattern in [format!("crate::{other}"), format!("{other}::")] {
                assert!(
                    !code.contains(&pattern),
                    "{} names the other front end ({pattern})",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn core_modules_depend_on_each_other_without_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/src");
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in sources("core/src") {
        let rel = path.strip_prefix(&root).unwrap();
        let module = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" {
            continue;
        }
        let code = code(&text);
        for reference in code.split("crate::").skip(1) {
            let target: String = reference
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !target.is_empty() && target != module {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    // Depth-first search for a path that returns to where it started.
    fn reaches(
        edges: &BTreeMap<String, BTreeSet<String>>,
        from: &str,
        to: &str,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        edges
            .get(from)
            .into_iter()
            .flatten()
            .any(|next| next == to || (seen.insert(next.clone()) && reaches(edges, next, to, seen)))
    }
    for module in edges.keys() {
        assert!(
            !reaches(&edges, module, module, &mut BTreeSet::new()),
            "core module {module} depends on itself through {:?}",
            edges[module]
        );
    }
}

#[test]
fn no_public_core_function_returns_prose_as_its_error() {
    for (path, text) in sources("core/src") {
        let code = code(&text);
        for signature in code.split("pub fn ").skip(1) {
            let head = signature.split('{').next().unwrap_or_default();
            let returns = head.split("->").nth(1).unwrap_or_default().replace(' ', "");
            assert!(
                !(returns.starts_with("Result<") && returns.contains(",String>")),
                "{}: pub fn {}",
                path.display(),
                head.lines().next().unwrap_or_default()
            );
        }
    }
}
