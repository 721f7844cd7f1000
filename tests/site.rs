//! `build`: exact HTML of small made-up pages, the seeds, the sanitizer, and the refusals.

mod common;

use std::path::{Path, PathBuf};

use locdoc::site::{self, BuildError, Options, ProblemKind, Report};
use scraper::{Html, Selector};

/// One segment's sxs markup.
fn seg(id: &str, translation: &str, source: &str) -> String {
    format!(
        "<span data-ttu-id=\"{id}\">{translation}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>"
    )
}

fn front(title: &str, locale: &str, extra: &str) -> String {
    format!("---\ntitle: {title}\nms.contentlocale: {locale}\nms.translationtype: MT\n{extra}---\n")
}

/// Writes `files` (path below the content folder, text) and builds the site.
fn build(files: &[(&str, String)]) -> (tempfile::TempDir, Report) {
    let dir = common::tempdir();
    for (path, text) in files {
        let path = dir.path().join("content").join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let report = site::build(&Options {
        inputs: vec![dir.path().join("content")],
        out: dir.path().join("site"),
        templates: None,
    })
    .expect("build runs");
    (dir, report)
}

fn read(dir: &Path, site_path: &str) -> String {
    std::fs::read_to_string(dir.join("site").join(site_path)).expect("page written")
}

/// The rendered body of a site page: the inside of `<article class="doc">`.
fn article(dir: &Path, site_path: &str) -> String {
    let html = Html::parse_document(&read(dir, site_path));
    let selector = Selector::parse("article.doc").unwrap();
    let article = html.select(&selector).next().expect("an article");
    article.inner_html().trim().to_owned()
}

/// The English sources the segments of a site page show on hover, in page order.
fn hover_sources(dir: &Path, site_path: &str) -> Vec<String> {
    let html = Html::parse_document(&read(dir, site_path));
    let segs = Selector::parse("span.seg").unwrap();
    html.select(&segs)
        .filter_map(|s| s.value().attr("data-source").map(str::to_owned))
        .collect()
}

/// The rendered body of the one page `page` at `path` (`fr-FR/a.md`) once built.
fn article_of(path: &str, page: String) -> String {
    let (dir, _) = build(&[(path, page)]);
    article(dir.path(), &path.replace(".md", ".html"))
}

#[test]
fn alerts_become_callouts_in_the_page_language() {
    let page = format!(
        "{}> [!NOTE]\n> {}\n\n> [!WARNING]\n> {}\n\n> [!TIP]\n> tip\n\n> plain quote\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Une note.", "A note."),
        seg("a-2", "Attention **gras**.", "Careful **bold**."),
    );
    let (dir, report) = build(&[("fr-FR/a.md", page)]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    insta::assert_snapshot!(article(dir.path(), "fr-FR/a.html"));
}

#[test]
fn a_segment_over_a_block_boundary_is_closed_there_and_continued() {
    // Lync ru-RU direct-sip-connections.md: a segment opens in a raw HTML block and its
    // translation runs on into the paragraphs after it; and a translation with a blank
    // line. No span may hold a block, and the English toggle must not swallow them.
    let page = format!(
        "{}<div id=\"mainBody\">{}\n\nLast.\n\n{}\n",
        front("T", "ru-RU", ""),
        seg("a-104", "\n\n<span> </span>", " "),
        seg("a-105", "Первый абзац.\n\nВторой абзац.", "One paragraph."),
    );
    let body = article_of("ru-RU/a.md", page);
    let html = Html::parse_fragment(&body);
    let blocks_in_spans = Selector::parse("span p, span div, span ul, span li").unwrap();
    assert_eq!(html.select(&blocks_in_spans).count(), 0, "{body}");
    let seg = Selector::parse("span.seg").unwrap();
    let sources: Vec<(Option<&str>, String)> = html
        .select(&seg)
        .map(|s| (s.value().attr("data-source"), s.text().collect()))
        .collect();
    assert_eq!(
        sources,
        [
            (Some(" "), "\n".to_owned()),
            (Some("One paragraph."), "Первый абзац.".to_owned())
        ]
    );
    let cont = Selector::parse("p > span.seg-cont").unwrap();
    let continued: Vec<String> = html.select(&cont).map(|s| s.text().collect()).collect();
    assert!(continued.contains(&"Второй абзац.".to_owned()), "{body}");
}

#[test]
fn a_complex_image_has_its_long_description_hidden_and_linked() {
    // .NET ko-KR microservice-ddd-cqrs-patterns-index.md: the image line and the long
    // description are segments, `:::image-end:::` closes it.
    let page = format!(
        "{}{}\n{}\n:::image-end:::\n\n{}\n",
        front("T", "ko-KR", ""),
        seg(
            "a-107",
            ":::image type=\"complex\" source=\"./m/arch.png\" alt-text=\"다이어그램입니다.\":::",
            ":::image type=\"complex\" source=\"./m/arch.png\" alt-text=\"Diagram.\":::"
        ),
        seg(
            "a-108",
            "외부 아키텍처와 내부 아키텍처의 차이점.",
            "Difference between external and internal architecture."
        ),
        seg("a-109", "**그림 7-1**.", "**Figure 7-1**."),
    );
    let body = article_of("ko-KR/a.md", page);
    let html = Html::parse_fragment(&body);
    let img = Selector::parse("img").unwrap();
    let described = html
        .select(&img)
        .next()
        .and_then(|i| i.value().attr("aria-describedby"))
        .expect("a described image");
    let hidden = Selector::parse("div.visually-hidden").unwrap();
    let description = html.select(&hidden).next().expect("the long description");
    assert_eq!(description.value().attr("id"), Some(described));
    assert_eq!(
        description.text().collect::<String>(),
        "외부 아키텍처와 내부 아키텍처의 차이점."
    );
    assert!(!body.contains(":::"), "{body}");
}

#[test]
fn an_include_in_a_link_text_stays_in_the_link() {
    // Business Central nb-NO business-central-admin-powerbi-integration-component.md,
    // d4197-159: the product name is an include inside the link's text.
    let page = format!(
        "{}{} Les mer.\n",
        front("T", "nb-NO", ""),
        seg(
            "d4197-159",
            "[Konfigurere [!INCLUDE[prod_short](includes/prod_short.md)]](setup.md)",
            "[Setting Up [!INCLUDE[prod_short](includes/prod_short.md)]](setup.md)"
        ),
    );
    let (dir, report) = build(&[
        ("nb-NO/a.md", page),
        (
            "nb-NO/includes/prod_short.md",
            "Business Central\n".to_owned(),
        ),
    ]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let body = article(dir.path(), "nb-NO/a.html");
    assert!(
        body.contains("<a href=\"setup.html\">Konfigurere Business Central</a>")
            && !body.contains("]("),
        "{body}"
    );
    assert_eq!(
        hover_sources(dir.path(), "nb-NO/a.html"),
        ["Setting Up prod_short"]
    );
}

#[test]
fn includes_are_inlined_from_below_the_content_folder() {
    let page = format!(
        "{}# {}\n\n[!INCLUDE [shared](../includes/shared.md)]\n\nText [!INCLUDE [inline](../includes/inline.md)] end.\n\n{}\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Titre", "Title"),
        // sql-docs: two includes in one segment, the hover naming each by its title.
        seg(
            "a-2",
            "Dans [!INCLUDE[inline](../includes/inline.md)] ou [!INCLUDE[inline](../includes/inline.md)].",
            "In [!INCLUDE[ssManStudio](../includes/inline.md)] or [!INCLUDE[tsql](../includes/inline.md)]."
        ),
    );
    let shared = format!("{}\n\n- item\n", seg("b-1", "Partagé", "Shared"));
    let (dir, report) = build(&[
        ("fr-FR/a.md", page),
        ("includes/shared.md", shared),
        ("includes/inline.md", "*inline*\n".to_owned()),
    ]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    insta::assert_snapshot!(article(dir.path(), "fr-FR/a.html"));
}

#[test]
fn an_include_leaving_the_content_folder_is_an_error_with_file_and_line() {
    let page = format!(
        "{}{}\n\n[!INCLUDE [secret](../../../etc/passwd)]\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Texte", "Text"),
    );
    let (dir, report) = build(&[("fr-FR/a.md", page)]);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    let problem = &report.problems[0];
    assert!(problem.file.ends_with("content/fr-FR/a.md"));
    assert_eq!(problem.line, 8);
    assert!(problem.is_error());
    assert!(matches!(
        &problem.kind,
        ProblemKind::IncludeOutsideRoot { target, .. } if target == "../../../etc/passwd"
    ));
    assert_eq!(
        article(dir.path(), "fr-FR/a.html"),
        "<p><span class=\"seg\" data-source=\"Text\" tabindex=\"0\">Texte</span></p>\n<div class=\"include-error\" role=\"alert\">Le fichier inclus ../../../etc/passwd n'a pas pu être affiché.</div>"
    );
}

#[test]
fn xrefs_resolve_through_uids_and_unresolved_ones_are_text() {
    let target = format!(
        "{}# {}\n",
        front(
            "Math.Ceiling",
            "fr-FR",
            "uid: Microsoft.Quantum.Math.Ceiling\n"
        ),
        seg("t-1", "Plafond", "Ceiling")
    );
    let page = format!(
        "{}{}\n\nSee <xref:Microsoft.Quantum.Math.Ceiling> and [the ceiling](xref:Microsoft.Quantum.Math.Ceiling#remarks), not <xref:No.Such.Uid> nor [that](xref:No.Other).\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Voir [Ceiling](xref:Microsoft.Quantum.Math.Ceiling).", "See [Ceiling](xref:Microsoft.Quantum.Math.Ceiling)."),
    );
    let (dir, report) = build(&[("fr-FR/api/ceiling.md", target), ("fr-FR/guide/a.md", page)]);
    let unresolved: Vec<(usize, String)> = report
        .problems
        .iter()
        .map(|p| match &p.kind {
            ProblemKind::UnresolvedXref { uid } => (p.line, uid.clone()),
            other => panic!("unexpected {other}"),
        })
        .collect();
    assert_eq!(
        unresolved,
        vec![(8, "No.Such.Uid".to_owned()), (8, "No.Other".to_owned())]
    );
    assert!(!report.problems[0].is_error());
    insta::assert_snapshot!(article(dir.path(), "fr-FR/guide/a.html"));
}

