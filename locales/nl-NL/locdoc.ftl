# Meldingen van locdoc, nl-NL. Dezelfde id's en variabelen als en-US (een test controleert dat).

## Meldingen van de parser

diag-lookup-without-source = de `sxs-lookup`-span van segment `{ $id }` bevat geen `<span data-stu-id>`; ongewijzigd gelaten
diag-source-unclosed = de bronspan van segment `{ $id }` wordt niet gesloten door `</span></span>`; ongewijzigd gelaten
diag-at-column = kolom { $column }
diag-at-line-column = { $line }:{ $column }
diag-nested-segment = een andere segmentspan begint binnen de vertaling van segment `{ $id }` (op { $at }); het buitenste segment is ongewijzigd gelaten
diag-missing-lookup = vertaalspan `{ $id }` wordt niet gevolgd door zijn `<span class="sxs-lookup">`-tweeling; ongewijzigd gelaten
diag-translation-unclosed = vertaalspan `{ $id }` wordt nooit gesloten; ongewijzigd gelaten
diag-entity-escaped = segment `{ $id }` schrijft de aanhalingstekens van zijn opmaak als `&quot;`; toch als segment gelezen
diag-mismatched-ids = vertaal-id `{ $ttu }` en bron-id `{ $stu }` verschillen
diag-multiline-segment = segment `{ $id }` loopt over meer dan één regel
diag-spaced-markup = segment `{ $id }` heeft witruimte tussen zijn span-tags; toch als segment gelezen
diag-unread-markup = `{ $attribute }` buiten segmentopmaak die locdoc kan lezen (een openingstag `<span>` met zijn tweeling `sxs-lookup`); ongewijzigd gelaten
diag-orphan-source = bronspan zonder vertaalspan ervoor; ongewijzigd gelaten
diag-front-matter-unclosed = de met `---` geopende kop wordt nooit gesloten; de pagina wordt gelezen alsof ze geen kop heeft
diag-front-matter-not-mapping = de kop is YAML maar geen tabel van sleutels en waarden
diag-front-matter-invalid = de kop is geen geldige YAML: { $detail }
diag-front-matter-too-nested = de kop opent meer dan { $limit } verzamelingen met `[` of `{"{"}`, te veel om in redelijke tijd te lezen; de sleutels ervan worden niet gelezen
diag-front-matter-translated = sleutel `{ $key }` van de kop blijft zoals de vertaalde pagina hem schrijft: geen segment geeft het Engels ervan; vul dat zelf in
notes-hidden = { $count ->
    [one] 1 opmerking niet getoond (-v toont hem)
   *[other] { $count } opmerkingen niet getoond (-v toont ze)
}

## Inline-elementen die regels vergelijken

item-code-span = codefragment
item-docfx-marker = DocFX-markering
item-bold = vetgedrukt stuk
item-italic = cursief stuk
item-html-tag = HTML-tag
item-link-destination = linkbestemming
item-cross-reference = kruisverwijzing
item-number = getal
item-missing = ontbreekt in de vertaling: { $what } `{ $value }` uit de bron
item-extra = extra in de vertaling: { $what } `{ $value }`, niet in de bron
finding-emphasis-unread = vet `{ $value }` uit de bron heeft `**` in de vertaling die Markdown niet als vet leest: één raakt een leesteken aan de verkeerde kant, of het paar is kwijt; herstel de markeringen
item-changed = { $what } `{ $value }` uit de bron staat als `{ $written }` in de vertaling

## Bevindingen

