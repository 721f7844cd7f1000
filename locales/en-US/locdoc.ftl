# locdoc's own messages, en-US: the reference catalogue. Every other locale has the same
# message ids with the same variables (a test checks).

## Parser diagnostics

diag-lookup-without-source = the `sxs-lookup` span of segment `{ $id }` holds no `<span data-stu-id>`; kept as it is
diag-source-unclosed = the source span of segment `{ $id }` is not closed by `</span></span>`; kept as it is
diag-at-column = column { $column }
diag-at-line-column = { $line }:{ $column }
diag-nested-segment = another segment span opens inside the translation of segment `{ $id }` (at { $at }); the outer one is kept as it is
diag-missing-lookup = translation span `{ $id }` is not followed by its `<span class="sxs-lookup">` twin; kept as it is
diag-translation-unclosed = translation span `{ $id }` is never closed; kept as it is
diag-entity-escaped = segment `{ $id }` has its markup quotes written as `&quot;`; read as a segment anyway
diag-mismatched-ids = translation id `{ $ttu }` and source id `{ $stu }` differ
diag-multiline-segment = segment `{ $id }` runs over more than one line
diag-spaced-markup = segment `{ $id }` has white space between its span tags; read as a segment anyway
diag-unread-markup = `{ $attribute }` outside any segment markup locdoc can read (a `<span>` open tag with its `sxs-lookup` twin); kept as it is
diag-orphan-source = source span without a translation span before it; kept as it is
diag-front-matter-unclosed = front matter opened with `---` is never closed; the page is read as having none
diag-front-matter-not-mapping = front matter is YAML but not a mapping of keys to values
diag-front-matter-invalid = front matter is not valid YAML: { $detail }
diag-front-matter-too-nested = front matter opens more than { $limit } `[` or `{"{"}` collections, too many to read in reasonable time; its keys are not read
diag-front-matter-translated = front matter `{ $key }` is kept as the translated page has it: no segment gives its English; write that in by hand
notes-hidden = { $count ->
    [one] 1 note not shown (-v shows it)
   *[other] { $count } notes not shown (-v shows them)
}

## Inline items that rules compare

item-code-span = code span
item-docfx-marker = DocFX marker
item-bold = bold span
item-italic = italic span
item-html-tag = HTML tag
item-link-destination = link destination
item-cross-reference = cross-reference
item-number = number
item-missing = { $what } `{ $value }` of the source is missing from the translation
item-extra = the translation has { $what } `{ $value }`, which the source does not
finding-emphasis-unread = bold span `{ $value }` of the source has `**` in the translation that Markdown does not read as bold: one touches punctuation on the wrong side, or its pair is lost; fix the markers
item-changed = { $what } `{ $value }` of the source is written `{ $written }` in the translation

## Findings

finding-conflict-marker = a merge conflict is left here, up to line { $last }: keep one side and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines
finding-tool-markup = `{ $mark }` is markup of the translation tools left in the text: restore the Markdown it stands for and delete it
finding-conflict-marker-stray = a merge conflict marker line is left here: resolve the conflict and delete it
finding-duplicate-segment-id = segment id `{ $id }` is already used at line { $line }
finding-fragment-link = no heading or anchor of this page is `#{ $fragment }`
finding-number-split = the translation splits number `{ $value }` off `{ $name }`, the name the source writes it in
finding-empty-translation = the translation is empty
finding-untranslated = the translation is the English source, unchanged
finding-no-front-matter = page has segments but no front matter
finding-no-content-locale = front matter has no `ms.contentlocale`
finding-locale-mismatch = `ms.contentlocale: { $locale }` but the page is in locale folder `{ $folder }`
finding-identifier-changed = `{ $name }` is written `{ $written }` in the translation
finding-identifier-missing = `{ $name }` of the source is missing from the translation
finding-skeleton-mismatch = skeleton differs from { $locale } ({ $place }): `{ $here }` here, `{ $there }` there
finding-source-mismatch = segment { $number } has source `{ $here }` here but `{ $there }` in { $locale } ({ $page }): the pages were translated from different English versions ({ $locale } ms.sourcegitcommit { $commit }, { $own_locale } ms.sourcegitcommit { $own_commit }){ $others ->
        [0] {""}
        [one] ; 1 more segment differs
       *[other] ; { $others } more segments differ
    }
