# Messages de locdoc, fr-FR. Mêmes identifiants et mêmes variables que en-US (un test le vérifie).

## Diagnostics de l'analyseur

diag-lookup-without-source = le span `sxs-lookup` du segment `{ $id }` ne contient pas de `<span data-stu-id>` ; laissé tel quel
diag-source-unclosed = le span source du segment `{ $id }` n'est pas fermé par `</span></span>` ; laissé tel quel
diag-at-column = colonne { $column }
diag-at-line-column = { $line }:{ $column }
diag-nested-segment = un autre span de segment s'ouvre dans la traduction du segment `{ $id }` (en { $at }) ; le segment extérieur est laissé tel quel
diag-missing-lookup = le span de traduction `{ $id }` n'est pas suivi de son jumeau `<span class="sxs-lookup">` ; laissé tel quel
diag-translation-unclosed = le span de traduction `{ $id }` n'est jamais fermé ; laissé tel quel
diag-entity-escaped = le segment `{ $id }` écrit les guillemets de son balisage `&quot;` ; lu comme un segment malgré tout
diag-mismatched-ids = l'identifiant de traduction `{ $ttu }` et l'identifiant source `{ $stu }` diffèrent
diag-multiline-segment = le segment `{ $id }` s'étend sur plusieurs lignes
diag-spaced-markup = le segment `{ $id }` a des blancs entre ses balises span ; lu comme un segment malgré tout
diag-unread-markup = `{ $attribute }` hors de tout balisage de segment que locdoc sait lire (une balise ouvrante `<span>` suivie de son jumeau `sxs-lookup`) ; conservé tel quel
diag-orphan-source = span source sans span de traduction avant lui ; laissé tel quel
diag-front-matter-unclosed = l'en-tête ouvert par `---` n'est jamais fermé ; la page est lue sans en-tête
diag-front-matter-not-mapping = l'en-tête est du YAML mais pas une table de clés et de valeurs
diag-front-matter-invalid = l'en-tête n'est pas du YAML valide : { $detail }
diag-front-matter-too-nested = l'en-tête ouvre plus de { $limit } collections `[` ou `{"{"}`, trop pour être lu en un temps raisonnable ; ses clés ne sont pas lues
diag-front-matter-translated = la clé `{ $key }` de l'en-tête reste telle que la page traduite l'écrit : aucun segment n'en donne l'anglais ; écrivez-le à la main
notes-hidden = { $count ->
    [one] 1 remarque non affichée (-v l'affiche)
   *[other] { $count } remarques non affichées (-v les affiche)
}

## Éléments en ligne que les règles comparent

item-code-span = extrait de code
item-docfx-marker = marqueur DocFX
item-bold = passage en gras
item-italic = passage en italique
item-html-tag = balise HTML
item-link-destination = destination de lien
item-cross-reference = référence croisée
item-number = nombre
item-missing = manque dans la traduction : { $what } `{ $value }` de la source
item-extra = en trop dans la traduction : { $what } `{ $value }`, que la source n'a pas
finding-emphasis-unread = le gras `{ $value }` de la source a des `**` dans la traduction que Markdown ne lit pas comme gras : l'un touche une ponctuation du mauvais côté, ou sa paire est perdue ; corrigez les marqueurs
item-changed = { $what } `{ $value }` de la source, écrit `{ $written }` dans la traduction

## Constats

finding-conflict-marker = un conflit de fusion est resté ici, jusqu'à la ligne { $last } : gardez un côté et supprimez les lignes `<<<<<<<`, `=======` et `>>>>>>>`
finding-tool-markup = `{ $mark }` est un balisage des outils de traduction resté dans le texte : rétablissez le Markdown qu'il remplace et supprimez-le
finding-conflict-marker-stray = une ligne de marqueur de conflit de fusion est restée ici : résolvez le conflit et supprimez-la
finding-duplicate-segment-id = l'identifiant de segment `{ $id }` est déjà utilisé ligne { $line }
finding-fragment-link = aucun titre ni ancre de cette page n'est `#{ $fragment }`
finding-number-split = la traduction détache le nombre `{ $value }` de `{ $name }`, le nom dont il fait partie dans la source
finding-empty-translation = la traduction est vide
finding-untranslated = la traduction est la source anglaise, inchangée
finding-no-front-matter = la page a des segments mais pas d'en-tête
finding-no-content-locale = l'en-tête n'a pas de `ms.contentlocale`
finding-locale-mismatch = `ms.contentlocale: { $locale }` mais la page est dans le dossier de langue `{ $folder }`
finding-identifier-changed = `{ $name }` est écrit `{ $written }` dans la traduction
finding-identifier-missing = `{ $name }` de la source manque dans la traduction
finding-skeleton-mismatch = le squelette diffère de { $locale } ({ $place }) : `{ $here }` ici, `{ $there }` là-bas
finding-source-mismatch = le segment { $number } a la source `{ $here }` ici mais `{ $there }` en { $locale } ({ $page }) : les pages ont été traduites de versions anglaises différentes ({ $locale } ms.sourcegitcommit { $commit }, { $own_locale } ms.sourcegitcommit { $own_commit }){ $others ->
        [0] {""}
        [one] ; 1 autre segment diffère
       *[other] ; { $others } autres segments diffèrent
    }
finding-missing-locale-page = `{ $page }` existe en { $present } mais pas en { $missing } parmi les entrées ; traduisez-la ou retirez les autres versions
finding-inconsistent-translation = `{ $source }` est traduit `{ $other }` en { $place } ; n'utilisez qu'une traduction
finding-french-space-plain = espace ordinaire avant `{ $mark }` ; la typographie française demande une espace insécable (U+00A0 ou U+202F)
finding-french-space-missing = pas d'espace avant `{ $mark }` ; la typographie française demande une espace insécable (U+00A0 ou U+202F)
finding-french-guillemet = espace ordinaire à l'intérieur de `{ $mark }` ; la typographie française demande une espace insécable (U+00A0 ou U+202F)
finding-markup = { $detail } ({ $code })
finding-whitespace-leading-added = la traduction ajoute une espace au début
finding-whitespace-leading-lost = la traduction perd l'espace de début de la source
finding-whitespace-trailing-added = la traduction ajoute une espace à la fin
finding-whitespace-trailing-lost = la traduction perd l'espace de fin de la source
finding-whitespace-doubled = la traduction a des espaces doublées que la source n'a pas
finding-whitespace-break-in-row = la traduction coupe la ligne dans une ligne de tableau : la ligne s'arrête ici et le tableau est rompu
finding-whitespace-break-in-heading = la traduction coupe la ligne dans un titre : le titre s'arrête ici
finding-escape-missing =
    { $count ->
        [1] `{ $value }`
       *[other] { $count } × `{ $value }`
    } de la source manque dans la traduction
finding-escape-added =
    { $count ->
        [1] `{ $value }`
       *[other] { $count } × `{ $value }`
    } ajouté par la traduction

## Rapport lisible

report-segment-in = segment { $id } ({ $locale })
report-segment = segment { $id }
report-page-in = page ({ $locale })
report-page = page
report-long-line = en { $place } (ligne longue, montrée en partie)
report-source = source :
report-translation = traduction :

## Bilans

summary-findings = { $total ->
        [one] { $total } constat
       *[other] { $total } constats
    } ({ $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }, { $infos } info) dans { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }, { $segments ->
        [one] { $segments } segment
       *[other] { $segments } segments
    }
summary-baselined = { $count ->
        [one] 1 constat de la référence laissé de côté
       *[other] { $count } constats de la référence laissés de côté
    }

## Ligne de commande

cli-error = erreur : { $message }
cli-unlisted = note : { $path } a { $count } constats de plus que les { $listed } listés
rules-off-by-default = {" "}(désactivée sauf si locdoc.toml l'active)
cli-warning = avertissement : { $message }
cli-no-rule = erreur : aucune règle `{ $rule }` ; `locdoc rules` les liste
cli-explain-diagnostic = Un diagnostic du lecteur de pages ; `check` le signale sous la règle `{ $rule }` :
cli-explain-note = Une note du lecteur de pages, affichée avec `-v` ; `check` ne la signale pas.
cli-export-targets = erreur : export : donnez un seul --target-lang, ou --out-dir DOSSIER pour un fichier par langue
cli-unwritable = erreur : impossible d'écrire { $what ->
        [extract] l'extraction
        [export] l'export
       *[alignment] l'alignement
    } : { $message }
cli-not-applied = non appliqué : { $reason }
cli-outside-locales = note : { $path } n'est sous aucun dossier de langue et n'a pas de ms.contentlocale ; il est laissé hors du site
cli-unpaired = note : { $path } n'est sous aucun dossier de langue ni --locale-root et n'a pas de ms.contentlocale ; il ne s'apparie à rien
summary-regen = regen : écrit { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } ({ $segments ->
        [one] { $segments } segment
       *[other] { $segments } segments
    }) dans { $out }
summary-align = align : { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }, { $rows ->
        [one] { $rows } ligne
       *[other] { $rows } lignes
    }
summary-export-file = export : { $locale } : { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }, { $segments ->
        [one] { $segments } segment
       *[other] { $segments } segments
    } dans { $path }
summary-export = export : { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }, { $segments ->
        [one] { $segments } segment
       *[other] { $segments } segments
    } ({ $skipped ->
        [one] { $skipped } page d'une autre langue ignorée
       *[other] { $skipped } pages d'autres langues ignorées
    })
summary-import = import : { $units ->
        [one] { $units } unité
       *[other] { $units } unités
    }, { $applied } appliquées ({ $changed } modifiées) dans { $pages ->
        [one] { $pages } page écrite
       *[other] { $pages } pages écrites
    }, { $skipped } non appliquées
summary-build-locale = build : { $locale } : { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }, { $segments ->
        [one] { $segments } segment
       *[other] { $segments } segments
    }, { $findings ->
        [one] { $findings } constat
       *[other] { $findings } constats
    }
summary-build = build : écrit { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } et { $assets ->
        [one] { $assets } autre fichier
       *[other] { $assets } autres fichiers
    } dans { $out } ({ $include_errors } erreurs d'inclusion, { $xrefs } xrefs non résolues, { $stale ->
        [one] { $stale } page
       *[other] { $stale } pages
    } aux commits source différents)