finding-conflict-marker = hier is een samenvoegconflict blijven staan, tot regel { $last }: houd één kant en verwijder de regels `<<<<<<<`, `=======` en `>>>>>>>`
finding-tool-markup = `{ $mark }` is opmaak van de vertaalhulpmiddelen die in de tekst is blijven staan: herstel de Markdown waarvoor deze staat en verwijder deze
finding-conflict-marker-stray = hier is een regel met een conflictmarkering blijven staan: los het conflict op en verwijder de regel
finding-duplicate-segment-id = segment-id `{ $id }` wordt al gebruikt op regel { $line }
finding-fragment-link = geen kop of anker van deze pagina is `#{ $fragment }`
finding-number-split = de vertaling maakt getal `{ $value }` los van `{ $name }`, de naam waar het in de bron deel van is
finding-empty-translation = de vertaling is leeg
finding-untranslated = de vertaling is de Engelse bron, ongewijzigd
finding-no-front-matter = de pagina heeft segmenten maar geen kop
finding-no-content-locale = de kop heeft geen `ms.contentlocale`
finding-locale-mismatch = `ms.contentlocale: { $locale }` maar de pagina staat in taalmap `{ $folder }`
finding-identifier-changed = `{ $name }` staat als `{ $written }` in de vertaling
finding-identifier-missing = `{ $name }` uit de bron ontbreekt in de vertaling
finding-skeleton-mismatch = skelet verschilt van { $locale } ({ $place }): `{ $here }` hier, `{ $there }` daar
finding-source-mismatch = segment { $number } heeft bron `{ $here }` hier maar `{ $there }` in { $locale } ({ $page }): de pagina's zijn vertaald vanuit verschillende Engelse versies ({ $locale } ms.sourcegitcommit { $commit }, { $own_locale } ms.sourcegitcommit { $own_commit }){ $others ->
        [0] {""}
        [one] ; nog 1 segment verschilt
       *[other] ; nog { $others } segmenten verschillen
    }
finding-missing-locale-page = `{ $page }` bestaat in { $present } maar niet in { $missing } onder de invoer; vertaal de pagina of verwijder de andere versies
finding-inconsistent-translation = `{ $source }` is vertaald als `{ $other }` op { $place }; gebruik één vertaling
finding-french-space-plain = gewone spatie voor `{ $mark }`; de Franse typografie vraagt een vaste spatie (U+00A0 of U+202F)
finding-french-space-missing = geen spatie voor `{ $mark }`; de Franse typografie vraagt een vaste spatie (U+00A0 of U+202F)
finding-french-guillemet = gewone spatie binnen `{ $mark }`; de Franse typografie vraagt een vaste spatie (U+00A0 of U+202F)
finding-markup = { $detail } ({ $code })
finding-whitespace-leading-added = de vertaling voegt witruimte aan het begin toe
finding-whitespace-leading-lost = de vertaling verliest de witruimte aan het begin van de bron
finding-whitespace-trailing-added = de vertaling voegt witruimte aan het eind toe
finding-whitespace-trailing-lost = de vertaling verliest de witruimte aan het eind van de bron
finding-whitespace-doubled = de vertaling heeft dubbele spaties die de bron niet heeft
finding-whitespace-break-in-row = de vertaling breekt de regel binnen een tabelrij af: de rij eindigt hier en de tabel breekt
finding-whitespace-break-in-heading = de vertaling breekt de regel binnen een kop af: de kop eindigt hier
finding-escape-missing =
    { $count ->
        [1] `{ $value }`
       *[other] { $count } × `{ $value }`
    } uit de bron ontbreekt in de vertaling
finding-escape-added =
    { $count ->
        [1] `{ $value }`
       *[other] { $count } × `{ $value }`
    } toegevoegd door de vertaling

## Leesbaar rapport

report-segment-in = segment { $id } ({ $locale })
report-segment = segment { $id }
report-page-in = pagina ({ $locale })
report-page = pagina
report-long-line = op { $place } (lange regel, deels getoond)
report-source = bron:
report-translation = vertaling:

## Samenvattingen

summary-findings = { $total ->
        [one] 1 bevinding
       *[other] { $total } bevindingen
    } ({ $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    }, { $infos } info) in { $pages ->
        [one] 1 pagina
       *[other] { $pages } pagina's
    }, { $segments ->
        [one] 1 segment
       *[other] { $segments } segmenten
    }
summary-baselined = { $count ->
        [one] 1 bevinding
       *[other] { $count } bevindingen
    } uit de basislijn weggelaten

## Opdrachtregel

cli-error = fout: { $message }
cli-unlisted = opmerking: { $path } heeft { $count } bevindingen meer dan de { $listed } vermelde
rules-off-by-default = {" "}(uit, tenzij locdoc.toml haar aanzet)
cli-warning = waarschuwing: { $message }
cli-no-rule = fout: geen regel `{ $rule }`; `locdoc rules` somt ze op
cli-explain-diagnostic = Een diagnose van de paginalezer; `check` meldt deze onder regel `{ $rule }`:
cli-explain-note = Een opmerking van de paginalezer, getoond met `-v`; `check` meldt deze niet.
cli-export-targets = fout: export: geef één --target-lang, of --out-dir MAP voor één bestand per taal
cli-unwritable = fout: kan { $what ->
        [extract] de extractie
        [export] de export
       *[alignment] de uitlijning
    } niet schrijven: { $message }
