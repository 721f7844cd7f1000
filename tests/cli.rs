//! The `locdoc` binary end to end: regen and extract on the seed pages, refusals, and
//! hostile input that must be reported by name while the other pages are still written.

mod common;

use std::path::Path;
use std::process::{Command, Output};

/// Runs locdoc in English, whatever the environment's language.
fn locdoc(args: &[&str], dir: &Path) -> Output {
    locdoc_in("C", args, dir)
}

/// Runs locdoc with `LC_ALL` set to `lang`.
fn locdoc_in(lang: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_locdoc"))
        .args(args)
        .current_dir(dir)
        .env_remove("CI")
        .env("LC_ALL", lang)
        .output()
        .expect("run locdoc")
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const SEGMENT: &str = "<span data-ttu-id=\"a1-101\">Bonjour</span><span class=\"sxs-lookup\"><span data-stu-id=\"a1-101\">Hello</span></span>";

#[test]
fn regen_writes_clean_seed_pages() {
    let out = common::tempdir();
    let run = locdoc(&["regen", "--out", out.path().to_str().unwrap()], repo());
    assert!(run.status.success(), "{}", stderr(&run));
    let fr = std::fs::read_to_string(
        out.path()
            .join("fr-FR/troubleshoot-onboarding-error-messages.md"),
    )
    .unwrap();
    let nl = std::fs::read_to_string(
        out.path()
            .join("nl-NL/troubleshoot-onboarding-error-messages.md"),
    )
    .unwrap();
    for page in [&fr, &nl] {
        assert!(!page.contains("data-ttu-id") && !page.contains("sxs-lookup"));
    }
    assert!(fr.contains("\n# <a name=\"troubleshoot-subscription-and-portal-access-issues\"></a>Résoudre les problèmes d’abonnement et d’accès au portail\n"));
    assert!(fr.contains("\n- [Microsoft Defender pour point de terminaison](https://go.microsoft.com/fwlink/p/?linkid=2146631)\n"));
    // The front matter is copied byte for byte.
    let input = std::fs::read_to_string(
        repo().join("content/fr-FR/troubleshoot-onboarding-error-messages.md"),
    )
    .unwrap();
    let front_matter = &input[..input.find("\n---\n").unwrap() + 5];
    assert!(fr.starts_with(front_matter));
    assert!(
        stderr(&run).contains("regen: wrote 2 pages"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn summaries_are_in_the_users_language() {
    let out = common::tempdir();
    let dir = out.path().to_str().unwrap();
    let run = locdoc_in("fr_FR.UTF-8", &["regen", "--out", dir], repo());
    assert!(run.status.success(), "{}", stderr(&run));
    let summary = format!("regen : écrit 2 pages (66 segments) dans {dir}\n");
    assert!(stderr(&run).ends_with(&summary), "{}", stderr(&run));
    // The parser's diagnostics too.
    let content = common::tempdir();
    std::fs::write(
        content.path().join("a.md"),
        "<span data-ttu-id=\"a-1\">Seul</span> texte\n",
    )
    .unwrap();
    let run = locdoc_in(
        "fr_FR.UTF-8",
        &["regen", "a.md", "--out", dir],
        content.path(),
    );
    assert!(
        stderr(&run).starts_with("a.md:1:1: error[missing-source-span]: le span de traduction `a-1` n'est pas suivi de son jumeau"),
        "{}",
        stderr(&run)
    );
    let run = locdoc_in("nl_NL.UTF-8", &["export", "--format", "po"], repo());
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        stderr(&run),
        "fout: export: geef één --target-lang, of --out-dir MAP voor één bestand per taal\n"
    );
}

#[test]
fn regen_source_writes_the_english_page() {
    let out = common::tempdir();
    let run = locdoc(
        &[
            "regen",
            "content/nl-NL",
            "--source",
            "--out",
            out.path().to_str().unwrap(),
        ],
        repo(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let en = std::fs::read_to_string(out.path().join("troubleshoot-onboarding-error-messages.md"))
        .unwrap();
    assert!(en.contains("\n# Troubleshoot subscription and portal access issues\n"));
    assert!(en.contains("If while accessing Microsoft Defender Security Center you get a **No subscriptions found** message"));
    assert!(!en.contains("ms.contentlocale") && !en.contains("ms.locfileid"));
}

#[test]
fn extract_lists_every_segment_with_its_position() {
    let run = locdoc(&["extract", "content/nl-NL", "--format", "tsv"], repo());
    assert!(run.status.success(), "{}", stderr(&run));
    let tsv = String::from_utf8(run.stdout).unwrap();
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next(),
        Some("page\tlocale\tid\tline\tcolumn\tsource\ttranslation")
    );
    let row = tsv
        .lines()
        .find(|l| l.contains("\te4a55-113\t"))
        .expect("segment e4a55-113");
    assert!(row.starts_with("content/nl-NL/troubleshoot-onboarding-error-messages.md\tnl-NL\te4a55-113\t42\t1\tIf while accessing Microsoft Defender Security Center you get a **No subscriptions found** message"), "{row}");
    let json = locdoc(&["extract", "content", "--format", "json"], repo());
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(
        rows.len(),
        tsv.lines().count() - 1 + count_segments("content/fr-FR")
    );
    assert!(rows.iter().any(|r| r["locale"] == "fr-FR"
        && r["id"] == "1f3b2-104"
        && r["line"] == 26
        && r["column"] == 68));
}

fn count_segments(dir: &str) -> usize {
    let run = locdoc(&["extract", dir, "--format", "tsv"], repo());
    String::from_utf8(run.stdout).unwrap().lines().count() - 1
}

#[test]
fn output_inside_an_input_is_refused() {
    let dir = common::tempdir();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    std::fs::write(dir.path().join("content/p.md"), SEGMENT).unwrap();
    for out in ["content", "content/site", "content/../content/x"] {
        let run = locdoc(&["regen", "content", "--out", out], dir.path());
        assert_eq!(run.status.code(), Some(2), "{out}");
        assert!(
            stderr(&run).contains("is inside input content"),
            "{}",
            stderr(&run)
        );
    }
    assert!(!dir.path().join("content/site").exists());
}

#[test]
fn hostile_pages_are_reported_by_name_and_the_others_still_written() {
    let dir = common::tempdir();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(input.join(name), bytes).unwrap();
    write("good.md", format!("# {SEGMENT}\n").as_bytes());
    write(
        "bom-crlf.md",
        format!("\u{feff}---\r\ntitle: t\r\n---\r\n{SEGMENT}\r\n").as_bytes(),
    );
    write("latin1.md", b"caf\xe9\n");
    write("utf16.md", &[0xFF, 0xFE, b'#', 0]);
    write("binary.md", b"PK\x03\x04\0\0");
    write("empty.md", b"");
    write(
        "bad-yaml.md",
        format!("---\ntitle: [unclosed\n---\n{SEGMENT}\n").as_bytes(),
    );
    write("open-front-matter.md", b"---\ntitle: t\nno end\n");
    write(
        "nested.md",
        format!("x <span data-ttu-id=\"b-1\">a {SEGMENT}\n").as_bytes(),
    );
    write(
        "no-twin.md",
        b"<span data-ttu-id=\"c-1\">alleen</span> tekst\n",
    );
    let run = locdoc(&["regen", "in", "--out", "out"], dir.path());
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(
        err.contains("cannot read in/latin1.md: invalid UTF-8 at line 1, column 4"),
        "{err}"
    );
    assert!(
        err.contains("cannot read in/utf16.md: file is UTF-16"),
        "{err}"
    );
    assert!(
        err.contains("cannot read in/binary.md: file looks binary (NUL byte at line 1, column 5)"),
        "{err}"
    );
    // regen copies front matter as it is; stages that read its keys check the YAML.
    assert!(!err.contains("invalid-front-matter"), "{err}");
    let extract = locdoc(&["extract", "in", "--format", "tsv"], dir.path());
    assert_eq!(extract.status.code(), Some(2));
    assert!(
        stderr(&extract).contains(
            "in/bad-yaml.md:3:1: error[invalid-front-matter]: front matter is not valid YAML"
        ),
        "{}",
        stderr(&extract)
    );
    assert!(
        err.contains("in/open-front-matter.md:1:1: error[unterminated-front-matter]"),
        "{err}"
    );
    assert!(
        err.contains("in/nested.md:1:3: error[nested-segment]"),
        "{err}"
    );
    assert!(
        err.contains("in/no-twin.md:1:1: error[missing-source-span]"),
        "{err}"
    );
    let out = dir.path().join("out");
    let read = |name: &str| std::fs::read(out.join(name)).unwrap();
    assert_eq!(read("good.md"), b"# Bonjour\n");
    assert_eq!(
        read("bom-crlf.md"),
        "\u{feff}---\r\ntitle: t\r\n---\r\nBonjour\r\n".as_bytes()
    );
    assert_eq!(read("empty.md"), b"");
    assert_eq!(
        read("bad-yaml.md"),
        b"---\ntitle: [unclosed\n---\nBonjour\n"
    );
    assert_eq!(read("open-front-matter.md"), b"---\ntitle: t\nno end\n");
    assert_eq!(
        read("nested.md"),
        b"x <span data-ttu-id=\"b-1\">a Bonjour\n"
    );
    assert_eq!(
        read("no-twin.md"),
        b"<span data-ttu-id=\"c-1\">alleen</span> tekst\n"
    );
    for name in ["latin1.md", "utf16.md", "binary.md"] {
        assert!(!out.join(name).exists(), "{name}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".locdoc-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_reported_and_not_followed() {
    let dir = common::tempdir();
    let input = dir.path().join("in/a");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("p.md"), SEGMENT).unwrap();
    std::os::unix::fs::symlink("..", input.join("loop")).unwrap();
    let run = locdoc(&["regen", "in", "--out", "out"], dir.path());
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("link loop"), "{}", stderr(&run));
    assert_eq!(
        std::fs::read(dir.path().join("out/a/p.md")).unwrap(),
        b"Bonjour"
    );
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_unicode_is_processed() {
    use std::os::unix::ffi::OsStrExt;
    let dir = common::tempdir();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(input.join(name), SEGMENT).unwrap();
    let run = locdoc(&["regen", "in", "--out", "out"], dir.path());
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        std::fs::read(dir.path().join("out").join(name)).unwrap(),
        b"Bonjour"
    );
}

#[test]
fn export_writes_one_file_per_locale_or_asks_for_one_target() {
    let content = repo().join("content");
    let content = content.to_str().unwrap();
    let dir = common::tempdir();
    let run = locdoc(&["export", content, "--format", "po"], dir.path());
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("give one --target-lang, or --out-dir DIR"),
        "{}",
        stderr(&run)
    );
    let run = locdoc(
        &[
            "export",
            content,
            "--format",
            "xliff",
            "--out-dir",
            "exports",
        ],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let mut files: Vec<String> = std::fs::read_dir(dir.path().join("exports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["fr-FR.xliff", "nl-NL.xliff"]);
    assert!(stderr(&run).contains("export: nl-NL: 1 page, 33 segments in exports/nl-NL.xliff"));
}