#[test]
fn headings_tables_and_code_blocks() {
    let page = format!(
        "{}# <a name=\"first-anchor\"></a>{}\n\n## {}\n\n## {}\n\n| {} | B |\n|:--|--:|\n| {} | `x` |\n\n```powershell\nGet-Item {}\n```\n\nSee [the other page](other.md#first-anchor) and [next](#first-anchor).\n\n## {}\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Premier titre", "First heading"),
        seg("a-2", "Même titre", "Same heading"),
        seg("a-3", "Même titre", "Same heading"),
        seg("a-4", "Colonne", "Column"),
        seg("a-5", "Cellule *mise en valeur*", "Cell *emphasised*"),
        seg("a-6", "élément", "item"),
        // Older pages: an unquoted anchor inside the segment.
        seg(
            "a-7",
            "Réparer<a name=repairthetrust></a>",
            "Repair <a name=repairthetrust></a>"
        ),
    );
    let (dir, report) = build(&[("fr-FR/a.md", page)]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    insta::assert_snapshot!(article(dir.path(), "fr-FR/a.html"));
}

#[test]
fn hover_text_keeps_a_leading_number_and_names_xrefs_by_uid() {
    // ja-JP modify-unique-constraints.md: a table cell's step starts `1)`, which alone
    // would read as a list marker; .NET pages: `<xref:uid>` in the English source.
    let page = format!(
        "{}|a|b|\n|---|---|\n|x|{}|\n\n{}\n",
        front("T", "ja-JP", ""),
        seg("a-1", "1) グリッドで **(全般)** を選びます。", "1) In the grid under **(General)**, select it."),
        seg(
            "a-2",
            "既定の <xref:System.AppDomain> を作成します。",
            "creates the default <xref:System.AppDomain> and <xref:System.Threading.Tasks.Parallel.For%2A?displayProperty=nameWithType>."
        ),
    );
    let (dir, _) = build(&[("ja-JP/a.md", page)]);
    let sources = hover_sources(dir.path(), "ja-JP/a.html");
    assert_eq!(
        sources,
        [
            "1) In the grid under (General), select it.",
            "creates the default System.AppDomain and System.Threading.Tasks.Parallel.For*."
        ]
    );
}

