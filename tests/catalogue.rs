//! A catalogue of bad pages and what locdoc must do with each.
//!
//! | page | `regen` | `check` |
//! |---|---|---|
//! | invalid UTF-8 | error naming file, line, column; exit 2 | same |
//! | UTF-16 with BOM | error "file is UTF-16"; exit 2 | same |
//! | a NUL byte | error "file looks binary"; exit 2 | same |
//! | CRLF and lone CR endings | written with its line endings | positions count both as line ends |
//! | no front matter | copied; translated | warning `front-matter` |
//! | unterminated front matter | copied; translated | error `markup` (unterminated-front-matter) |
//! | front matter not a mapping | copied; translated | error `front-matter` |
//! | a YAML alias bomb | copied, YAML not read | error `front-matter`, in bounded time |
//! | a 100 MB page | written | checked; findings past 10,000 counted |
//! | a page of one 50 MB line | written | checked |
//! | a million segments | written | checked |
//! | spans nested 10,000 deep | written, kept as it is | error `markup` per broken span |
//! | segment ids that collide | written | error `duplicate-segment-id` |
//! | a folder link loop | reported, not followed; exit 2 | same |
//! | an unreadable file (a dangling link here) | reported; exit 2 | same |
//! | a path that is not Unicode | written | checked |
//!
//! In every case the other pages of the run are still processed, and memory stays within a
//! few times the largest file: each thread holds one page at about four times its size at
//! most (measured where Python is there to read the child's peak).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_locdoc"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run locdoc")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn findings(out: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
        .as_array()
        .unwrap()
        .clone()
}

const SEGMENT: &str = "<span data-ttu-id=\"a1-101\">Bonjour</span><span class=\"sxs-lookup\"><span data-stu-id=\"a1-101\">Hello</span></span>";
const FRONT: &str = "---\nms.contentlocale: fr-FR\n---\n";

/// A folder `in/fr-FR` with one good page and `bad`, the page under test.
fn case(name: &str, bad: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = common::tempdir();
    let input = dir.path().join("in/fr-FR");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("good.md"), format!("{FRONT}# {SEGMENT}\n")).unwrap();
    let path = input.join(name);
    std::fs::write(&path, bad).unwrap();
    (dir, path)
}

/// Both commands on a case: regen's output folder and check's JSON.
fn both(dir: &Path) -> (Output, Output) {
    let regen = run(&["regen", "in", "--out", "out"], dir);
    let check = run(&["check", "in", "--format", "json"], dir);
    // The good page is always handled.
    assert_eq!(
        std::fs::read(dir.join("out/fr-FR/good.md")).unwrap(),
        format!("{FRONT}# Bonjour\n").as_bytes()
    );
    (regen, check)
}

fn refused(name: &str, bytes: &[u8], message: &str) {
    let (dir, _) = case(name, bytes);
    let (regen, check) = both(dir.path());
    for out in [&regen, &check] {
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(out));
        assert!(
            stderr(out).contains(&format!("in/fr-FR/{name}: {message}")),
            "{name}: {}",
            stderr(out)
        );
    }
    assert!(!dir.path().join("out/fr-FR").join(name).exists());
}

#[test]
fn bytes_that_are_not_page_text_are_refused_by_name() {
    refused(
        "latin1.md",
        b"caf\xe9 <b>\n",
        "invalid UTF-8 at line 1, column 4 (byte offset 3); re-save the file as UTF-8",
    );
    refused(
        "utf16.md",
        &[0xFF, 0xFE, b'#', 0, b' ', 0],
        "file is UTF-16 (little-endian byte order mark); convert it to UTF-8",
    );
    refused(
        "nul.md",
        b"---\ntitle: t\n---\nab\0cd",
        "file looks binary (NUL byte at line 4, column 3); pages must be UTF-8 text",
    );
}

#[test]
fn line_endings_are_kept_and_counted() {
    let page = format!("---\r\nms.contentlocale: fr-FR\r\n---\r\nA\rB\r\n{SEGMENT}\r\n<span data-ttu-id=\"x-1\">kapot");
    let (dir, _) = case("endings.md", page.as_bytes());
    let (regen, check) = both(dir.path());
    assert_eq!(regen.status.code(), Some(0), "{}", stderr(&regen));
    let out = std::fs::read_to_string(dir.path().join("out/fr-FR/endings.md")).unwrap();
    assert_eq!(out, "---\r\nms.contentlocale: fr-FR\r\n---\r\nA\rB\r\nBonjour\r\n<span data-ttu-id=\"x-1\">kapot");
    // The lone CR ends line 4, so the broken span is on line 7.
    let markup = findings(&check)
        .into_iter()
        .find(|f| f["rule"] == "markup")
        .expect("markup finding");
    assert_eq!(
        (markup["line"].as_u64(), markup["column"].as_u64()),
        (Some(7), Some(1))
    );
}

