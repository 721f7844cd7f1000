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
diag-front-matter-unclosed = front matter opened with `---` is never closed; the page is read as having none
diag-front-matter-not-mapping = front matter is YAML but not a mapping of keys to values
diag-front-matter-invalid = front matter is not valid YAML: { $detail }

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
item-changed = { $what } `{ $value }` of the source is written `{ $written }` in the translation

## Findings

finding-duplicate-segment-id = segment id `{ $id }` is already used at line { $line }
finding-fragment-link = no heading or anchor of this page is `#{ $fragment }`
finding-empty-translation = the translation is empty
finding-untranslated = the translation is the English source, unchanged
finding-no-front-matter = page has segments but no front matter
finding-no-content-locale = front matter has no `ms.contentlocale`
finding-locale-mismatch = `ms.contentlocale: { $locale }` but the page is in locale folder `{ $folder }`
finding-identifier-changed = `{ $name }` is written `{ $written }` in the translation
finding-identifier-missing = `{ $name }` of the source is missing from the translation
finding-markup = { $detail } ({ $code })
finding-whitespace-leading-added = the translation adds leading white space
finding-whitespace-leading-lost = the translation loses the source's leading white space
finding-whitespace-trailing-added = the translation adds trailing white space
finding-whitespace-trailing-lost = the translation loses the source's trailing white space
finding-whitespace-doubled = the translation has doubled spaces the source does not
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

summary-findings = { $total } findings ({ $errors } errors, { $warnings } warnings, { $infos } info) in { $pages } pages, { $segments } segments
summary-baselined = { $count ->
        [one] 1 finding
       *[other] { $count } findings
    } of the baseline left out