#[test]
fn a_segment_that_is_an_image_line_hovers_with_its_english_alt_text() {
    // zh-CN multi-factor-authentication.md: the whole segment is a `:::image` line.
    let page = format!(
        "{}{}\n",
        front("T", "zh-CN", ""),
        seg(
            "a-1",
            ":::image type=\"content\" source=\"m/mfa.png\" alt-text=\"启用 MFA 页面的屏幕截图。\":::",
            ":::image type=\"content\" source=\"m/mfa.png\" alt-text=\"Screenshot of **turn on MFA** page.\":::"
        ),
    );
    let (dir, _) = build(&[("zh-CN/a.md", page)]);
    let sources = hover_sources(dir.path(), "zh-CN/a.html");
    assert_eq!(sources, ["Screenshot of turn on MFA page."]);
}

#[test]
fn segments_in_links_headings_and_escaped_sources() {
    let page = format!(
        "{}Intro [{}](https://example.com) {}\n",
        front("T", "nl-NL", ""),
        seg("a-1", "linktekst", "link text"),
        seg(
            "a-2",
            "**vet** en `code`",
            "**bold** & `code` \"quoted\" <b>tag</b>"
        ),
    );
    insta::assert_snapshot!(article_of("nl-NL/a.md", page));
}

#[test]
fn segments_starting_in_alt_text_hover_on_their_image() {
    // The shape of m365 nl-NL whats-new-in-preview.md: the MT splitter cut a sentence
    // inside an image's alt text, so one segment ends there and the next starts there.
    let page = format!(
        "{}{} {}\n",
        front("T", "nl-NL", ""),
        seg(
            "a-1",
            "Probeer het. ![Het zoekvak is verplaatst.",
            "Try it. ![Search box has moved."
        ),
        seg(
            "a-2",
            "Alt+S om te zoeken.](media/search.png)",
            "Alt+S to search.](media/search.png)"
        ),
    );
    assert_eq!(
        article_of("nl-NL/a.md", page),
        "<p><span class=\"seg\" data-source=\"Try it. ![Search box has moved.\" tabindex=\"0\">Probeer het. \
         <span class=\"seg seg-image\" data-source=\"Alt+S to search.\" tabindex=\"0\">\
         <img alt=\"Het zoekvak is verplaatst. Alt+S om te zoeken.\" src=\"media/search.png\"></span></span></p>"
    );
}

#[test]
fn segments_in_html_attribute_values_leave_their_translation_there() {
    // Codepen iframes of the Edge docs hold a segment in their title, and the tag may go
    // on over lines of the HTML block.
    let page = format!(
        "{}<iframe height='300' title='{}'\n src='https://codepen.io/x'></iframe>\n\n<p title=\"a>b\">{}</p>\n",
        front("T", "pt-BR", ""),
        seg("a-1", "Obter localidade", "Get locale"),
        seg("a-2", "Texto", "Text"),
    );
    assert_eq!(
        article_of("pt-BR/a.md", page),
        "<iframe src=\"https://codepen.io/x\" title=\"Obter localidade\"></iframe>\n\
         <p title=\"a&gt;b\"><span class=\"seg\" data-source=\"Text\" tabindex=\"0\">Texto</span></p>"
    );
}

#[test]
fn docfx_videos_divs_and_images_render_as_the_publisher_shows_them() {
    let page = format!(
        "{}> [!VIDEO https://www.youtube.com/embed/abc]\n\n> [!div class=\"nextstepaction\"]\n> [{}](next.md)\n> [!div class=\"nextstepaction\"]\n> [{}](other.md)\n\n:::image type=\"content\" source=\"../media/a.png\" alt-text=\"{}\" lightbox=\"../media/a-big.png\":::\n\n- {}\n    :::image type=\"content\" source=\"../media/b.png\" alt-text=\"Menu\":::\n\n{} :::image type=\"icon\" source=\"star.png\" border=\"false\"::: {}\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Suivant", "Next"),
        seg("a-2", "Autre", "Other"),
        seg("a-3", "L’écran « Accueil ».", "The Home screen."),
        seg("a-4", "Ouvrez le menu.", "Open the menu."),
        seg("a-5", "Choisissez l’étoile", "Choose the star"),
        seg("a-6", "pour marquer.", "to mark."),
    );
    let (dir, report) = build(&[("fr-FR/a.md", page)]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    insta::assert_snapshot!(article(dir.path(), "fr-FR/a.html"));
}

#[test]
fn row_layouts_become_columns_of_markdown_with_their_lines_kept() {
    // As in projops/fr-FR overview-project-management-accounting.md: indented columns
    // holding a heading and a list each.
    let page = format!(
        "{}{}\n\n:::row:::\n    :::column:::\n        <xref:No.Such.Uid>\n        #### <a name=\"cash\"></a>{}\n        - {}\n    :::column-end:::\n    :::column span=\"2\":::\n        {}\n    :::column-end:::\n:::row-end:::\n\nSee [cash](#cash) and <xref:No.Other>.\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Comparez :", "Compare:"),
        seg("a-2", "Trésorerie", "Cash flow"),
        seg("a-3", "Entrées", "Inflows"),
        seg("a-4", "Coût **total**", "Total **cost**"),
    );
    let (dir, report) = build(&[("fr-FR/a.md", page)]);
    // Lines 10 and 19 of the page, inside and after the row.
    let lines: Vec<usize> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![10, 19]);
    insta::assert_snapshot!(article(dir.path(), "fr-FR/a.html"));
}

#[test]
fn code_directives_show_their_file_from_below_the_content_folder() {
    let page = format!(
        "{}{}\n\n:::code language=\"xml\" source=\"samples/a.xml\" range=\"2-3\":::\n\n:::code language=\"xml\\\" onclick\" source=\"samples/a.xml\":::\n\n:::code source=\"../../secret.txt\":::\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Exemple :", "Example:"),
    );
    let (dir, report) = build(&[
        ("fr-FR/a.md", page),
        (
            "fr-FR/samples/a.xml",
            "<a>\n  <b x=\"1\"/>\n  <c/>\n</a>\n".to_owned(),
        ),
    ]);
    let problems: Vec<(usize, bool)> = report
        .problems
        .iter()
        .map(|p| (p.line, p.to_string().contains("leaves the content folder")))
        .collect();
    assert_eq!(problems, [(12, true)]);
    insta::assert_snapshot!(article(dir.path(), "fr-FR/a.html"));
}

