//! `check` in CI and in a team: report formats (SARIF, GitHub, JUnit), `-o`, `locdoc.toml`,
//! baselines, `--changed-since`, `--files-from`, `--shard` and `--lang`, end to end.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn locdoc_in(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_locdoc"))
        .args(args)
        .current_dir(dir)
        .env_remove("CI")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run locdoc");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn locdoc(dir: &Path, args: &[&str]) -> Output {
    locdoc_in(dir, args, "")
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json_findings(out: &Output) -> Vec<Value> {
    match serde_json::from_slice::<Value>(&out.stdout) {
        Ok(Value::Array(findings)) => findings,
        other => panic!("not a JSON array: {other:?}\n{}", stderr(out)),
    }
}

/// A segment of page `id` with source and translation.
fn segment(id: &str, source: &str, translation: &str) -> String {
    format!(
        "<span data-ttu-id=\"{id}\">{translation}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>"
    )
}

/// A page of `locale` with one paragraph per segment.
fn page(locale: &str, segments: &[String]) -> String {
    let mut text = format!("---\ntitle: T\nms.contentlocale: {locale}\n---\n");
    for s in segments {
        text.push_str(&format!("\n{s}\n"));
    }
    text
}

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Two locales of page a (fr-FR loses a code span: an error) and of page b (clean).
fn docs() -> tempfile::TempDir {
    let dir = common::tempdir();
    let fr_a = page(
        "fr-FR",
        &[segment(
            "x1-101",
            "Run `setup.exe` now.",
            "Exécutez maintenant.",
        )],
    );
    let nl_a = page(
        "nl-NL",
        &[segment(
            "x1-101",
            "Run `setup.exe` now.",
            "Voer nu `setup.exe` uit.",
        )],
    );
    write(dir.path(), "content/fr-FR/a.md", &fr_a);
    write(dir.path(), "content/nl-NL/a.md", &nl_a);
    for (locale, text) in [
        ("fr-FR", "Ouvrir le fichier **config**"),
        ("nl-NL", "Het bestand openen"),
    ] {
        let b = page(
            locale,
            &[segment("x2-101", "Open the **config** file", text)],
        );
        write(dir.path(), &format!("content/{locale}/b.md"), &b);
    }
    dir
}

#[test]
fn sarif_has_the_structure_code_scanning_requires() {
    let out = locdoc(repo(), &["check", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "locdoc");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), locdoc::rules::RULES.len());
    for rule in rules {
        assert!(rule["id"].is_string() && rule["shortDescription"]["text"].is_string());
        assert!(rule["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## What it does"));
        let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level), "{level}");
    }
    for rule in rules {
        let on = rule["id"] != "french-spacing";
        assert_eq!(
            rule["defaultConfiguration"]["enabled"], on,
            "{}",
            rule["id"]
        );
    }
    let listing = stdout(&locdoc(repo(), &["rules"]));
    let french = listing
        .lines()
        .find(|l| l.starts_with("french-spacing"))
        .unwrap();
    assert!(
        french.ends_with("(off unless locdoc.toml turns it on)"),
        "{french}"
    );
    let results = run["results"].as_array().unwrap();
    // Two whitespace, two emphasis findings in nl-NL, and the cross-locale linkid difference.
    assert_eq!(results.len(), 5);
    assert_eq!(
        results
            .iter()
            .filter(|r| r["ruleId"] == "skeleton-mismatch")
            .count(),
        1
    );
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(result["message"]["text"].is_string());
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("content/") && !uri.contains('\\'), "{uri}");
        let region = &location["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["endColumn"].as_u64() > region["startColumn"].as_u64());
        assert!(result["partialFingerprints"]["locdocFinding/v1"].is_string());
    }
    // The bold lost in nl-NL segment e4a55-113, where the seed has it.
    let bold = results
        .iter()
        .find(|r| r["ruleId"] == "emphasis" && r["properties"]["segment"] == "e4a55-113")
        .expect("the lost bold of e4a55-113");
    assert_eq!(bold["level"], "warning");
    let region = &bold["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(42), Some(469))
    );
}