#[test]
fn front_matter_faults_are_findings_and_the_page_is_still_written() {
    let cases: &[(&str, String, &str, &str)] = &[
        (
            "none.md",
            format!("{SEGMENT}\n"),
            "front-matter",
            "page has segments but no front matter",
        ),
        (
            "open.md",
            format!("---\ntitle: t\n{SEGMENT}\n"),
            "markup",
            "front matter opened with `---` is never closed",
        ),
        (
            "list.md",
            format!("---\n- a\n- b\n---\n{SEGMENT}\n"),
            "front-matter",
            "front matter is YAML but not a mapping",
        ),
    ];
    for (name, text, rule, message) in cases {
        let (dir, _) = case(name, text.as_bytes());
        let (regen, check) = both(dir.path());
        assert_eq!(regen.status.code(), Some(0), "{name}: {}", stderr(&regen));
        assert!(
            std::fs::read_to_string(dir.path().join("out/fr-FR").join(name))
                .unwrap()
                .contains("Bonjour")
        );
        let found = findings(&check);
        assert!(
            found
                .iter()
                .any(|f| f["rule"] == *rule && f["message"].as_str().unwrap().starts_with(message)),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn an_alias_bomb_is_refused_quickly() {
    let mut yaml = String::from("---\nms.contentlocale: fr-FR\na: &a [x,x,x,x,x,x,x,x,x]\n");
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    for (name, prev) in names.iter().zip(["a", "b", "c", "d", "e", "f", "g", "h"]) {
        let refs = vec![format!("*{prev}"); 9].join(",");
        yaml.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    yaml.push_str(&format!("title: *i\n---\n{SEGMENT}\n"));
    let (dir, _) = case("bomb.md", yaml.as_bytes());
    let started = std::time::Instant::now();
    let (regen, check) = both(dir.path());
    assert!(started.elapsed().as_secs() < 60);
    assert_eq!(regen.status.code(), Some(0));
    assert!(findings(&check)
        .iter()
        .any(|f| f["rule"] == "front-matter" && f["file"] == "in/fr-FR/bomb.md"));
}

#[test]
fn nested_spans_and_colliding_ids() {
    let nested = "<span data-ttu-id=\"n-1\">".repeat(10_000) + "tekst";
    let (dir, _) = case("nested.md", format!("{FRONT}{nested}\n").as_bytes());
    let (regen, check) = both(dir.path());
    assert_eq!(regen.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/fr-FR/nested.md")).unwrap(),
        format!("{FRONT}{nested}\n")
    );
    let found = findings(&check);
    assert_eq!(
        found.iter().filter(|f| f["rule"] == "markup").count(),
        10_000
    );
    let twice = format!("{FRONT}{SEGMENT} {SEGMENT}\n");
    let (dir, _) = case("twice.md", twice.as_bytes());
    let (_, check) = both(dir.path());
    let dup: Vec<_> = findings(&check)
        .into_iter()
        .filter(|f| f["rule"] == "duplicate-segment-id")
        .collect();
    assert_eq!(dup.len(), 1);
    assert_eq!(
        dup[0]["message"],
        "segment id `a1-101` is already used at line 4"
    );
}

#[cfg(unix)]
#[test]
fn links_that_loop_or_lead_nowhere_are_reported() {
    let (dir, input) = case("ok.md", SEGMENT.as_bytes());
    let folder = input.parent().unwrap();
    std::os::unix::fs::symlink("..", folder.join("loop")).unwrap();
    std::os::unix::fs::symlink("nowhere.md", folder.join("gone.md")).unwrap();
    let (regen, check) = both(dir.path());
    for out in [&regen, &check] {
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(out).contains("link loop"), "{}", stderr(out));
        assert!(stderr(out).contains("gone.md"), "{}", stderr(out));
    }
    assert!(dir.path().join("out/fr-FR/ok.md").exists());
}

/// Peak memory of a run in KiB, read by Python from the child's resource usage.
fn peak_kib(args: &[&str], dir: &Path) -> Option<u64> {
    let script = "import resource,subprocess,sys\nsubprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\nprint(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_locdoc"))
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    String::from_utf8(out.stdout).ok()?.trim().parse().ok()
}

#[test]
fn huge_pages_are_handled_in_bounded_memory() {
    let dir = common::tempdir();
    let input = dir.path().join("in/nl-NL");
    std::fs::create_dir_all(&input).unwrap();
    let seed = common::seed("nl-NL");
    let body_at = seed.find("\n---\n").unwrap() + 5;
    let (front, body) = seed.split_at(body_at);
    let mut big = String::from(front);
    while big.len() < 100 << 20 {
        big.push_str(body);
    }
    let line: String = (0..).map(|i| format!("<span data-ttu-id=\"l-{i}\">Selecteer {i}</span><span class=\"sxs-lookup\"><span data-stu-id=\"l-{i}\">Select **{i}**</span></span> ")).take_while({
        let mut size = 0;
        move |s: &String| {
            size += s.len();
            size < 50 << 20
        }
    }).collect();
    let million: String = (0..1_000_000).map(|i| format!("<span data-ttu-id=\"m-{i}\">x</span><span class=\"sxs-lookup\"><span data-stu-id=\"m-{i}\">x</span></span>\n")).collect();
    let pages = [
        ("big.md", big),
        ("line.md", format!("{front}{line}\n")),
        ("million.md", format!("{front}{million}")),
    ];
    for (name, text) in &pages {
        std::fs::write(input.join(name), text).unwrap();
    }
    let largest_kib = pages.iter().map(|(_, t)| t.len() as u64).max().unwrap() / 1024;
    let regen = run(&["regen", "in", "--out", "out"], dir.path());
    assert_eq!(regen.status.code(), Some(0), "{}", stderr(&regen));
    for (name, text) in &pages {
        let out = std::fs::read_to_string(dir.path().join("out/nl-NL").join(name)).unwrap();
        assert!(
            out.len() < text.len() && !out.contains("data-ttu-id"),
            "{name}"
        );
    }
    let check = run(&["check", "in", "--format", "json"], dir.path());
    // The copies of the seed repeat its segment ids: error-level findings, status 1.
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    assert!(
        stderr(&check).contains("more findings than the 10000 listed"),
        "{}",
        stderr(&check)
    );
    // The big page and the line list 10,000 findings each; the million identical
    // one-letter segments have none.
    assert_eq!(findings(&check).len(), 20_000);
    // Two threads each hold a page; each page costs at most about four times its size.
    for args in [
        &["regen", "in", "--out", "out2"][..],
        &["check", "in", "--format", "json"][..],
    ] {
        if let Some(peak) = peak_kib(args, dir.path()) {
            assert!(
                peak < 8 * largest_kib,
                "{args:?}: peak {peak} KiB for a largest page of {largest_kib} KiB"
            );
        }
    }
}

#[test]
fn a_run_killed_half_way_leaves_outputs_complete_or_absent() {
    let dir = common::tempdir();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let seed = common::seed("fr-FR");
    let page = seed.repeat(20); // about 550 KB a page
    for i in 0..400 {
        std::fs::write(input.join(format!("p{i:03}.md")), &page).unwrap();
    }
    let complete = run(&["regen", "in", "--out", "full"], dir.path());
    assert!(complete.status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_locdoc"))
        .args(["regen", "in", "--out", "out"])
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    // Kill it once it has started writing, well before it is done.
    let out = dir.path().join("out");
    let started = std::time::Instant::now();
    while std::fs::read_dir(&out).map_or(0, |d| d.count()) < 5 && started.elapsed().as_secs() < 30 {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let mut written = 0;
    for entry in std::fs::read_dir(&out).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if name.starts_with(".locdoc-") && name.ends_with(".tmp") {
            continue; // a temporary file the kill left behind, never at an output path
        }
        let want = std::fs::read(dir.path().join("full").join(&name)).unwrap();
        assert_eq!(
            std::fs::read(entry.path()).unwrap(),
            want,
            "{name} is partial"
        );
        written += 1;
    }
    assert!(
        written < 400,
        "the run finished before it was killed; make the input larger"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_page_is_reported_by_name() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = case("locked.md", SEGMENT.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not stop reads, so there is nothing to test here
        // (the dangling link of `links_that_loop_or_lead_nowhere_are_reported` stands in).
        return;
    }
    let (regen, check) = both(dir.path());
    for out in [&regen, &check] {
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(out).contains("cannot read in/fr-FR/locked.md: Permission denied"),
            "{}",
            stderr(out)
        );
    }
}
