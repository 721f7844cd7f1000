//! Exports for translators and imports back: the formats as snapshots, byte-identical round
//! trips on the seeds and a whole corpus set, and an edited translation landing in exactly
//! its segment.

mod common;

use std::path::{Path, PathBuf};

use locdoc::export::{self, Format, Languages};
use locdoc::import;
use locdoc::Page;

fn langs(target: &str) -> Languages {
    Languages {
        source: "en-US".into(),
        target: target.into(),
    }
}

fn export_to_string(inputs: &[PathBuf], format: Format, target: &str) -> (String, usize) {
    let mut out = Vec::new();
    let result = export::run(inputs, format, &langs(target), &mut out).unwrap();
    assert!(result.report.errors.is_empty());
    (String::from_utf8(out).unwrap(), result.report.segments)
}

/// A copy of `content/` in a temporary folder.
fn seeds_copy() -> tempfile::TempDir {
    let dir = common::tempdir();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for locale in ["fr-FR", "nl-NL"] {
        let to = dir.path().join("content").join(locale);
        std::fs::create_dir_all(&to).unwrap();
        let name = "troubleshoot-onboarding-error-messages.md";
        std::fs::copy(repo.join("content").join(locale).join(name), to.join(name)).unwrap();
    }
    dir
}

#[test]
fn formats_of_the_french_seed() {
    let dir = seeds_copy();
    let inputs = [dir.path().join("content")];
    for (format, name) in [
        (Format::Xliff, "xliff"),
        (Format::Tmx, "tmx"),
        (Format::Po, "po"),
    ] {
        let (text, segments) = export_to_string(&inputs, format, "fr-FR");
        assert_eq!(segments, 33);
        insta::assert_snapshot!(format!("seed_fr_{name}"), text);
    }
}

#[test]
fn one_run_exports_each_locale_into_its_own_file() {
    let dir = seeds_copy();
    let content = dir.path().join("content");
    // A page below no locale folder goes by its front matter; one without a locale is left out.
    let seed =
        std::fs::read_to_string(content.join("nl-NL/troubleshoot-onboarding-error-messages.md"))
            .unwrap();
    std::fs::create_dir_all(content.join("shared")).unwrap();
    std::fs::write(content.join("shared/by-front-matter.md"), &seed).unwrap();
    std::fs::write(content.join("shared/no-locale.md"), "# Plain\n").unwrap();
    let inputs = [content];
    let out = dir.path().join("exports");
    for format in [Format::Xliff, Format::Tmx, Format::Po] {
        let result = export::run_each(&inputs, format, "en-US", &[], &out).unwrap();
        let ext = format.extension();
        let written: Vec<(String, usize, usize)> = result
            .locales
            .iter()
            .map(|w| (w.locale.clone(), w.pages, w.segments))
            .collect();
        assert_eq!(
            written,
            [("fr-FR".to_owned(), 1, 33), ("nl-NL".to_owned(), 2, 66)],
            "{ext}"
        );
        assert_eq!(result.skipped, [inputs[0].join("shared/no-locale.md")]);
        // Each file is what a run for its locale alone writes.
        for locale in ["fr-FR", "nl-NL"] {
            let file = out.join(format!("{locale}.{ext}"));
            assert_eq!(
                result
                    .locales
                    .iter()
                    .find(|w| w.locale == locale)
                    .unwrap()
                    .path
                    .as_ref(),
                Some(&file)
            );
            let alone = export_to_string(&inputs, format, locale).0;
            assert_eq!(
                std::fs::read_to_string(&file).unwrap(),
                alone,
                "{locale}.{ext}"
            );
        }
    }
    // Named locales are written under the names given, even without pages.
    let named = ["NL-nl".to_owned(), "de-DE".to_owned()];
    let result = export::run_each(&inputs, Format::Po, "en-US", &named, &out).unwrap();
    let names: Vec<&str> = result.locales.iter().map(|w| w.locale.as_str()).collect();
    assert_eq!(names, ["NL-nl", "de-DE"]);
    assert_eq!((result.report.pages, result.skipped.len()), (2, 2));
    let german = std::fs::read_to_string(out.join("de-DE.po")).unwrap();
    assert!(german.contains("Language: de_DE") && !german.contains("msgid \"Troubleshoot"));
}