#[test]
fn older_code_snippets_show_their_lines_or_region() {
    // As in older Azure and .NET pages: `[!code-LANG[name](path…)]`.
    let page = format!(
        "{}{}\n\n[!code-powershell[main](scripts/a.ps1?highlight=2 \"Scale a pool\")]\n\n[!code-csharp[Main](src/p.cs#L2-L3)]\n\n[!code-csharp[Main](src/p.cs#Load)]\n\n[!code-csharp[Main](src/p.cs?name=Save)]\n\n[!code-csharp[Main](src/p.cs?start=5&end=5)]\n\n[!code-cs[x](../../../secret.cs)]\n\nText [!code-cs[x](src/p.cs)] in a sentence.\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Exemple :", "Example:"),
    );
    let (dir, report) = build(&[
        ("fr-FR/a.md", page),
        ("fr-FR/scripts/a.ps1", "Get-Item\nSet-Item\n".to_owned()),
        (
            "fr-FR/src/p.cs",
            "class P {\n  // <Load>\n  void Load() {}\n  // </Load>\n  #region Save\n  void Save() {}\n  #endregion\n}\n"
                .to_owned(),
        ),
    ]);
    let problems: Vec<(usize, bool)> = report
        .problems
        .iter()
        .map(|p| (p.line, p.to_string().contains("leaves the content folder")))
        .collect();
    assert_eq!(problems, [(18, true)]);
    insta::assert_snapshot!(article(dir.path(), "fr-FR/a.html"));
}

#[test]
fn docfx_tabs_become_tab_sections_and_their_closing_rule_is_not_drawn() {
    // The shape of .NET ko-KR dotnet-restore.md: tab headings that are links to `#tab/id`,
    // with the anchors localization added; `---` closes the group.
    let page = format!(
        "{}# <a name=\"a\"></a>[{}](#tab/netcore2x)\n\n{}\n\n# <a name=\"b\"></a>[{}](#tab/netcore1x)\n\n{}\n\n---\n\n{}\n\n---\n",
        front("T", "ko-KR", ""),
        seg("a-1", ".NET Core 2.x", ".NET Core 2.x"),
        seg("a-2", "둘", "Two"),
        seg("a-3", ".NET Core 1.x", ".NET Core 1.x"),
        seg("a-4", "하나", "One"),
        seg("a-5", "끝", "End"),
    );
    let body = article_of("ko-KR/a.md", page);
    let html = Html::parse_fragment(&body);
    let tabs = Selector::parse("div.tabs > section.tab").unwrap();
    let sections: Vec<(Option<&str>, String)> = html
        .select(&tabs)
        .map(|t| {
            (
                t.value().attr("data-tab"),
                t.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    assert_eq!(
        sections,
        [
            (Some("netcore2x"), ".NET Core 2.x 둘".to_owned()),
            (Some("netcore1x"), ".NET Core 1.x 하나".to_owned()),
        ]
    );
    // The group's `---` is not drawn, a later one is; the paragraph after the group is
    // outside it; no heading or `#tab/` link is left.
    assert_eq!(body.matches("<hr").count(), 1, "{body}");
    assert!(
        body.contains("</section>\n</div>\n<p><span class=\"seg\" data-source=\"End\""),
        "{body}"
    );
    assert!(!body.contains("#tab/") && !body.contains("<h1"), "{body}");
}

#[test]
fn code_lines_one_after_another_show_each_file() {
    // .NET tr-TR how-to-speed-up-small-loop-bodies.md: two snippet lines in one paragraph;
    // a snippet line followed by prose stays text.
    let page = format!(
        "{}{}\n\n[!code-csharp[Main](src/p.cs#L2-L3)]\n:::code language=\"vb\" source=\"src/p.cs\" range=\"1\":::\n\n[!code-csharp[Main](src/p.cs#L1)]\nand some text\n",
        front("T", "tr-TR", ""),
        seg("a-1", "Örnek:", "Example:"),
    );
    let (dir, report) = build(&[
        ("tr-TR/a.md", page),
        (
            "tr-TR/src/p.cs",
            "class P {\n  void A() {}\n  void B() {}\n}\n".to_owned(),
        ),
    ]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let html = Html::parse_document(&read(dir.path(), "tr-TR/a.html"));
    let code = Selector::parse("article.doc pre code").unwrap();
    let blocks: Vec<(Option<&str>, String)> = html
        .select(&code)
        .map(|c| (c.value().attr("class"), c.text().collect()))
        .collect();
    assert_eq!(
        blocks,
        [
            (
                Some("language-csharp"),
                "  void A() {}\n  void B() {}\n".to_owned()
            ),
            (Some("language-vb"), "class P {\n".to_owned()),
        ]
    );
    assert!(article(dir.path(), "tr-TR/a.html").contains("[!code-csharp"));
}

#[test]
fn hostile_html_yields_no_executable_script() {
    let page = format!(
        "{}{}\n\n<script>alert(1)</script>\n\n<img src=\"x.png\" onerror=\"alert(2)\">\n\n<a href=\"javascript:alert(3)\" onclick=\"alert(4)\">a</a> [b](javascript:alert(5)) [c](JaVaScRiPt:alert(6)) <svg onload=\"alert(7)\"></svg>\n\n<div style=\"background:url(javascript:alert(8))\" onmouseover=\"alert(9)\">d</div> <iframe src=\"javascript:alert(10)\"></iframe>\n\n> [!VIDEO javascript:alert(14)]\n\n:::image type=\"content\" source=\"javascript:alert(15)\" alt-text=\"x\":::\n\n> [!div class=\"x\" onclick=\"alert(16)\"]\n> y\n\n:::image source=\"a.png\" alt-text=\"\\\" onerror=\\\"alert(17)\":::\n",
        front("T", "fr-FR", ""),
        seg("a-1", "<b onclick=\"alert(11)\">x</b> <script>alert(12)</script>", "\"><script>alert(13)</script>"),
    );
    // DocFX blocks alone: a page without raw HTML skips the sanitizer, so what rendering
    // writes for them must be safe by itself.
    let docfx = format!(
        "{}> [!VIDEO javascript:alert(20)]\n\n> [!VIDEO https://example.com/v\" onload=\"alert(21)]\n\n:::image source=\"javascript:alert(22)\":::\n\n:::image source=\"a.png\" lightbox=\"javascript:alert(23)\" alt-text=\"&quot; onerror=&quot;alert(24)\":::\n\n> [!div class=\"x&quot; onclick=&quot;alert(25)\"]\n> y\n",
        front("T", "fr-FR", ""),
    );
    let (dir, _) = build(&[("fr-FR/a.md", page), ("fr-FR/b.md", docfx)]);
    for page in ["fr-FR/a.html", "fr-FR/b.html"] {
        no_script(&read(dir.path(), page));
    }
    // The text stays, as text.
    let body = article(dir.path(), "fr-FR/a.html");
    assert!(
        body.contains("data-source=\"&quot;&gt;alert(13)\""),
        "{body}"
    );
}

#[test]
fn html_nested_too_deep_to_sanitize_is_shown_as_text_and_reported() {
    // Every line opens a `<div>` that is never closed: the sanitizer's parser would look
    // through all the open ones at each, in time growing with the square of the page.
    let deep = format!(
        "{}{}\n\n{}<script>alert(1)</script>\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Bonjour", "Hello"),
        "<div onclick=\"alert(2)\">\n".repeat(4_000),
    );
    // Nesting as deep as pages do is sanitized as before.
    let shallow = format!(
        "{}{}<b>x</b>{}\n",
        front("T", "fr-FR", ""),
        "<div class=\"a\">\n".repeat(40),
        "</div>\n".repeat(40),
    );
    let (dir, report) = build(&[("fr-FR/deep.md", deep), ("fr-FR/shallow.md", shallow)]);
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = &report.problems[0];
    assert!(problem.file.ends_with("fr-FR/deep.md"), "{problem}");
    assert_eq!(problem.line, 8, "the first line of raw HTML");
    assert_eq!(problem.kind, site::render::ProblemKind::HtmlTooDeep);
    assert!(!problem.is_error(), "the text is all there");
    let page = read(dir.path(), "fr-FR/deep.html");
    no_script(&page);
    let body = article(dir.path(), "fr-FR/deep.html");
    assert!(
        body.contains("&lt;div onclick=\"alert(2)\"&gt;"),
        "{}",
        &body[..300]
    );
    assert_eq!(hover_sources(dir.path(), "fr-FR/deep.html"), ["Hello"]);
    let shallow = article(dir.path(), "fr-FR/shallow.html");
    assert_eq!(
        shallow.matches("<div class=\"a\">").count(),
        40,
        "{shallow}"
    );
    assert!(shallow.contains("<b>x</b>"), "{shallow}");
}

/// Asserts that a site page runs no script but the site's own.
fn no_script(page: &str) {
    let html = Html::parse_document(page);
    let scripts: Vec<String> = html
        .select(&Selector::parse("script").unwrap())
        .map(|s| s.value().attr("src").unwrap_or("inline").to_owned())
        .collect();
    assert_eq!(scripts, vec!["../_static/site.js".to_owned()]);
    let everything = Selector::parse("*").unwrap();
    for element in html.select(&everything) {
        for (name, value) in element.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "handler {name}={value} on <{}>",
                element.value().name()
            );
            let value = value.trim().to_ascii_lowercase();
            assert!(
                !value.starts_with("javascript:") && !value.contains("url(javascript"),
                "{name}={value} on <{}>",
                element.value().name()
            );
        }
        assert!(
            !matches!(element.value().name(), "svg" | "object" | "embed"),
            "<{}> kept",
            element.value().name()
        );
        // Embedded videos are kept; a frame's page runs in its own origin, not the site's.
        if element.value().name() == "iframe" {
            let src = element.value().attr("src").unwrap_or_default();
            assert!(src.is_empty() || src.starts_with("https://"), "{src}");
        }
    }
}

#[test]
fn a_broken_closing_tag_naming_a_script_url_stays_text() {
    // Found by the `render` fuzz target: `</="javascript:span>` between two segments.
    let page = format!(
        "{}{}</=\"javascript:span> {}\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Un", "One"),
        seg("a-2", "Deux", "Two"),
    );
    let (dir, _) = build(&[("fr-FR/a.md", page)]);
    let body = article(dir.path(), "fr-FR/a.html");
    assert!(body.contains("&lt;/=\"javascript:span&gt;"), "{body}");
    let html = Html::parse_fragment(&body);
    for element in html.select(&Selector::parse("*").unwrap()) {
        for (name, value) in element.value().attrs() {
            assert!(
                !value.to_ascii_lowercase().contains("javascript"),
                "{name}={value}"
            );
        }
    }
}