cli-not-applied = niet toegepast: { $reason }
cli-outside-locales = opmerking: { $path } staat onder geen taalmap en heeft geen ms.contentlocale; het blijft buiten de site
cli-unpaired = opmerking: { $path } staat onder geen taalmap of --locale-root en heeft geen ms.contentlocale; het vormt met niets een paar
summary-regen = regen: { $pages ->
        [one] 1 pagina
       *[other] { $pages } pagina's
    } ({ $segments ->
        [one] 1 segment
       *[other] { $segments } segmenten
    }) geschreven naar { $out }
summary-align = align: { $pages ->
        [one] 1 pagina
       *[other] { $pages } pagina's
    }, { $rows ->
        [one] 1 rij
       *[other] { $rows } rijen
    }
summary-export-file = export: { $locale }: { $pages ->
        [one] 1 pagina
       *[other] { $pages } pagina's
    }, { $segments ->
        [one] 1 segment
       *[other] { $segments } segmenten
    } in { $path }
summary-export = export: { $pages ->
        [one] 1 pagina
       *[other] { $pages } pagina's
    }, { $segments ->
        [one] 1 segment
       *[other] { $segments } segmenten
    } ({ $skipped ->
        [one] 1 pagina van een andere taal overgeslagen
       *[other] { $skipped } pagina's van andere talen overgeslagen
    })
summary-import = import: { $units ->
        [one] 1 eenheid
       *[other] { $units } eenheden
    }, { $applied } toegepast ({ $changed } gewijzigd) in { $pages ->
        [one] 1 geschreven pagina
       *[other] { $pages } geschreven pagina's
    }, { $skipped } niet toegepast
summary-build-locale = build: { $locale }: { $pages ->
        [one] 1 pagina
       *[other] { $pages } pagina's
    }, { $segments ->
        [one] 1 segment
       *[other] { $segments } segmenten
    }, { $findings ->
        [one] 1 bevinding
       *[other] { $findings } bevindingen
    }
summary-build = build: { $pages ->
        [one] 1 pagina
       *[other] { $pages } pagina's
    } en { $assets ->
        [one] 1 ander bestand
       *[other] { $assets } andere bestanden
    } geschreven naar { $out } ({ $include_errors } include-fouten, { $xrefs } onopgeloste xrefs, { $stale ->
        [one] 1 pagina
       *[other] { $stale } pagina's
    } met verschillende broncommits)

## Hulpteksten van de opdrachtregel