## Aide de la ligne de commande

help-locdoc = Lire, vérifier et régénérer des pages de documentation localisées côte à côte.
help-locdoc-lang = Langue des messages et de l'aide (en-US, fr-FR, nl-NL) [par défaut : selon LC_ALL, LC_MESSAGES ou LANG]
help-check = Vérifie chaque segment et chaque page sous INPUTS avec les règles de contrôle qualité de la traduction.
help-check-inputs = Pages ou dossiers de pages [par défaut : content]
help-check-format = Format du rapport
help-check-output = Écrit le rapport dans ce fichier (de façon atomique) au lieu de la sortie standard
help-check-color = Couleurs du rapport lisible [par défaut : auto, si la sortie standard est un terminal et NO_COLOR n'est pas défini]
help-check-config = Fichier de configuration [par défaut : locdoc.toml dans le dossier de travail ou au-dessus]
help-check-baseline = Ne signale que les constats absents de ce fichier de référence
help-check-write_baseline = Enregistre les constats de cette exécution dans ce fichier de référence
help-check-changed_since = Ne vérifie que les pages que git indique modifiées depuis REV, et leurs jumelles dans les autres langues
help-check-files_from = Lit les pages à vérifier dans FILE, un chemin par ligne (`-` : entrée standard)
help-check-shard = Ne vérifie que la part K sur N, une part stable des pages (toutes les langues d'une page ensemble)
help-check-quiet = Sans barre de progression
help-rules = Liste les règles avec leur identifiant, leur gravité par défaut et leur résumé.
help-explain = Affiche la documentation d'une règle.
help-explain-rule = Un identifiant de règle, tel que `locdoc rules` les liste
help-regen = Écrit la page propre de chaque page sxs sous INPUTS au même chemin relatif sous --out.
help-regen-inputs = Pages ou dossiers de pages [par défaut : content]
help-regen-out = Dossier de sortie ; ne doit pas être une entrée ni se trouver dans une entrée
help-regen-source = Écrit la page anglaise retrouvée au lieu de la traduction
help-regen-verbose = Affiche aussi les diagnostics d'information
help-extract = Affiche chaque segment avec page, langue, identifiant, ligne, colonne, source et traduction.
help-extract-inputs = Pages ou dossiers de pages [par défaut : content]
help-extract-format = Format de sortie
help-extract-output = Écrit dans ce fichier au lieu de la sortie standard
help-align = Associe chaque page à ses versions dans les autres langues et affiche une ligne par segment source avec la traduction de chaque langue.
help-align-inputs = Pages ou dossiers de pages en plusieurs langues [par défaut : content]
help-align-format = Format de sortie
help-align-locale_root = Le dossier des pages d'une langue, sous la forme LANGUE=DOSSIER, quand le dossier de langue n'est pas juste au-dessus des chemins communs (à répéter pour chaque langue)
help-align-output = Écrit dans ce fichier au lieu de la sortie standard
help-export = Écrit chaque segment des pages d'une langue en TMX, XLIFF ou PO pour les traducteurs.
help-export-inputs = Pages ou dossiers de pages [par défaut : content]
help-export-format = Format de sortie
help-export-target_lang = La langue dont les pages sont exportées (les pages des autres langues sont ignorées) ; avec --out-dir, répétez-la pour en nommer plusieurs
help-export-source_lang = La langue du texte source
help-export-output = Écrit dans ce fichier au lieu de la sortie standard
help-export-out_dir = Écrit un fichier par langue dans ce dossier (fr-FR.xliff…) : toutes les langues trouvées, ou celles que nomme --target-lang
help-import = Réécrit les traductions d'un fichier XLIFF ou PO dans les segments d'où elles viennent.
help-import-file = Un fichier XLIFF 2 (.xlf, .xliff) ou PO (.po), tel que `export` les écrit
help-import-into = Les pages à mettre à jour : les mêmes entrées que pour `export`
help-build = Construit un site HTML statique des pages sous CONTENT : chaque segment traduit montre sa source anglaise, avec un sélecteur de langue, un index par langue et un tableau de bord de la traduction.
help-build-content = Dossiers de contenu (ou pages) en plusieurs langues [par défaut : content]
help-build-out = Dossier du site ; ne doit pas être le contenu ni se trouver dedans
help-build-templates = Un dossier de modèles (page.html, base.html, site.css…) qui remplacent les modèles intégrés du même nom

## Le site qu'écrit `build`
site-language-name = Français
site-nav = Site
site-home = Toutes les langues
site-index-link = Pages
site-dashboard-link = Tableau de bord de la traduction
site-switcher = Autres langues
site-show-source = Afficher le texte anglais
site-show-translation = Afficher la traduction
site-hint = Survolez une phrase ou donnez-lui le focus pour voir sa source anglaise.
site-mt-notice = Cette page a été traduite automatiquement. Survolez une phrase ou donnez-lui le focus pour voir l'original anglais.
site-root-title = Documentation localisée
site-index-title = Pages — { $language }
site-page-count = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
site-dashboard-locale = Langue
site-dashboard-pages = Pages
site-dashboard-segments = Segments
site-dashboard-findings = Constats
site-dashboard-by-rule = Constats par règle
site-dashboard-rule = Règle
site-dashboard-commits = Pages traduites depuis des commits anglais différents
site-dashboard-no-commits = Chaque page est traduite depuis le même commit anglais dans toutes les langues.
site-dashboard-page = Page
site-alert-note = Remarque
site-alert-tip = Conseil
site-alert-important = Important
site-alert-caution = Attention
site-video = Vidéo
site-alert-warning = Avertissement
site-include-error = Le fichier inclus { $path } n'a pas pu être affiché.
