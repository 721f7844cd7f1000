//! The report formats of `check` on the seed pages, as snapshots (review changes with
//! `cargo insta review`), and the exit statuses of the command.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use locdoc::report::{self, Format};

fn report(format: Format) -> String {
    let mut out = Vec::new();
    let localizer = locdoc::i18n::Localizer::english();
    let mut emitter = report::emitter(format, &mut out, false, localizer);
    let inputs = [PathBuf::from("content")];
    let config = locdoc::config::Config::default();
    let selection = locdoc::select::Selection::default();
    let options = locdoc::check::Options::new(&config, &selection);
    let summary = locdoc::check::run(&inputs, options, emitter.as_mut()).unwrap();
    emitter.finish(&summary).unwrap();
    drop(emitter);
    String::from_utf8(out).unwrap()
}

fn in_repo() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
}

#[test]
fn human_report_of_the_seeds() {
    in_repo();
    insta::assert_snapshot!(report(Format::Human));
}

#[test]
fn json_report_of_the_seeds() {
    in_repo();
    let json = report(Format::Json);
    let findings: serde_json::Value = serde_json::from_str(&json).unwrap();
    for finding in findings.as_array().unwrap() {
        for key in [
            "rule", "severity", "file", "line", "column", "segment", "locale", "message",
        ] {
            assert!(finding.get(key).is_some(), "{key} missing in {finding}");
        }
    }
    insta::assert_snapshot!(json);
}

fn locdoc(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_locdoc"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn exit_status_follows_the_worst_finding() {
    let dir = common::tempdir();
    let fr = dir.path().join("content/fr-FR");
    std::fs::create_dir_all(&fr).unwrap();
    let segment = |s: &str, t: &str| {
        format!("---\nms.contentlocale: fr-FR\n---\n<span data-ttu-id=\"a-1\">{t}</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">{s}</span></span>\n")
    };
    std::fs::write(
        fr.join("ok.md"),
        segment("Select **Save**.", "Sélectionnez **Enregistrer**."),
    )
    .unwrap();
    let run = locdoc(&["check"], dir.path());
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
    // A warning alone keeps 0.
    std::fs::write(
        fr.join("warn.md"),
        segment("Select **Save**.", "Sélectionnez Enregistrer."),
    )
    .unwrap();
    assert_eq!(locdoc(&["check"], dir.path()).status.code(), Some(0));
    // An error-level finding gives 1.
    std::fs::write(fr.join("err.md"), segment("Run `a`.", "Exécutez b.")).unwrap();
    let run = locdoc(&["check", "--format", "json"], dir.path());
    assert_eq!(run.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(findings[0]["rule"], "code-span");
    assert_eq!(findings[0]["file"], "content/fr-FR/err.md");
    // A missing input or an unreadable page gives 2.
    assert_eq!(
        locdoc(&["check", "nowhere"], dir.path()).status.code(),
        Some(2)
    );
    std::fs::write(fr.join("bin.md"), b"\0").unwrap();
    assert_eq!(locdoc(&["check"], dir.path()).status.code(), Some(2));
}

#[test]
fn rules_and_explain() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = String::from_utf8(locdoc(&["rules"], repo).stdout).unwrap();
    assert_eq!(rules.lines().count(), locdoc::rules::RULES.len());
    assert!(rules
        .lines()
        .any(|l| l.starts_with("emphasis") && l.contains("warning")));
    let explain = locdoc(&["explain", "number"], repo);
    assert!(explain.status.success());
    let text = String::from_utf8(explain.stdout).unwrap();
    assert!(text.starts_with("# number (warning)\n"));
    assert!(text.contains("## Example"));
    assert_eq!(
        locdoc(&["explain", "no-such-rule"], repo).status.code(),
        Some(2)
    );
    // The codes regen and extract print explain themselves and name the rule of `check`.
    let explain = locdoc(&["explain", "invalid-front-matter"], repo);
    assert!(explain.status.success());
    let text = String::from_utf8(explain.stdout).unwrap();
    assert!(text.starts_with("# invalid-front-matter (error)\n\nthe front matter is not a valid YAML mapping\n\nA diagnostic of the page reader; `check` reports it under rule `front-matter`:\n\n# front-matter (error)\n"), "{text}");
    let text = String::from_utf8(locdoc(&["explain", "multiline-segment"], repo).stdout).unwrap();
    assert!(
        text.ends_with(
            "\n\nA note of the page reader, shown with `-v`; `check` does not report it.\n"
        ),
        "{text}"
    );
    // Every reader code has a summary, and those with a rule name one that exists.
    for kind in locdoc::diag::DiagnosticKind::ALL {
        assert_eq!(
            locdoc::diag::DiagnosticKind::from_code(kind.code()),
            Some(kind)
        );
        assert!(
            kind.rule().is_none_or(|r| locdoc::rules::find(r).is_some()),
            "{kind:?}"
        );
    }
}