finding-missing-locale-page = `{ $page }` is in { $present } but not in { $missing } among the inputs; translate it or remove the other versions
finding-inconsistent-translation = `{ $source }` is translated `{ $other }` at { $place }; use one translation
finding-french-space-plain = an ordinary space before `{ $mark }`; French typography wants a no-break space (U+00A0 or U+202F)
finding-french-space-missing = no space before `{ $mark }`; French typography wants a no-break space (U+00A0 or U+202F)
finding-french-guillemet = an ordinary space inside `{ $mark }`; French typography wants a no-break space (U+00A0 or U+202F)
finding-markup = { $detail } ({ $code })
finding-whitespace-leading-added = the translation adds leading white space
finding-whitespace-leading-lost = the translation loses the source's leading white space
finding-whitespace-trailing-added = the translation adds trailing white space
finding-whitespace-trailing-lost = the translation loses the source's trailing white space
finding-whitespace-doubled = the translation has doubled spaces the source does not
finding-whitespace-break-in-row = the translation breaks the line inside a table row: the row ends here and the table breaks
finding-whitespace-break-in-heading = the translation breaks the line inside a heading: the heading ends here
finding-escape-missing =
    { $count ->
        [1] `{ $value }`
       *[other] { $count } × `{ $value }`
    } of the source missing from the translation
finding-escape-added =
    { $count ->
        [1] `{ $value }`
       *[other] { $count } × `{ $value }`
    } added by the translation

## Human report

report-segment-in = segment { $id } ({ $locale })
report-segment = segment { $id }
report-page-in = page ({ $locale })
report-page = page
report-long-line = at { $place } (a long line, shown in part)
report-source = source:
report-translation = translation:

## Summaries

summary-findings = { $total ->
        [one] 1 finding
       *[other] { $total } findings
    } ({ $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $infos } info) in { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }, { $segments ->
        [one] 1 segment
       *[other] { $segments } segments
    }
summary-baselined = { $count ->
        [one] 1 finding
       *[other] { $count } findings
    } of the baseline left out

## Command line

cli-error = error: { $message }
cli-unlisted = note: { $path } has { $count } more findings than the { $listed } listed
rules-off-by-default = {" "}(off unless locdoc.toml turns it on)
cli-warning = warning: { $message }
cli-no-rule = error: no rule `{ $rule }`; `locdoc rules` lists them
cli-explain-diagnostic = A diagnostic of the page reader; `check` reports it under rule `{ $rule }`:
cli-explain-note = A note of the page reader, shown with `-v`; `check` does not report it.
cli-export-targets = error: export: give one --target-lang, or --out-dir DIR for one file per locale
cli-unwritable = error: cannot write the { $what ->
        [extract] extract
        [export] export
       *[alignment] alignment
    }: { $message }
cli-not-applied = not applied: { $reason }
cli-outside-locales = note: { $path } is below no locale folder and has no ms.contentlocale; it is left out of the site
cli-unpaired = note: { $path } is below no locale folder or --locale-root and has no ms.contentlocale; it pairs with nothing
summary-regen = regen: wrote { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } ({ $segments ->
        [one] 1 segment
       *[other] { $segments } segments
    }) to { $out }
summary-align = align: { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }, { $rows ->
        [one] 1 row
       *[other] { $rows } rows
    }
summary-export-file = export: { $locale }: { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }, { $segments ->
        [one] 1 segment
       *[other] { $segments } segments
    } in { $path }
summary-export = export: { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }, { $segments ->
        [one] 1 segment
       *[other] { $segments } segments
    } ({ $skipped ->
        [one] 1 page of another locale skipped
       *[other] { $skipped } pages of other locales skipped
    })
summary-import = import: { $units ->
        [one] 1 unit
       *[other] { $units } units
    }, { $applied } applied ({ $changed } changed) in { $pages ->
        [one] 1 page written
       *[other] { $pages } pages written
    }, { $skipped } not applied
summary-build-locale = build: { $locale }: { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }, { $segments ->
        [one] 1 segment
       *[other] { $segments } segments
    }, { $findings ->
        [one] 1 finding
       *[other] { $findings } findings
    }
summary-build = build: wrote { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } and { $assets ->
        [one] 1 other file
       *[other] { $assets } other files
    } to { $out } ({ $include_errors } include errors, { $xrefs } unresolved xrefs, { $stale ->
        [one] 1 page
       *[other] { $stale } pages
    } with differing source commits)