#[test]
fn markdown_links_with_script_urls_are_dropped_without_raw_html() {
    // No raw HTML: the page skips the sanitizer pass, and the renderer drops the URLs.
    let page = format!(
        "{}{} [b](javascript:alert(1)) [c]( JaVaScRiPt:alert(2)) ![i](data:text/html,x) [ok](https://example.com/a:b) [rel](a/b:c.md)\n",
        front("T", "fr-FR", ""),
        seg("a-1", "[x](javascript:alert(3))", "[x](javascript:alert(3))"),
    );
    assert_eq!(
        article_of("fr-FR/a.md", page),
        "<p><span class=\"seg\" data-source=\"x\" tabindex=\"0\">x</span> b c <img alt=\"i\" src=\"\"> <a href=\"https://example.com/a:b\">ok</a> <a href=\"a/b:c.html\">rel</a></p>"
    );
}

#[test]
fn pages_with_only_plain_html_tokens_read_the_same_sanitized_or_not() {
    use locdoc::site::render::{self, Context};
    let text = format!(
        "{}# <a name=\"a-1.x_y:z\"></a>{}\n\nLine<br>break <kbd>Ctrl</kbd> <b>b</b> <sup>2</sup> &amp; <i>i</i> a&nbsp;b\n\n| a | b |\n|---|:-:|\n| {} | `<c>` |\n\n> [!NOTE]\n> n\n",
        front("T", "fr-FR", ""),
        seg("a-1", "Titre « x »", "Title \"x\" & <y>"),
        seg("a-2", "**g**", "**b**"),
    );
    let page = locdoc::Page::parse("c/fr-FR/p.md", text);
    let context = Context {
        root: Path::new("c"),
        xrefs: &|_: &str| None,
        localizer: locdoc::i18n::Localizer::english(),
        html_as_text: false,
    };
    let rendered = render::render_page(&page, &context);
    assert!(rendered.raw_html.is_none());
    // The sanitizer rewrites the column alignment's CSS without the space.
    let direct = Html::parse_fragment(&rendered.html)
        .html()
        .replace("text-align: ", "text-align:");
    let sanitized = Html::parse_fragment(&site::sanitize::clean(&rendered.html)).html();
    assert_eq!(direct, sanitized);
    assert!(render::is_plain_html("<a name=\"x\">"));
    assert!(!render::is_plain_html("<a name=\"x\" onclick=\"y\">"));
    assert!(!render::is_plain_html("<b onclick=1>"));
    assert!(!render::is_plain_html("<script>"));
}

