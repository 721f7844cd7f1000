//! The cross-locale rules of `check`: each fires at its place on seed, corpus and made-up
//! pages, and stays quiet where the locales agree.

mod common;

use std::path::{Path, PathBuf};

use locdoc::check::{self, Sink};
use locdoc::finding::Finding;

const CROSS: &[&str] = &[
    "missing-locale-page",
    "source-mismatch",
    "skeleton-mismatch",
    "inconsistent-translation",
];

struct Collect(Vec<Finding>);

impl Sink for Collect {
    fn page(&mut self, _path: &Path, findings: &[Finding]) -> std::io::Result<()> {
        self.0.extend_from_slice(findings);
        Ok(())
    }
}

/// Every finding of `check` over `inputs` with the default configuration.
fn all_findings(inputs: &[PathBuf]) -> Vec<Finding> {
    let mut sink = Collect(Vec::new());
    let config = locdoc::config::Config::default();
    let selection = locdoc::select::Selection::default();
    check::run(inputs, check::Options::new(&config, &selection), &mut sink).unwrap();
    sink.0
}

/// The cross-locale findings of `check` over `inputs`: (rule, file, line, column, message).
fn cross(inputs: &[PathBuf]) -> Vec<(String, PathBuf, usize, usize, String)> {
    all_findings(inputs)
        .into_iter()
        .filter(|f| CROSS.contains(&f.rule))
        .map(|f| (f.rule.to_owned(), f.file, f.line, f.column, f.message))
        .collect()
}

fn segment(id: &str, source: &str, translation: &str) -> String {
    format!("<span data-ttu-id=\"{id}\">{translation}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>")
}

fn write(dir: &Path, rel: &str, locale: &str, commit: &str, body: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let page = format!(
        "---\ntitle: t\nms.sourcegitcommit: {commit}\nms.contentlocale: {locale}\n---\n{body}"
    );
    std::fs::write(path, page).unwrap();
}

#[test]
fn the_seeds_differ_in_one_link_of_their_skeleton() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = cross(&[repo.join("content")]);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (rule, file, line, column, message) = &found[0];
    assert_eq!(rule, "skeleton-mismatch");
    assert!(file.ends_with("content/nl-NL/troubleshoot-onboarding-error-messages.md"));
    assert_eq!((*line, *column), (31, 175));
    assert!(
        message.starts_with("skeleton differs from fr-FR (")
            && message.ends_with(
                "fr-FR/troubleshoot-onboarding-error-messages.md:31:187): `https://go.microsoft.com/fwlink/p/?linkid=2154037` here, `https://go.microsoft.com/fwlink/p/?linkid=2146631` there"
            ),
        "{message}"
    );
    // One locale alone: no cross-locale pass.
    assert_eq!(cross(&[repo.join("content/nl-NL")]), []);
}

