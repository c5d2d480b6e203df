//! The layers of core, checked on the source: a top-level module may use only
//! modules of the layers below its own. This fails when a cycle appears
//! between two modules (each would have to sit below the other), when a new
//! top-level module has no layer, or when a lower module reaches up.
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Highest first. ARCHITECTURE.md draws the same table.
const LAYERS: &[(&str, &[&str])] = &[
    ("commands", &["api"]),
    ("sample data", &["demo"]),
    ("top", &["dashboard", "setup"]),
    ("top", &["reminders", "backup"]),
    ("domains", &["visit"]),
    ("domains", &["scorecard"]),
    ("domains", &["agreement", "onboarding"]),
    ("domains", &["training", "complaint", "ledger", "violation"]),
    ("domains", &["assessment", "attachment"]),
    ("domains", &["settings"]),
    ("domains", &["distributor", "logo"]),
    ("domains", &["users"]),
    (
        "blocks",
        &[
            "db",
            "sheet",
            "pdf",
            "mail",
            "audit",
            "numbering",
            "opening",
        ],
    ),
    ("blocks", &["scope"]),
    ("blocks", &["actor", "entity", "paging"]),
    ("base", &["fields"]),
    (
        "base",
        &[
            "money", "dates", "choice", "uscc", "words", "lang", "glyphs", "outputs", "stored",
        ],
    ),
    ("base", &["error"]),
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&module))
}

/// Source without comments, so a doc comment naming another module is no edge.
fn code_of(src: &str) -> String {
    src.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::name` a file refers to, including those inside
/// `use crate::{a, b::c}` groups.
fn references(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut end = 0;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    end = j;
                    break;
                }
            }
            let mut depth = 0;
            let mut item = String::new();
            let mut at_start = true;
            for c in group[..end].chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        if at_start && !item.is_empty() {
                            out.insert(std::mem::take(&mut item));
                        }
                        at_start = true;
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && at_start {
                    if c.is_alphanumeric() || c == '_' {
                        item.push(c);
                    } else if !item.is_empty() {
                        out.insert(std::mem::take(&mut item));
                        at_start = false;
                    }
                }
            }
            if at_start && !item.is_empty() {
                out.insert(item);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.insert(name);
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeMap::new();
    for e in fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "lib" {
            continue;
        }
        let mut files = vec![];
        if p.is_dir() {
            rust_files(&p, &mut files);
        } else {
            files.push(p.clone());
        }
        let mut uses = BTreeSet::new();
        for f in files {
            uses.extend(references(&code_of(&fs::read_to_string(f).unwrap())));
        }
        modules.insert(name, uses);
    }
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    for (name, uses) in modules.iter_mut() {
        uses.retain(|u| names.contains(u) && u != name);
    }
    modules
}

#[test]
fn reads_grouped_and_plain_paths() {
    let refs =
        references("use crate::{audit, settings::{self, X}};\nlet x = crate::money::Money::ZERO;");
    assert_eq!(
        refs.into_iter().collect::<Vec<_>>(),
        ["audit", "money", "settings"]
    );
    assert!(code_of("// crate::ledger\nfn f() {} /// crate::pdf")
        .find("crate::")
        .is_none());
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let graph = module_graph();
    assert!(graph.len() > 20, "read the modules of core/src");
    let mut faults = vec![];
    for (module, uses) in &graph {
        let Some(r) = rank(module) else {
            faults.push(format!(
                "`{module}` has no layer: add it to LAYERS (and ARCHITECTURE.md)"
            ));
            continue;
        };
        for u in uses {
            match rank(u) {
                Some(ru) if ru > r => {}
                _ => faults.push(format!(
                    "`{module}` ({}) uses `{u}`, which is not in a layer below it",
                    LAYERS[r].0
                )),
            }
        }
    }
    assert!(faults.is_empty(), "layer faults:\n{}", faults.join("\n"));
}

#[test]
fn no_two_modules_use_each_other() {
    let graph = module_graph();
    let mut cycles = vec![];
    for (a, uses) in &graph {
        for b in uses {
            if a < b && graph.get(b).is_some_and(|u| u.contains(a)) {
                cycles.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "modules that import each other: {cycles:?}"
    );
}

/// The files of `core/src` whose code (comments left out) contains a needle,
/// each with the needle found.
fn sources_containing(needles: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    rust_files(&src, &mut files);
    let mut found = vec![];
    for f in files {
        let code = code_of(&fs::read_to_string(&f).unwrap());
        for needle in needles {
            if code.contains(needle) {
                found.push(format!("{}: {needle}", f.display()));
            }
        }
    }
    found
}

/// Core never reads the clock: the shell and the CLI pass a `Clock` (today and
/// now), so `--today` reaches every rule and a test can fix the date.
#[test]
fn core_never_reads_the_clock() {
    let found = sources_containing(&["Utc::now", "Local::now", "SystemTime::now", "Local::today"]);
    assert!(
        found.is_empty(),
        "core reads the clock:\n{}",
        found.join("\n")
    );
}

/// The office's day is never the UTC date of an instant: dates come from the
/// actor's clock (`Actor::today`), or from `dates::local_day` at the office's
/// offset, the one place an instant becomes a date.
#[test]
fn no_date_is_taken_from_a_utc_instant() {
    let found: Vec<String> = sources_containing(&["date_naive()"])
        .into_iter()
        .filter(|f| !f.contains("src/dates.rs:"))
        .collect();
    assert!(
        found.is_empty(),
        "a date from an instant (use the actor's today, or dates::local_day):\n{}",
        found.join("\n")
    );
}

/// Every write transaction takes SQLite's write lock up front (`db::write`),
/// so a second writer waits instead of failing with "database is locked".
#[test]
fn writes_begin_through_db_write() {
    let found = sources_containing(&[".begin()"]);
    assert!(
        found.is_empty(),
        "a plain BEGIN (use db::write):\n{}",
        found.join("\n")
    );
}