#[test]
fn images_beside_the_pages_are_copied_where_their_links_point() {
    let page = format!(
        "{}{}\n\n![Plan](images/plan.png)\n",
        front("Guide", "fr-FR", ""),
        seg("a1-1", "Bonjour.", "Hello.")
    );
    let dir = common::tempdir();
    let content = dir.path().join("content");
    let image: &[u8] = b"\x89PNG\r\n\x1a\n not really";
    for (path, bytes) in [
        ("fr-FR/guide/page.md", page.as_bytes()),
        ("fr-FR/guide/images/plan.png", image),
        ("fr-FR/guide/.DS_Store", b"x"),
        ("notes.txt", b"below no locale folder"),
    ] {
        let path = content.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let report = site::build(&Options {
        inputs: vec![content],
        out: dir.path().join("site"),
        templates: None,
    })
    .expect("build runs");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.assets, 1);
    let html = Html::parse_document(&read(dir.path(), "fr-FR/guide/page.html"));
    let img = Selector::parse("article.doc img").unwrap();
    let src = html.select(&img).next().expect("an image").attr("src");
    assert_eq!(src, Some("images/plan.png"));
    let site = dir.path().join("site");
    assert_eq!(
        std::fs::read(site.join("fr-FR/guide/images/plan.png")).unwrap(),
        image
    );
    assert!(!site.join("fr-FR/guide/.DS_Store").exists());
    assert!(!site.join("notes.txt").exists());
}

#[test]
fn right_to_left_locales_get_rtl_pages_with_the_english_source_left_to_right() {
    let (dir, report) = build(&[
        (
            "ar-SA/guide.md",
            format!(
                "{}{}\n",
                front("دليل", "ar-SA", ""),
                seg("a1-1", "مرحبا.", "Hello.")
            ),
        ),
        (
            "fr-FR/guide.md",
            format!(
                "{}{}\n",
                front("Guide", "fr-FR", ""),
                seg("a1-1", "Bonjour.", "Hello.")
            ),
        ),
    ]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let root = Selector::parse("html").unwrap();
    let tip = Selector::parse("#seg-tip").unwrap();
    for (page, lang, direction) in [
        ("ar-SA/guide.html", "ar-SA", "rtl"),
        ("fr-FR/guide.html", "fr-FR", "ltr"),
        ("ar-SA/_index.html", "ar-SA", "rtl"),
    ] {
        let html = Html::parse_document(&read(dir.path(), page));
        let element = html.select(&root).next().unwrap().value();
        assert_eq!(element.attr("lang"), Some(lang), "{page}");
        assert_eq!(element.attr("dir"), Some(direction), "{page}");
    }
    let html = Html::parse_document(&read(dir.path(), "ar-SA/guide.html"));
    let tip = html
        .select(&tip)
        .next()
        .expect("the source tooltip")
        .value();
    assert_eq!(
        (tip.attr("lang"), tip.attr("dir")),
        (Some("en"), Some("ltr"))
    );
    // Without an Arabic catalogue the chrome is English: its elements say so and run left
    // to right inside the right-to-left page; the French chrome is French.
    let chrome = Selector::parse("header.site-header, p.mt-notice, h1").unwrap();
    for (page, expected) in [
        ("ar-SA/guide.html", &[("en-US", "ltr"); 2][..]),
        ("fr-FR/guide.html", &[("fr-FR", "ltr"); 2][..]),
        ("ar-SA/_index.html", &[("en-US", "ltr"); 2][..]),
    ] {
        let html = Html::parse_document(&read(dir.path(), page));
        let found: Vec<(&str, &str)> = html
            .select(&chrome)
            .filter_map(|e| Some((e.value().attr("lang")?, e.value().attr("dir")?)))
            .collect();
        assert_eq!(found, expected, "{page}");
    }
    let html = Html::parse_document(&read(dir.path(), "ar-SA/_dashboard.html"));
    let element = html.select(&root).next().unwrap().value();
    assert_eq!(
        (element.attr("lang"), element.attr("dir")),
        (Some("en-US"), Some("ltr"))
    );
}

#[test]
fn locales_without_a_catalogue_are_named_in_their_own_language() {
    let page = |locale: &str| {
        (
            format!("{locale}/guide.md"),
            format!("{}{}\n", front("T", locale, ""), seg("a1-1", "x", "Hello.")),
        )
    };
    let files: Vec<(String, String)> = [
        "fr-FR",
        "ja-JP",
        "pt-BR",
        "pt-pt",
        "sr-Cyrl-RS",
        "sr-Latn-RS",
        "zh-TW",
    ]
    .into_iter()
    .map(page)
    .collect();
    let files: Vec<(&str, String)> = files.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
    let (dir, report) = build(&files);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let switcher = Selector::parse("nav.switcher a").unwrap();
    let html = Html::parse_document(&read(dir.path(), "fr-FR/guide.html"));
    let links: Vec<String> = html.select(&switcher).map(|a| a.inner_html()).collect();
    // Two Portuguese locales are told apart by their region, in its conventional case
    // whatever the folder's; Serbian in two scripts by the script its name is written in.
    assert_eq!(
        links,
        [
            "日本語",
            "Português (BR)",
            "Português (PT)",
            "Српски",
            "Srpski",
            "中文"
        ]
    );
}

#[test]
fn lowercase_locale_folders_get_their_language_and_spelled_out_machine_translation_is_noticed() {
    let page = |title: &str, locale: &str, kind: &str, text: &str| {
        format!(
            "---\ntitle: {title}\nms.contentlocale: {locale}\nms.translationtype: {kind}\n---\n{}\n",
            seg("a1-1", text, "Hello.")
        )
    };
    let (dir, report) = build(&[
        (
            "fr-fr/guide.md",
            page("Guide", "fr-fr", "Machine Translation", "Bonjour."),
        ),
        ("nl-nl/guide.md", page("Gids", "nl-nl", "HT", "Hallo.")),
    ]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let switcher = Selector::parse("nav.switcher a").unwrap();
    let notice = Selector::parse("p.mt-notice").unwrap();
    let fr = Html::parse_document(&read(dir.path(), "fr-fr/guide.html"));
    let links: Vec<String> = fr.select(&switcher).map(|a| a.inner_html()).collect();
    assert_eq!(links, ["Nederlands"]);
    assert_eq!(fr.select(&notice).count(), 1);
    let nl = Html::parse_document(&read(dir.path(), "nl-nl/guide.html"));
    let links: Vec<String> = nl.select(&switcher).map(|a| a.inner_html()).collect();
    assert_eq!(links, ["Français"]);
    assert_eq!(nl.select(&notice).count(), 0);
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_listed_is_reported_once_and_the_rest_is_built() {
    let page = format!(
        "{}{}\n",
        front("Guide", "fr-FR", ""),
        seg("a1-1", "Bonjour.", "Hello.")
    );
    let dir = common::tempdir();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("fr-FR/guide")).unwrap();
    std::fs::write(content.join("fr-FR/guide/page.md"), page).unwrap();
    // A link back to its own parent: a loop the walk must not follow.
    std::os::unix::fs::symlink("..", content.join("fr-FR/guide/loop")).unwrap();
    let report = site::build(&Options {
        inputs: vec![content],
        out: dir.path().join("site"),
        templates: None,
    })
    .expect("build runs");
    let errors: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("loop"), "{errors:?}");
    assert_eq!(report.pages, 1);
}

#[test]
fn a_site_folder_inside_the_content_is_refused() {
    let dir = common::tempdir();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("fr-FR")).unwrap();
    let result = site::build(&Options {
        inputs: vec![content.clone()],
        out: content.join("site"),
        templates: None,
    });
    assert!(
        matches!(result, Err(BuildError::Usage(_))),
        "{result:?} should refuse the output"
    );
    assert!(!content.join("site").exists());
}