help-locdoc = Gelokaliseerde documentatiepagina's met bron en vertaling naast elkaar lezen, controleren en opnieuw genereren.
help-locdoc-lang = Taal van meldingen en hulp (en-US, fr-FR, nl-NL) [standaard: uit LC_ALL, LC_MESSAGES of LANG]
help-check = Controleert elk segment en elke pagina onder INPUTS met de kwaliteitsregels voor vertalingen.
help-check-inputs = Pagina's of mappen met pagina's [standaard: content]
help-check-format = Rapportformaat
help-check-output = Schrijft het rapport (atomair) naar dit bestand in plaats van naar standaarduitvoer
help-check-color = Kleur in het leesbare rapport [standaard: auto, als standaarduitvoer een terminal is en NO_COLOR niet gezet is]
help-check-config = Configuratiebestand [standaard: locdoc.toml in de werkmap of erboven]
help-check-baseline = Meldt alleen bevindingen die niet in dit basislijnbestand staan
help-check-write_baseline = Legt de bevindingen van deze run vast in dit basislijnbestand
help-check-changed_since = Controleert alleen pagina's die volgens git sinds REV gewijzigd zijn, en hun tweelingen in andere talen
help-check-files_from = Leest de te controleren pagina's uit FILE, één pad per regel (`-`: standaardinvoer)
help-check-shard = Controleert alleen deel K van N, een vast deel van de pagina's (alle talen van een pagina samen)
help-check-quiet = Geen voortgangsbalk
help-rules = Toont de regels met hun id, standaardernst en samenvatting.
help-explain = Toont de documentatie van één regel.
help-explain-rule = Een regel-id, zoals `locdoc rules` ze toont
help-regen = Schrijft de schone pagina van elke sxs-pagina onder INPUTS naar hetzelfde relatieve pad onder --out.
help-regen-inputs = Pagina's of mappen met pagina's [standaard: content]
help-regen-out = Uitvoermap; mag geen invoer zijn en niet in een invoer liggen
help-regen-source = Schrijft de teruggevonden Engelse pagina in plaats van de vertaling
help-regen-verbose = Toont ook informatieve meldingen
help-extract = Toont elk segment met pagina, taal, id, regel, kolom, bron en vertaling.
help-extract-inputs = Pagina's of mappen met pagina's [standaard: content]
help-extract-format = Uitvoerformaat
help-extract-output = Schrijft naar dit bestand in plaats van naar standaarduitvoer
help-align = Koppelt elke pagina aan haar versies in de andere talen en toont één rij per bronsegment met de vertaling van elke taal.
help-align-inputs = Pagina's of mappen met pagina's in meerdere talen [standaard: content]
help-align-format = Uitvoerformaat
help-align-locale_root = De map met de pagina's van één taal, als TAAL=MAP, als de taalmap niet direct boven de gedeelde paden ligt (herhaal voor elke taal)
help-align-output = Schrijft naar dit bestand in plaats van naar standaarduitvoer
help-export = Schrijft elk segment van de pagina's van één taal als TMX, XLIFF of PO voor vertalers.
help-export-inputs = Pagina's of mappen met pagina's [standaard: content]
help-export-format = Uitvoerformaat
help-export-target_lang = De taal waarvan de pagina's worden geëxporteerd (pagina's van andere talen worden overgeslagen); herhaal de optie met --out-dir om er meerdere te noemen
help-export-source_lang = De taal van de brontekst
help-export-output = Schrijft naar dit bestand in plaats van naar standaarduitvoer
help-export-out_dir = Schrijft één bestand per taal in deze map (fr-FR.xliff…): elke gevonden taal, of de talen die --target-lang noemt
help-import = Schrijft de vertalingen uit een XLIFF- of PO-bestand terug in de segmenten waar ze vandaan komen.
help-import-file = Een XLIFF 2- (.xlf, .xliff) of PO-bestand (.po), zoals `export` ze schrijft
help-import-into = De pagina's die worden bijgewerkt: dezelfde invoer als bij `export`
help-build = Bouwt een statische HTML-site van de pagina's onder CONTENT: elk vertaald segment toont zijn Engelse bron, met een taalkeuze, een index per taal en een vertaaldashboard.
help-build-content = Inhoudsmappen (of pagina's) in meerdere talen [standaard: content]
help-build-out = Map voor de site; mag niet de inhoud zijn en er niet in liggen
help-build-templates = Een map met sjablonen (page.html, base.html, site.css…) die de ingebouwde sjablonen met dezelfde naam vervangen

## De site die `build` schrijft
site-language-name = Nederlands
site-nav = Site
site-home = Alle talen
site-index-link = Pagina's
site-dashboard-link = Vertaaldashboard
site-switcher = Andere talen
site-show-source = Engelse tekst tonen
site-show-translation = Vertaling tonen
site-hint = Beweeg over een zin of geef hem de focus om de Engelse bron te zien.
site-mt-notice = Deze pagina is automatisch vertaald. Beweeg over een zin of geef hem de focus om het Engelse origineel te zien.
site-root-title = Gelokaliseerde documentatie
site-index-title = Pagina's in het { $language }
site-page-count = { $count ->
    [one] { $count } pagina
   *[other] { $count } pagina's
}
site-dashboard-locale = Taal
site-dashboard-pages = Pagina's
site-dashboard-segments = Segmenten
site-dashboard-findings = Bevindingen
site-dashboard-by-rule = Bevindingen per regel
site-dashboard-rule = Regel
site-dashboard-commits = Pagina's vertaald vanuit verschillende Engelse commits
site-dashboard-no-commits = Elke pagina is in alle talen vertaald vanuit dezelfde Engelse commit.
site-dashboard-page = Pagina
site-alert-note = Opmerking
site-alert-tip = Tip
site-alert-important = Belangrijk
site-alert-caution = Let op
site-video = Video
site-alert-warning = Waarschuwing
site-include-error = Het ingevoegde bestand { $path } kon niet worden getoond.