#[test]
fn seeds_round_trip_byte_for_byte() {
    let dir = seeds_copy();
    let inputs = [dir.path().join("content")];
    for locale in ["fr-FR", "nl-NL"] {
        for (format, ext) in [(Format::Xliff, "xliff"), (Format::Po, "po")] {
            let (text, segments) = export_to_string(&inputs, format, locale);
            let file = dir.path().join(format!("{locale}.{ext}"));
            std::fs::write(&file, text).unwrap();
            let report = import::run(&file, &inputs).unwrap();
            assert_eq!(
                (
                    report.units,
                    report.applied,
                    report.changed,
                    report.skipped.len()
                ),
                (segments, segments, 0, 0),
                "{locale} {ext}: {:?}",
                report.skipped
            );
            assert_eq!(
                std::fs::read(dir.path().join(format!(
                    "content/{locale}/troubleshoot-onboarding-error-messages.md"
                )))
                .unwrap(),
                std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
                    "content/{locale}/troubleshoot-onboarding-error-messages.md"
                )))
                .unwrap()
            );
        }
    }
}

#[test]
fn an_edited_translation_lands_in_exactly_its_segment() {
    let dir = seeds_copy();
    let inputs = [dir.path().join("content")];
    let page_path = dir
        .path()
        .join("content/nl-NL/troubleshoot-onboarding-error-messages.md");
    let before = std::fs::read_to_string(&page_path).unwrap();
    let page = Page::parse(&page_path, before.clone());
    let segment = page.segments().find(|s| s.id() == "e4a55-113").unwrap();
    let old = segment.translation().to_owned();
    let range = segment.segment.translation.clone();
    let new = "Nieuwe **vertaling** met `code` & <b>tags</b>";
    for (format, ext) in [(Format::Xliff, "xliff"), (Format::Po, "po")] {
        std::fs::write(&page_path, &before).unwrap();
        let (text, _) = export_to_string(&inputs, format, "nl-NL");
        let edited = match format {
            Format::Po => text.replacen(
                &format!("msgstr \"{}\"", old.replace('"', "\\\"")),
                &format!("msgstr \"{}\"", new.replace('"', "\\\"")),
                1,
            ),
            _ => {
                // The target of unit e4a55-113, rewritten with its codes replaced by text.
                let unit = text.find("<unit id=\"e4a55-113\"").unwrap();
                let start = unit + text[unit..].find("<target>").unwrap() + "<target>".len();
                let end = unit + text[unit..].find("</target>").unwrap();
                format!(
                    "{}{}{}",
                    &text[..start],
                    "Nieuwe **vertaling** met `code` &amp; &lt;b&gt;tags&lt;/b&gt;",
                    &text[end..]
                )
            }
        };
        assert_ne!(edited, text);
        let file = dir.path().join(format!("edited.{ext}"));
        std::fs::write(&file, edited).unwrap();
        let report = import::run(&file, &inputs).unwrap();
        assert_eq!((report.changed, report.pages_written), (1, 1), "{ext}");
        let after = std::fs::read_to_string(&page_path).unwrap();
        let expected = format!("{}{new}{}", &before[..range.start], &before[range.end..]);
        assert_eq!(after, expected, "{ext}");
    }
}