#[test]
fn templates_are_replaced_by_file_name() {
    let dir = common::tempdir();
    let content = dir.path().join("content/fr-FR");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("a.md"),
        format!(
            "{}{}\n",
            front("Mon <titre>", "fr-FR", ""),
            seg("a-1", "x", "y")
        ),
    )
    .unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("page.html"), "[{{ title }}|{{ lang }}]").unwrap();
    let report = site::build(&Options {
        inputs: vec![dir.path().join("content")],
        out: dir.path().join("site"),
        templates: Some(templates),
    })
    .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(
        read(dir.path(), "fr-FR/a.html"),
        "[Mon &lt;titre&gt;|fr-FR]"
    );
    // The others stay built in.
    assert!(read(dir.path(), "index.html").contains("<!DOCTYPE html>"));
}

#[test]
fn the_seed_pages_build_with_switcher_notice_and_dashboard() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let dir = common::tempdir();
    let report = site::build(&Options {
        inputs: vec![content],
        out: dir.path().join("site"),
        templates: None,
    })
    .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.pages, 2);
    let counts: Vec<(&str, usize, usize)> = report
        .locales
        .iter()
        .map(|l| (l.locale.as_str(), l.pages, l.segments))
        .collect();
    assert_eq!(counts, vec![("fr-FR", 1, 33), ("nl-NL", 1, 33)]);
    // The include names a file outside content/, in each locale, at line 28.
    let lines: Vec<usize> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![28, 28]);
    let name = "troubleshoot-onboarding-error-messages.html";
    let html = Html::parse_document(&read(dir.path(), &format!("fr-FR/{name}")));
    let title = Selector::parse("title").unwrap();
    assert_eq!(
        html.select(&title).next().unwrap().inner_html(),
        "Résoudre les problèmes d’intégration et les messages d’erreur"
    );
    let switcher = Selector::parse("nav.switcher a").unwrap();
    let links: Vec<(&str, String)> = html
        .select(&switcher)
        .map(|a| (a.value().attr("href").unwrap(), a.inner_html()))
        .collect();
    assert_eq!(
        links,
        vec![(
            "../nl-NL/troubleshoot-onboarding-error-messages.html",
            "Nederlands".to_owned()
        )]
    );
    let notice = Selector::parse("p.mt-notice").unwrap();
    assert!(html
        .select(&notice)
        .next()
        .unwrap()
        .inner_html()
        .starts_with("Cette page a été traduite automatiquement."));
    let segs = Selector::parse("span.seg[tabindex=\"0\"][data-source]").unwrap();
    assert_eq!(html.select(&segs).count(), 33);
    // The seeds come from different English commits: the dashboard lists the page.
    assert_eq!(report.stale, 1);
    let dashboard = read(dir.path(), "nl-NL/_dashboard.html");
    assert!(dashboard.contains("Pagina&#x27;s vertaald vanuit verschillende Engelse commits"));
    assert!(dashboard.contains("troubleshoot-onboarding-error-messages.md"));
    let root = read(dir.path(), "index.html");
    assert!(root.contains("Français") && root.contains("Nederlands"));
}

#[test]
fn a_corpus_set_builds_every_page() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let inputs: Vec<PathBuf> = ["fr-FR", "nl-NL"]
        .iter()
        .map(|l| corpus.join("hololens").join(l).join("sxs"))
        .collect();
    let expected: usize = inputs.iter().map(|i| common::pages_below(i).len()).sum();
    let dir = common::tempdir();
    let report = site::build(&Options {
        inputs,
        out: dir.path().join("site"),
        templates: None,
    })
    .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.pages, expected);
    common::eprintln_figure(&format!(
        "hololens: {} pages, {} problems, {} with differing commits",
        report.pages,
        report.problems.len(),
        report.stale
    ));
}