#[test]
fn each_rule_fires_at_its_place() {
    let dir = common::tempdir();
    let d = dir.path();
    let long = "Select the device you want to manage.";
    let fr_body = format!(
        "# {}\n\n[{}](https://x.y/?id=1)\n\n{} {}\n",
        segment("aa-1", "Title", "Titre"),
        segment("aa-2", "Link", "Lien"),
        segment("aa-3", long, "Sélectionnez l’appareil à gérer."),
        segment("aa-4", "Two ways.", "Deux façons."),
    );
    let nl_body = format!(
        "# {}\n\n[{}](https://x.y/?id=2)\n\n{} {}\n",
        segment("bb-1", "Title", "Titel"),
        segment("bb-2", "Link", "Koppeling"),
        segment("bb-3", long, "Selecteer het apparaat."),
        segment("bb-4", "Three ways.", "Drie manieren."),
    );
    write(d, "c/fr-FR/a/page.md", "fr-FR", "1111", &fr_body);
    write(d, "c/nl-NL/a/page.md", "nl-NL", "2222", &nl_body);
    write(d, "c/fr-FR/only-fr.md", "fr-FR", "1111", "text\n");
    let other = format!(
        "{}\n",
        segment("bb-9", long, "Kies het apparaat dat u wilt beheren.")
    );
    write(d, "c/nl-NL/z.md", "nl-NL", "2222", &other);
    let found = cross(&[d.join("c")]);
    let short: Vec<(&str, String, usize, usize)> = found
        .iter()
        .map(|(rule, file, line, column, _)| {
            let rel = file.strip_prefix(d).unwrap().to_string_lossy().into_owned();
            (rule.as_str(), rel, *line, *column)
        })
        .collect();
    // Columns of the offending text, counted in the bodies (front matter is 5 lines).
    let column = |body: &str, line: usize, text: &str| {
        body.lines().nth(line).unwrap().find(text).unwrap() + 1
    };
    assert_eq!(
        short,
        [
            (
                "skeleton-mismatch",
                "c/nl-NL/a/page.md".into(),
                8,
                column(&nl_body, 2, "https")
            ),
            (
                "source-mismatch",
                "c/nl-NL/a/page.md".into(),
                10,
                column(&nl_body, 4, "Three")
            ),
            ("missing-locale-page", "c/fr-FR/only-fr.md".into(), 1, 1),
            ("missing-locale-page", "c/nl-NL/z.md".into(), 1, 1),
            (
                "inconsistent-translation",
                "c/nl-NL/z.md".into(),
                6,
                column(&other, 0, "Kies")
            ),
        ]
    );
    assert!(found[2].4.contains("is in fr-FR but not in nl-NL"));
    assert!(found[3].4.contains("is in nl-NL but not in fr-FR"));
    assert!(found[0]
        .4
        .ends_with("`https://x.y/?id=2` here, `https://x.y/?id=1` there"));
    assert!(
        found[1]
            .4
            .contains("segment 4 has source `Three ways.` here but `Two ways.` in fr-FR")
            && found[1]
                .4
                .contains("fr-FR ms.sourcegitcommit 1111, nl-NL ms.sourcegitcommit 2222"),
        "{}",
        found[1].4
    );
    assert!(found[4]
        .4
        .contains("is translated `Selecteer het apparaat.` at"));
}

#[test]
fn agreeing_locales_are_quiet() {
    let dir = common::tempdir();
    let d = dir.path();
    let page = |locale: &str, alt: &str, t: &str| {
        format!(
            "# {}\n\n![{alt}](a.png) see [x](https://docs.microsoft.com/{}/a)\n\n{}\n\n{}\n",
            segment("aa-1", "Title", t),
            locale.to_ascii_lowercase(),
            segment("aa-2", "Click OK", t),
            segment("aa-3", "Click OK", "x"),
        )
    };
    write(
        d,
        "c/fr-FR/p.md",
        "fr-FR",
        "1",
        &page("fr-FR", "Image", "Titre"),
    );
    write(
        d,
        "c/nl-NL/p.md",
        "nl-NL",
        "1",
        &page("nl-NL", "Afbeelding van", "Titel"),
    );
    // Another set with one locale only: its pages are not missing anywhere.
    write(d, "other/fr-FR/q.md", "fr-FR", "1", "x\n");
    assert_eq!(cross(&[d.join("c"), d.join("other")]), []);
}

#[test]
fn corpus_sets_report_real_differences() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let set = corpus.join("hololens");
    let found = cross(&[set.join("fr-FR/sxs"), set.join("nl-NL/sxs")]);
    let missing: Vec<String> = found
        .iter()
        .filter(|f| f.0 == "missing-locale-page")
        .map(|f| {
            f.1.strip_prefix(&set)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        missing,
        [
            "fr-FR/sxs/CODE_OF_CONDUCT.md",
            "fr-FR/sxs/SECURITY.md",
            "nl-NL/sxs/hololens/includes/hlsolutions.md"
        ]
    );
    // One finding per page, at the first segment whose source differs.
    let store = set.join("nl-NL/sxs/hololens/holographic-store-apps.md");
    let at: Vec<_> = found
        .iter()
        .filter(|f| f.0 == "source-mismatch" && f.1 == store)
        .collect();
    assert_eq!(at.len(), 1, "{at:?}");
    let at = at[0];
    // Segment 138's English text starts right after its source span's opening tag.
    let text = std::fs::read_to_string(&store).unwrap();
    let line = text.lines().nth(at.2 - 1).unwrap();
    let open = line
        .match_indices("-138\">")
        .map(|(i, _)| i)
        .find(|&i| {
            line[..i]
                .rfind("data-")
                .is_some_and(|d| line[d..].starts_with("data-stu-id"))
        })
        .expect("the source span of segment 138 on the reported line")
        + "-138\">".len();
    assert_eq!(at.3, line[..open].chars().count() + 1);
    assert!(at.4.starts_with("segment 138 has source `…rm a [Start gesture](/hololens/hololens2-basic-usage#start-g…` here but `…rm a [Start gesture](https://docs.microsoft.com/hololens/hol…` in fr-FR"), "{}", at.4);
    assert!(at
        .4
        .contains("ms.sourcegitcommit b437c738f101ac870a29bbdb7fd642eda3d67f00"));
    assert!(at.4.ends_with("; 10 more segments differ"), "{}", at.4);
    // Pages translated from the same English commit have no source mismatch.
    let quantum = corpus.join("quantum");
    let found = cross(&[quantum.join("fr-FR/sxs"), quantum.join("nl-NL/sxs")]);
    assert_eq!(found, []);
}