#[test]
fn units_that_do_not_apply_are_reported_with_the_reason() {
    let dir = seeds_copy();
    let inputs = [dir.path().join("content")];
    let page = "fr-FR/troubleshoot-onboarding-error-messages.md";
    let unit = |id: &str, source: &str, target: &str| import::Unit {
        page: page.into(),
        id: id.into(),
        source: source.into(),
        target: Some(target.into()),
    };
    let units = [
        unit("1f3b2-104", "Changed source", "x"),
        unit("1f3b2-999", "Nope", "x"),
        unit(
            "1f3b2-106",
            "Microsoft Defender for Endpoint",
            "a</span><span class=\"sxs-lookup\"><span data-stu-id=\"z-1\">b</span></span> c",
        ),
        import::Unit {
            page: "fr-FR/missing.md".into(),
            ..unit("1f3b2-104", "x", "y")
        },
    ];
    let report = import::apply(&units, &inputs);
    let reasons: Vec<String> = report.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(report.applied, 0, "{reasons:?}");
    assert_eq!(reasons.len(), 4);
    assert!(reasons[0].starts_with("fr-FR/missing.md#1f3b2-104: no page below the inputs"));
    assert!(reasons[1].contains(
        "#1f3b2-104: the segment's source changed since the export (now `Troubleshoot subscription"
    ));
    assert!(
        reasons[3].contains("#1f3b2-106: the translation holds segment markup"),
        "{reasons:?}"
    );
    assert!(reasons[2].contains("#1f3b2-999: the page has no segment with this id"));
}

#[test]
fn every_page_rebuilt_with_its_own_translations_is_unchanged() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    for (name, tree) in common::sxs_trees(&corpus) {
        for path in common::pages_below(&tree.join("sxs")) {
            let page = Page::read(&path).unwrap();
            let all: Vec<Option<&str>> = page.segments().map(|s| Some(s.translation())).collect();
            assert!(
                import::with_translations(&page, &all) == page.text(),
                "{name}: {}",
                path.display()
            );
        }
    }
}

#[test]
fn a_corpus_set_round_trips_through_xliff_and_po() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let original = corpus.join("hololens/fr-FR/sxs");
    let dir = common::tempdir();
    let copy = dir.path().join("fr-FR");
    let pages = common::pages_below(&original);
    for path in &pages {
        let to = copy.join(path.strip_prefix(&original).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(path, to).unwrap();
    }
    let inputs = [copy.clone()];
    for (format, ext) in [(Format::Xliff, "xliff"), (Format::Po, "po")] {
        let (text, segments) = export_to_string(&inputs, format, "fr-FR");
        assert!(segments > 4000, "{segments}");
        let file = dir.path().join(format!("set.{ext}"));
        std::fs::write(&file, text).unwrap();
        let report = import::run(&file, &inputs).unwrap();
        assert_eq!(
            (report.units, report.applied, report.changed),
            (segments, segments, 0),
            "{ext}: {:?}",
            report.skipped.first()
        );
        common::eprintln_figure(&format!(
            "round trip {ext}: hololens/fr-FR {} pages, {segments} units, all applied unchanged",
            pages.len()
        ));
    }
    for path in &pages {
        let copied = copy.join(path.strip_prefix(&original).unwrap());
        assert!(std::fs::read(path).unwrap() == std::fs::read(copied).unwrap());
    }
}

/// A writer that takes `room` bytes, then fails.
struct Full {
    room: usize,
}

impl std::io::Write for Full {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.room == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "full"));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn pages_are_written_in_input_order_whatever_the_threads_and_a_failed_write_stops_the_export() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let inputs = [corpus.join("quantum/fr-FR/sxs")];
    // Pages finish out of order on four threads; the file must not show it.
    let export_on = |threads: usize, format: Format| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let mut out = Vec::new();
        pool.install(|| export::run(&inputs, format, &langs("fr-FR"), &mut out))
            .unwrap();
        out
    };
    for format in [Format::Xliff, Format::Po] {
        let alone = export_on(1, format);
        assert!(alone.len() > 1_000_000, "{}", alone.len());
        assert!(export_on(4, format) == alone, "{format:?}");
    }
    let mut full = Full { room: 100_000 };
    let err = export::run(&inputs, Format::Po, &langs("fr-FR"), &mut full).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
}