#[test]
fn no_loc_marks_show_their_words() {
    // AspNetCore.Docs ko-KR docker-https.md, c149c-114.
    let page = format!(
        "{}{}\n",
        front("T", "ko-KR", ""),
        seg(
            "c149c-114",
            "[:::no-loc(Let's Encrypt):::](https://letsencrypt.org/) 는 무료 인증서를 제공 하는 인증 기관입니다.",
            "[:::no-loc(Let's Encrypt):::](https://letsencrypt.org/) is a certificate authority."
        ),
    );
    let (dir, report) = build(&[("ko-KR/a.md", page)]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(
        article(dir.path(), "ko-KR/a.html"),
        "<p><span class=\"seg\" data-source=\"Let's Encrypt is a certificate authority.\" tabindex=\"0\"><a href=\"https://letsencrypt.org/\">Let's Encrypt</a> 는 무료 인증서를 제공 하는 인증 기관입니다.</span></p>"
    );
}

#[test]
fn version_and_pivot_blocks_show_all_their_content_labelled() {
    // AspNetCore.Docs: a pivot zone around a version block.
    let page = format!(
        "{}::: zone pivot=\"webassembly\"\n\n::: moniker range=\">= aspnetcore-5.0\"\n\n{}\n\n::: moniker-end\n\n::: zone-end\n",
        front("T", "es-ES", ""),
        seg("55009-135", "Seleccione **Nuevo registro**.", "Select **New registration**."),
    );
    let (dir, report) = build(&[("es-ES/a.md", page)]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(
        article(dir.path(), "es-ES/a.html"),
        "<div class=\"zone\" data-pivot=\"webassembly\">\n<div class=\"moniker\" data-moniker=\"&gt;= aspnetcore-5.0\">\n<p><span class=\"seg\" data-source=\"Select New registration.\" tabindex=\"0\">Seleccione <strong>Nuevo registro</strong>.</span></p>\n</div>\n</div>"
    );
}

#[test]
fn tilde_paths_start_at_the_doc_set_folder_that_has_the_file() {
    // dotnet docs pt-BR lock-statement.md: `~/includes/…` from a page two folders down.
    let page = format!(
        "{}{}\n\n[!INCLUDE[spec](~/includes/spec.md)]\n\n[!INCLUDE[none](~/includes/none.md)]\n",
        front("T", "pt-BR", ""),
        seg("a-1", "Texto.", "Text."),
    );
    let (dir, report) = build(&[
        ("pt-BR/docs/csharp/lock.md", page),
        ("pt-BR/includes/spec.md", "Especificação.\n".to_owned()),
    ]);
    let html = article(dir.path(), "pt-BR/docs/csharp/lock.html");
    assert!(html.contains("<p>Especificação.</p>"), "{html}");
    // A file no folder has is reported, once.
    let targets: Vec<String> = report.problems.iter().map(|p| p.kind.to_string()).collect();
    assert_eq!(targets.len(), 1, "{targets:?}");
    assert!(
        targets[0].contains("`~/includes/none.md` cannot be read"),
        "{targets:?}"
    );
}

#[test]
fn clones_of_one_repository_per_locale_build_by_their_front_matter_locale() {
    let dir = common::tempdir();
    let mut inputs = Vec::new();
    for (repo, locale, text) in [
        ("docs.fr-fr", "fr-FR", "Bonjour."),
        ("docs.nl-nl", "nl-NL", "Hallo."),
    ] {
        let page = format!(
            "{}{}\n",
            front("Guide", locale, ""),
            seg("a1-1", text, "Hello.")
        );
        let path = dir.path().join(repo).join("articles/guide.md");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, page).unwrap();
        inputs.push(dir.path().join(repo));
    }
    let report = site::build(&Options {
        inputs,
        out: dir.path().join("site"),
        templates: None,
    })
    .expect("build runs");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert!(report.unplaced.is_empty(), "{:?}", report.unplaced);
    assert_eq!(report.pages, 2);
    let html = Html::parse_document(&read(dir.path(), "fr-FR/articles/guide.html"));
    let switch = Selector::parse("a[hreflang]").unwrap();
    let links: Vec<(&str, &str)> = html
        .select(&switch)
        .filter_map(|a| Some((a.attr("hreflang")?, a.attr("href")?)))
        .collect();
    assert_eq!(links, [("nl-NL", "../../nl-NL/articles/guide.html")]);
}

/// A site page's article as a tree with the segment spans unwrapped: tags, their attributes
/// sorted (the English source and heading ids left out) and text.
fn article_without_segments(file: &Path) -> String {
    fn walk(element: scraper::ElementRef<'_>, out: &mut String) {
        for child in element.children() {
            if let Some(text) = child.value().as_text() {
                out.push_str(text);
                continue;
            }
            let Some(child) = scraper::ElementRef::wrap(child) else {
                continue;
            };
            let tag = child.value();
            if tag.name() == "span" && tag.classes().any(|c| c == "seg" || c == "seg-cont") {
                walk(child, out);
                continue;
            }
            // Heading ids come from the English source in an sxs page (so that the page's
            // `#fragment` links work) and from the translation in a clean one.
            let heading = matches!(tag.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
            let mut attrs: Vec<(&str, &str)> = tag
                .attrs()
                .filter(|(name, _)| *name != "data-source" && !(heading && *name == "id"))
                .collect();
            attrs.sort();
            out.push_str(&format!("<{}{attrs:?}>", tag.name()));
            walk(child, out);
            out.push_str(&format!("</{}>", tag.name()));
        }
    }
    let html = Html::parse_document(&std::fs::read_to_string(file).expect("page written"));
    let selector = Selector::parse("article.doc").unwrap();
    let mut out = String::new();
    if let Some(article) = html.select(&selector).next() {
        walk(article, &mut out);
    }
    out
}

#[test]
fn an_sxs_tree_builds_the_site_its_publishers_clean_pages_build() {
    // Each page built from its sxs version reads, segment spans aside, as the same page built
    // from the publisher's clean version, wherever regen writes that clean version byte for
    // byte: the segment marks change nothing of how Markdown reads the page.
    let Some(corpus) = common::corpus() else {
        return;
    };
    // Where the marks still change the reading: a closing `*` after punctuation at a
    // segment's end reads as able to open as well when the mark, not the line end, follows
    // it, and CommonMark's rule of three then leaves `**…*` unmatched.
    const KNOWN: &[&str] = &["microsoft-365/lti/teams-classes-with-blackboard.md"];
    let tree = corpus.join("m365").join("nl-NL");
    let dir = common::tempdir();
    for side in ["sxs", "live"] {
        let report = site::build(&Options {
            inputs: vec![tree.join(side)],
            out: dir.path().join(side),
            templates: None,
        })
        .unwrap();
        assert!(report.errors.is_empty(), "{:?}", report.errors);
    }
    let (mut same, mut differ) = (0, Vec::new());
    for sxs in common::pages_below(&tree.join("sxs")) {
        let rel = sxs.strip_prefix(tree.join("sxs")).unwrap();
        let Ok(live) = std::fs::read_to_string(tree.join("live").join(rel)) else {
            continue;
        };
        let page = locdoc::Page::read(&sxs).unwrap();
        let mut regen = String::new();
        locdoc::regen::render(&page, locdoc::regen::Side::Translation, &mut regen);
        let rel = locdoc::files::slash_path(rel);
        if regen != live || KNOWN.contains(&rel.as_str()) {
            continue;
        }
        let html = rel.replace(".md", ".html");
        let built = |side: &str| {
            let file = dir.path().join(side).join("nl-NL").join(side).join(&html);
            article_without_segments(&file).replace("/live/", "/sxs/")
        };
        if built("sxs") == built("live") {
            same += 1;
        } else {
            differ.push(rel);
        }
    }
    assert!(differ.is_empty(), "built differently: {differ:?}");
    assert!(same > 1300, "{same} pages compared");
    common::eprintln_figure(&format!(
        "m365 nl-NL: {same} pages build as their clean version"
    ));
}