#[test]
fn sarif_of_a_corpus_set_lists_what_json_lists() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let set = corpus.join("hololens");
    let set = set.to_str().unwrap();
    let json = json_findings(&locdoc(repo(), &["check", "--format", "json", set]));
    let sarif: Value =
        serde_json::from_slice(&locdoc(repo(), &["check", "--format", "sarif", set]).stdout)
            .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!json.is_empty());
    assert_eq!(results.len(), json.len());
    for (finding, result) in json.iter().zip(results) {
        assert_eq!(finding["rule"], result["ruleId"]);
        assert_eq!(finding["message"], result["message"]["text"]);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(finding["line"], region["startLine"]);
        assert_eq!(finding["column"], region["startColumn"]);
    }
}

#[test]
fn github_commands_put_findings_on_the_diff() {
    let out = locdoc(repo(), &["check", "--format", "github"]);
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn junit_has_one_test_case_per_page_and_fails_pages_with_errors() {
    let dir = docs();
    let out = locdoc(dir.path(), &["check", "--format", "junit"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let xml = stdout(&out);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut cases = Vec::new();
    let mut failed = Vec::new();
    let mut current = String::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                let attr = |name: &str| {
                    e.try_get_attribute(name).unwrap().map(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                };
                match e.name().into_inner() {
                    "testcase" => {
                        current = attr("name").unwrap();
                        cases.push((current.clone(), attr("classname").unwrap()));
                    }
                    "failure" => failed.push(current.clone()),
                    "testsuite" => {
                        assert_eq!(attr("tests").as_deref(), Some("4"));
                        assert_eq!(attr("failures").as_deref(), Some("1"));
                    }
                    _ => {}
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    cases.sort();
    assert_eq!(
        cases,
        [
            ("content/fr-FR/a.md".to_owned(), "fr-FR".to_owned()),
            ("content/fr-FR/b.md".to_owned(), "fr-FR".to_owned()),
            ("content/nl-NL/a.md".to_owned(), "nl-NL".to_owned()),
            ("content/nl-NL/b.md".to_owned(), "nl-NL".to_owned()),
        ]
    );
    assert_eq!(failed, ["content/fr-FR/a.md"]);
    assert!(
        xml.contains("content/fr-FR/a.md:6:111: error[code-span]"),
        "{xml}"
    );
}

#[test]
fn output_file_holds_the_report_and_stdout_stays_empty() {
    let dir = docs();
    let out = locdoc(dir.path(), &["check", "-f", "json", "-o", "report.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let report: Vec<Value> =
        serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).unwrap()).unwrap();
    let rules: Vec<&str> = report.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["code-span", "emphasis"]);
}

#[test]
fn configuration_turns_rules_off_and_changes_severities() {
    let dir = docs();
    write(
        dir.path(),
        "locdoc.toml",
        "ignore = [\"**/b.md\"]\n[rules]\ncode-span = \"warning\"\n",
    );
    // Found upward from a folder below the configuration.
    let out = locdoc(&dir.path().join("content"), &["check", "-f", "json", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let findings = json_findings(&out);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["rule"], "code-span");
    assert_eq!(findings[0]["severity"], "warning");

    write(
        dir.path(),
        "strict.toml",
        "[locale.fr-FR.rules]\ncode-span = \"off\"\n",
    );
    let out = locdoc(
        dir.path(),
        &["check", "-f", "json", "--config", "strict.toml"],
    );
    let rules: Vec<Value> = json_findings(&out)
        .iter()
        .map(|f| f["rule"].clone())
        .collect();
    assert_eq!(rules, ["emphasis"]);
}

#[test]
fn a_bad_configuration_names_the_key_and_the_file() {
    let dir = docs();
    write(
        dir.path(),
        "locdoc.toml",
        "[rules]\ncode-span = \"off\"\nlinks = \"on\"\n",
    );
    let out = locdoc(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("locdoc.toml: unknown rule `links` in [rules]"),
        "{err}"
    );
    write(dir.path(), "locdoc.toml", "[rules]\ncode-span = \"loud\"\n");
    let err = stderr(&locdoc(dir.path(), &["check"]));
    assert!(
        err.contains("locdoc.toml: line 2, column 13: unknown variant `loud`"),
        "{err}"
    );
}

#[test]
fn a_baseline_survives_an_unrelated_edit_and_lets_new_findings_through() {
    let dir = docs();
    let out = locdoc(
        dir.path(),
        &["check", "--write-baseline", "baseline.json", "-f", "json"],
    );
    assert_eq!(json_findings(&out).len(), 2);
    let out = locdoc(dir.path(), &["check", "--baseline", "baseline.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("2 findings of the baseline left out"),
        "{}",
        stdout(&out)
    );

    // An unrelated edit moves the finding down two lines: still matched.
    let path = dir.path().join("content/fr-FR/a.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replace("---\n\n", "---\n\nUne introduction.\n\n");
    assert_ne!(edited, text);
    std::fs::write(&path, &edited).unwrap();
    let out = locdoc(
        dir.path(),
        &["check", "--baseline", "baseline.json", "-f", "json"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_findings(&out), Vec::<Value>::new());

    // A new finding in the same page is reported, at its line.
    let added = format!(
        "{edited}\n{}\n",
        segment(
            "x1-102",
            "See [docs](https://example.com).",
            "Voir la documentation."
        )
    );
    std::fs::write(&path, added).unwrap();
    let out = locdoc(
        dir.path(),
        &["check", "--baseline", "baseline.json", "-f", "json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let findings = json_findings(&out);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["rule"], "link-destination");
    assert_eq!(findings[0]["segment"], "x1-102");
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
}

#[test]
fn changed_since_checks_changed_pages_and_their_twins() {
    let dir = docs();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "docs"]);
    // The JUnit report lists every page checked, with findings or without.
    let files = |out: &Output| {
        let xml = stdout(out);
        let mut files: Vec<String> = xml
            .split("<testcase name=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_owned)
            .collect();
        files.sort();
        files
    };
    // Nothing changed: nothing checked.
    let out = locdoc(
        dir.path(),
        &["check", "-f", "junit", "--changed-since", "HEAD"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(files(&out), Vec::<String>::new());
    // nl-NL/b.md changed: its fr-FR twin is checked too, page a is not.
    let b = dir.path().join("content/nl-NL/b.md");
    let text = std::fs::read_to_string(&b).unwrap();
    std::fs::write(
        &b,
        text.replace("Het bestand openen", "Het bestand  openen"),
    )
    .unwrap();
    let out = locdoc(
        dir.path(),
        &["check", "-f", "junit", "--changed-since", "HEAD"],
    );
    assert_eq!(files(&out), ["content/fr-FR/b.md", "content/nl-NL/b.md"]);
    // A revision git does not know is a clear error.
    let out = locdoc(dir.path(), &["check", "--changed-since", "no-such-rev"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("git could not list the changes since `no-such-rev`"));
}

#[test]
fn files_from_standard_input() {
    let dir = docs();
    let out = locdoc_in(
        dir.path(),
        &["check", "-f", "json", "--files-from", "-"],
        "content/nl-NL/b.md\n\ncontent/fr-FR/b.md\n",
    );
    let files: Vec<Value> = json_findings(&out)
        .iter()
        .map(|f| f["file"].clone())
        .collect();
    assert_eq!(files, ["content/nl-NL/b.md"]);
    // An empty list checks nothing.
    let out = locdoc_in(dir.path(), &["check", "--files-from", "-"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("in 0 pages"), "{}", stdout(&out));
}

#[test]
fn shards_partition_the_findings() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let set = corpus.join("hololens");
    let set = set.to_str().unwrap();
    let key = |f: &Value| format!("{}:{}:{}:{}", f["file"], f["line"], f["column"], f["rule"]);
    let mut all: Vec<String> = json_findings(&locdoc(repo(), &["check", "-f", "json", set]))
        .iter()
        .map(key)
        .collect();
    let mut union = Vec::new();
    for shard in ["1/3", "2/3", "3/3"] {
        let part = json_findings(&locdoc(
            repo(),
            &["check", "-f", "json", "--shard", shard, set],
        ));
        assert!(!part.is_empty() && part.len() < all.len(), "{shard}");
        union.extend(part.iter().map(key));
    }
    all.sort();
    union.sort();
    assert_eq!(union, all);
    let out = locdoc(repo(), &["check", "--shard", "4/3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad shard `4/3`"), "{}", stderr(&out));
}

#[test]
fn messages_come_in_the_chosen_language() {
    let dir = docs();
    let out = locdoc(dir.path(), &["--lang", "nl-NL", "check", "-f", "json"]);
    let findings = json_findings(&out);
    assert_eq!(
        findings[0]["message"],
        "ontbreekt in de vertaling: codefragment `setup.exe` uit de bron"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_locdoc"))
        .args(["check", "content/nl-NL/b.md"])
        .current_dir(dir.path())
        .env("LC_ALL", "fr_FR.UTF-8")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.contains("1 constat (0 erreur, 1 avertissement, 0 info) dans 1 page, 1 segment"),
        "{text}"
    );
    // No progress bar where standard error is not a terminal.
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn github_and_junit_reports_of_a_corpus_set_cover_every_finding_and_page() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let set = corpus.join("hololens");
    let pages = common::pages_below(&set).len();
    let set = set.to_str().unwrap();
    let json = json_findings(&locdoc(repo(), &["check", "-f", "json", set]));
    let github = stdout(&locdoc(repo(), &["check", "-f", "github", set]));
    let lines: Vec<&str> = github.lines().collect();
    assert_eq!(lines.len(), json.len());
    for (line, finding) in lines.iter().zip(&json) {
        let place = format!(",line={},col={},", finding["line"], finding["column"]);
        assert!(line.contains(&place), "{line} {finding}");
    }
    let junit = stdout(&locdoc(repo(), &["check", "-f", "junit", set]));
    assert_eq!(junit.matches("<testcase ").count(), pages);
    let errors = json.iter().filter(|f| f["severity"] == "error").count();
    assert_eq!(junit.contains("<failure "), errors > 0);
}

#[test]
fn configured_locale_folders_pair_pages_for_cross_locale_rules() {
    let dir = common::tempdir();
    let fr = page("fr-FR", &[segment("x1-101", "Open it.", "Ouvrez-le.")]);
    let nl = page("nl-NL", &[segment("x1-101", "Open it.", "Open het.")]);
    write(dir.path(), "docs/fr/a.md", &fr);
    write(dir.path(), "docs/nl/a.md", &nl);
    write(dir.path(), "docs/fr/b.md", &fr);
    let missing = |out: &Output| -> Vec<Value> {
        json_findings(out)
            .into_iter()
            .filter(|f| f["rule"] == "missing-locale-page")
            .map(|f| f["file"].clone())
            .collect()
    };
    // `fr` and `nl` are not shaped like locale tags: nothing pairs without configuration.
    let out = locdoc(dir.path(), &["check", "-f", "json", "docs"]);
    assert_eq!(missing(&out), Vec::<Value>::new());
    write(dir.path(), "locdoc.toml", "locales = [\"fr\", \"nl\"]\n");
    let out = locdoc(dir.path(), &["check", "-f", "json", "docs"]);
    assert_eq!(missing(&out), ["docs/fr/b.md"]);
}