#[test]
fn clones_of_one_repository_per_locale_pair_by_front_matter_locale() {
    let dir = common::tempdir();
    let d = dir.path();
    let body = |translation: &str, url: &str| {
        format!("[{}]({url})\n", segment("aa-1", "Sign in", translation))
    };
    write(
        d,
        "docs.fr-fr/articles/a.md",
        "fr-FR",
        "c1",
        &body("Se connecter", "https://x.y/1"),
    );
    write(
        d,
        "docs.nl-nl/articles/a.md",
        "nl-NL",
        "c1",
        &body("Aanmelden", "https://x.y/2"),
    );
    let found = cross(&[d.join("docs.fr-fr"), d.join("docs.nl-nl")]);
    let rules: Vec<(&str, &Path, usize)> = found
        .iter()
        .map(|(rule, file, line, _, _)| (rule.as_str(), file.strip_prefix(d).unwrap(), *line))
        .collect();
    assert_eq!(
        rules,
        [(
            "skeleton-mismatch",
            Path::new("docs.nl-nl/articles/a.md"),
            6
        ),]
    );
}

#[test]
fn inconsistent_translation_remembers_pages_of_earlier_batches() {
    // More page groups than the aligned run holds at a time: the translation the last
    // page contradicts was read several batches before it.
    let dir = common::tempdir();
    let d = dir.path();
    let long = "Select the device you want to manage.";
    let pages = 600;
    for n in 0..pages {
        let rel = format!("p{n:03}.md");
        let (fr, nl) = match n {
            0 => (
                segment("aa-1", long, "Sélectionnez l’appareil."),
                segment("aa-1", long, "Selecteer het apparaat."),
            ),
            n if n == pages - 1 => (
                segment("aa-1", long, "Sélectionnez l’appareil."),
                segment("aa-1", long, "Kies het apparaat."),
            ),
            _ => (
                segment("aa-1", "Text", "Texte"),
                segment("aa-1", "Text", "Tekst"),
            ),
        };
        write(
            d,
            &format!("c/fr-FR/{rel}"),
            "fr-FR",
            "1",
            &format!("{fr}\n"),
        );
        write(
            d,
            &format!("c/nl-NL/{rel}"),
            "nl-NL",
            "1",
            &format!("{nl}\n"),
        );
    }
    let found = cross(&[d.join("c")]);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (rule, file, line, column, message) = &found[0];
    assert_eq!(rule, "inconsistent-translation");
    assert_eq!(file, &d.join(format!("c/nl-NL/p{:03}.md", pages - 1)));
    // The translation starts right after its span's opening tag, below 5 lines of front matter.
    let at = "<span data-ttu-id=\"aa-1\">".len() + 1;
    assert_eq!((*line, *column), (6, at));
    assert!(
        message.contains("is translated `Selecteer het apparaat.` at")
            && message.contains(&format!("p000.md:6:{at}")),
        "{message}"
    );
}

#[test]
fn versions_sharing_a_source_are_each_checked_against_it() {
    // The English text is analysed once for the page's versions; each translation is
    // still compared with it on its own.
    let dir = common::tempdir();
    let d = dir.path();
    let source = "Run `setup.exe` to install.";
    let kept = segment("aa-1", source, "Exécutez `setup.exe` pour installer.");
    let lost = segment("aa-1", source, "Voer setup.exe uit om te installeren.");
    write(d, "c/fr-FR/p.md", "fr-FR", "1", &format!("{kept}\n"));
    write(d, "c/nl-NL/p.md", "nl-NL", "1", &format!("{lost}\n"));
    let found: Vec<(&str, PathBuf)> = all_findings(&[d.join("c")])
        .into_iter()
        .map(|f| (f.rule, f.file))
        .collect();
    assert_eq!(found, [("code-span", d.join("c/nl-NL/p.md"))]);
}