## Help texts of the command line (help-COMMAND, help-COMMAND-ARGUMENT)

help-locdoc = Read, check and regenerate side-by-side localized documentation pages.
help-locdoc-lang = Language of messages and help (en-US, fr-FR, nl-NL) [default: from LC_ALL, LC_MESSAGES or LANG]
help-check = Check every segment and page below INPUTS with the translation QA rules.
help-check-inputs = Pages or folders of pages [default: content]
help-check-format = Report format
help-check-output = Write the report to this file (atomically) instead of standard output
help-check-color = Colour in human output [default: auto: when standard output is a terminal and NO_COLOR is unset]
help-check-config = Configuration file [default: locdoc.toml in the working directory or above]
help-check-baseline = Report only findings that are not in this baseline file
help-check-write_baseline = Record the findings of this run in this baseline file
help-check-changed_since = Check only pages git reports changed since REV, and their twins in other locales
help-check-files_from = Read the pages to check from FILE, one path per line (`-`: standard input)
help-check-shard = Check only shard K of N, a stable part of the pages (all locales of a page together)
help-check-quiet = No progress bar
help-rules = List the rules with their id, default severity and summary.
help-explain = Print the documentation of one rule.
help-explain-rule = A rule id, as `locdoc rules` lists them
help-regen = Write the clean page of every sxs page below INPUTS to the same relative path under --out.
help-regen-inputs = Pages or folders of pages [default: content]
help-regen-out = Output folder; must not be, or lie inside, an input
help-regen-source = Write the recovered English page instead of the translation
help-regen-verbose = Also print informational diagnostics
help-extract = Print every segment with page, locale, id, line, column, source and translation.
help-extract-inputs = Pages or folders of pages [default: content]
help-extract-format = Output format
help-extract-output = Write to this file instead of standard output
help-align = Pair every page with its versions in the other locales and print one row per source segment with each locale's translation.
help-align-inputs = Pages or folders of pages in several locales [default: content]
help-align-format = Output format
help-align-locale_root = The folder of one locale's pages, as LOCALE=DIR, where the locale folder is not right above the shared paths (repeat for each locale)
help-align-output = Write to this file instead of standard output
help-export = Write every segment of one locale's pages as TMX, XLIFF or PO for translators.
help-export-inputs = Pages or folders of pages [default: content]
help-export-format = Output format
help-export-target_lang = The locale whose pages are exported (pages of other locales are skipped); with --out-dir, repeat it to name several
help-export-source_lang = The language of the source text
help-export-output = Write to this file instead of standard output
help-export-out_dir = Write one file per locale into this folder (fr-FR.xliff…): every locale found, or those named by --target-lang
help-import = Write the translations of an XLIFF or PO file back into the segments they came from.
help-import-file = An XLIFF 2 (.xlf, .xliff) or PO (.po) file, as `export` writes them
help-import-into = The pages to update: the same inputs as given to `export`
help-build = Build a static HTML site of the pages below CONTENT: each translated segment shows its English source, with a language switcher, an index per locale and a translation dashboard.
help-build-content = Content folders (or pages) in several locales [default: content]
help-build-out = Site folder; must not be, or lie inside, the content
help-build-templates = A folder of templates (page.html, base.html, site.css…) replacing the built-in ones of the same name

## The site that `build` writes
site-language-name = English
site-nav = Site
site-home = All languages
site-index-link = Pages
site-dashboard-link = Translation dashboard
site-switcher = Other languages
site-show-source = Show the English text
site-show-translation = Show the translation
site-hint = Hover over or focus a sentence to see its English source.
site-mt-notice = This page was translated by machine. Hover over or focus a sentence to see the English original.
site-root-title = Localized documentation
site-index-title = Pages in { $language }
site-page-count = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
site-dashboard-locale = Language
site-dashboard-pages = Pages
site-dashboard-segments = Segments
site-dashboard-findings = Findings
site-dashboard-by-rule = Findings by rule
site-dashboard-rule = Rule
site-dashboard-commits = Pages translated from different English commits
site-dashboard-no-commits = Every page is translated from the same English commit in all languages.
site-dashboard-page = Page
site-alert-note = Note
site-alert-tip = Tip
site-alert-important = Important
site-alert-caution = Caution
site-video = Video
site-alert-warning = Warning
site-include-error = The included file { $path } could not be shown.
