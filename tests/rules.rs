//! Each rule on passages taken from the corpus (what it must report) and on self-written
//! passages of what it must not report: translated link and alt text, French typography,
//! locale folders in URLs, numbers in each language's format, product names.

use locdoc::check::check_page;
use locdoc::rules::RULES;
use locdoc::{Page, Severity};

/// One segment in an sxs page of `locale`, with front matter that names it.
fn page(locale: &str, segments: &[(&str, &str)]) -> Page {
    let mut text = format!("---\ntitle: t\nms.contentlocale: {locale}\n---\n");
    for (i, (source, translation)) in segments.iter().enumerate() {
        let id = format!("abcde-{}", 100 + i);
        text.push_str(&format!(
            "<span data-ttu-id=\"{id}\">{translation}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>\n\n"
        ));
    }
    Page::parse(format!("docs/{locale}/page.md"), text)
}

/// The messages of `rule` for one segment.
fn messages(rule: &str, locale: &str, source: &str, translation: &str) -> Vec<String> {
    let page = page(locale, &[(source, translation)]);
    check_page(&page, RULES)
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.message)
        .collect()
}

fn fires(rule: &str, locale: &str, source: &str, translation: &str) -> Vec<String> {
    let found = messages(rule, locale, source, translation);
    assert!(
        !found.is_empty(),
        "{rule} should report\n  source: {source}\n  translation: {translation}"
    );
    found
}

fn quiet(rule: &str, locale: &str, source: &str, translation: &str) {
    let found = messages(rule, locale, source, translation);
    assert!(
        found.is_empty(),
        "{rule} should not report {found:?}\n  source: {source}\n  translation: {translation}"
    );
}

#[test]
fn link_destination() {
    // quantum/fr-FR microsoft.quantum.preparation.purifiedmixedstate.md, segment 23982-108.
    let found = fires(
        "link-destination",
        "fr-FR",
        "See https://arxiv.org/pdf/1805.03662.pdf?page=15 for further discussion.",
        " https://arxiv.org/pdf/1805.03662.pdf?page=15Pour plus d’informations, consultez.",
    );
    // The URL glued to the next word is one changed destination, not a loss and an addition.
    assert_eq!(
        found,
        ["link destination `https://arxiv.org/pdf/1805.03662.pdf?page=15` of the source is written `https://arxiv.org/pdf/1805.03662.pdf?page=15Pour` in the translation"]
    );
    // m365/nl-NL what-subscription-do-i-have.md, c62ba-114: an escaped `]` unmakes the link.
    fires(
        "link-destination",
        "nl-NL",
        "[Subscriptions and billing](../../commerce/index.yml) (link page)\\",
        "[Abonnementen en facturering (koppelingspagina)\\](../../commerce/index.yml)",
    );
    // Link text and alt text are translated; a locale folder may change.
    quiet(
        "link-destination",
        "fr-FR",
        "[Sign up for a free trial.](https://www.microsoft.com/microsoft-365/windows/microsoft-defender-atp?ocid=docs-wdatp-troublshootonboarding-abovefoldlink) ![Overview tab](../media/overview.png)",
        "[Inscrivez-vous à un essai gratuit.](https://www.microsoft.com/microsoft-365/windows/microsoft-defender-atp?ocid=docs-wdatp-troublshootonboarding-abovefoldlink) ![Onglet Vue d’ensemble](../media/overview.png)",
    );
    quiet(
        "link-destination",
        "fr-FR",
        "See [the docs](https://learn.microsoft.com/en-us/azure/overview).",
        "Consultez [la documentation](https://learn.microsoft.com/fr-fr/azure/overview).",
    );
}

#[test]
fn xref() {
    // quantum/fr-FR ampampbyoracle.md, 391c4-106, with the uid broken by hand.
    let source = "Please use <xref:Microsoft.Quantum.AmplitudeAmplification.StandardAmplitudeAmplification> instead.";
    quiet("xref", "fr-FR", source, "Utilisez plutôt <xref:Microsoft.Quantum.AmplitudeAmplification.StandardAmplitudeAmplification>.");
    fires("xref", "fr-FR", source, "Utilisez plutôt <xref:Microsoft. Quantum. AmplitudeAmplification.StandardAmplitudeAmplification>.");
    let source = "nIterations : [Int](xref:microsoft.quantum.lang-ref.int) and @\"microsoft.quantum.amplitudeamplification.standardamplitudeamplification\"";
    quiet("xref", "fr-FR", source, "nIterations : [entier](xref:microsoft.quantum.lang-ref.int) et @\"microsoft.quantum.amplitudeamplification.standardamplitudeamplification\"");
    fires("xref", "fr-FR", source, "nIterations : [entier](xref:microsoft.quantum.lang-ref.entier) et @\"microsoft.quantum.amplitudeamplification.standardamplitudeamplification\"");
}

#[test]
fn code_span() {
    let source = "Run `Get-MsolUser -All` to list the users.";
    quiet(
        "code-span",
        "fr-FR",
        source,
        "Exécutez `Get-MsolUser -All` pour répertorier les utilisateurs.",
    );
    let found = fires(
        "code-span",
        "fr-FR",
        source,
        "Exécutez `Get-MsolUser - All` pour répertorier les utilisateurs.",
    );
    assert_eq!(found, ["code span `Get-MsolUser -All` of the source is written `Get-MsolUser - All` in the translation"]);
}

#[test]
fn docfx_token() {
    // projops/fr-FR create-estimate-quote-line-sales.md, d978b-211.
    let found = fires("docfx-token", "fr-FR", "[!NOTE", "[!REMARQUE");
    assert_eq!(
        found,
        ["DocFX marker `[!NOTE` of the source is missing from the translation"]
    );
    quiet(
        "docfx-token",
        "fr-FR",
        "[!INCLUDE [banner](../includes/banner.md)] Applies to all.",
        "[!INCLUDE [bannière](../includes/banner.md)] S’applique à tous.",
    );
    // AspNetCore.Docs ko-KR docker-https.md, c149c-114: words marked not to translate.
    let source = "[:::no-loc(Let's Encrypt):::](https://letsencrypt.org/) is a certificate authority that offers free certificates.";
    quiet(
        "docfx-token",
        "ko-KR",
        source,
        "[:::no-loc(Let's Encrypt):::](https://letsencrypt.org/) 는 무료 인증서를 제공 하는 인증 기관입니다.",
    );
    let found = fires(
        "docfx-token",
        "nl-NL",
        source,
        "[:::no-loc(Laten we versleutelen):::](https://letsencrypt.org/) is een certificeringsinstantie.",
    );
    assert_eq!(
        found,
        ["DocFX marker `:::no-loc(Let's Encrypt):::` of the source is written `:::no-loc(Laten we versleutelen):::` in the translation"]
    );
    quiet(
        "docfx-token",
        "fr-FR",
        "Use :::no-loc text=\"Azure Cosmos DB\":::.",
        "Utilisez :::no-loc text=\"Azure Cosmos DB\":::.",
    );
}

#[test]
fn inline_html() {
    let source = "Sign in.<br/>Select **Save**.";
    quiet(
        "inline-html",
        "fr-FR",
        source,
        "Connectez-vous.<br />Sélectionnez **Enregistrer**.",
    );
    fires(
        "inline-html",
        "fr-FR",
        source,
        "Connectez-vous. Sélectionnez **Enregistrer**.",
    );
    quiet(
        "inline-html",
        "nl-NL",
        "<ul><li>View all</li></ul>",
        "<ul><li>Alles weergeven</li></ul>",
    );
    // An anchor cut out as a segment with no English (Skype for Business de-DE
    // update-ccservercertificate.md, 591d5-106): nothing to compare, for any rule.
    let page = page("de-DE", &[("", "<a name=\"Examples\"> </a>")]);
    assert_eq!(check_page(&page, RULES), []);
}

#[test]
fn emphasis() {
    // content/nl-NL seed, segment e4a55-113: the bold is lost.
    let found = fires(
        "emphasis",
        "nl-NL",
        "If while accessing Microsoft Defender Security Center you get a **No subscriptions found** message, it means the Azure Active Directory (Azure AD) used to log in the user to the portal, does not have a Microsoft Defender for Endpoint license.",
        "Als u tijdens het openen van  het Microsoft Defender-beveiligingscentrum een bericht krijgt dat er geen abonnementen zijn gevonden, betekent dit dat de Azure Active Directory (Azure AD) die wordt gebruikt om zich aan te melden bij de gebruiker bij de portal, geen Microsoft Defender voor Eindpunt-licentie heeft.",
    );
    assert_eq!(
        found,
        ["bold span `**` of the source is missing from the translation"]
    );
    // .NET zh-TW coinitiee-enumeration.md: the `**` are there, but the closing one follows
    // a full-width colon and precedes a letter, so Markdown reads no bold.
    assert_eq!(
        fires(
            "emphasis",
            "zh-TW",
            "**Platforms:** See [System Requirements](../x.md).",
            "**平台：**看到[系統需求](../x.md)。",
        ),
        ["bold span `**` of the source has `**` in the translation that Markdown does not read as bold: one touches punctuation on the wrong side, or its pair is lost; fix the markers"]
    );
    quiet(
        "emphasis",
        "zh-TW",
        "**Platforms:** See [System Requirements](../x.md).",
        "**平台**：看到[系統需求](../x.md)。",
    );
    // hololens/fr-FR holographic-3d-viewer-beta.md, 10530-198: bold broken into escapes.
    fires(
        "emphasis",
        "fr-FR",
        "When the download is complete, select the **Open** button in Microsoft Edge to open the file in 3D Viewer Beta.",
        "Lorsque le téléchargement est terminé, sélectionnez le bouton \\*\\*Ouvrir \\*\\* dans Microsoft Edge pour ouvrir le fichier dans la version bêta de 3D Viewer.",
    );
    // Bold moved to other words is still one bold span.
    quiet(
        "emphasis",
        "fr-FR",
        "Select **Save** now.",
        "Sélectionnez maintenant **Enregistrer**.",
    );
}

#[test]
fn identifier() {
    // m365/nl-NL manage-addins-in-the-admin-center.md, d4a02-131: a button's label that
    // reads like a cmdlet (a verb and a particle) may be translated.
    quiet(
        "identifier",
        "nl-NL",
        "Click on **Delete Add-In**.",
        "Klik op **Invoeg toevoegen verwijderen.**",
    );
    // quantum/fr-FR applyboundc.md, f953d-112.
    let found = fires(
        "identifier",
        "fr-FR",
        "Microsoft.Quantum.Canon.BoundC",
        "Microsoft. Quantum. Canon. BoundC",
    );
    assert_eq!(found, ["`Microsoft.Quantum.Canon.BoundC` is written `Microsoft. Quantum. Canon. BoundC` in the translation"]);
    // quantum/nl-NL microsoft.quantum.targeting.md, abf05-102.
    fires(
        "identifier",
        "nl-NL",
        "Microsoft.Quantum.Targeting namespace",
        "Micro soft. Quantum. doel naam ruimte",
    );
    quiet(
        "identifier",
        "fr-FR",
        "Send mail to admin@contoso.com, e.g. from setup.exe.",
        "Envoyez un message à admin@contoso.com, par ex. depuis setup.exe.",
    );
    // A hyphenated word is not a cmdlet; cmdlets may change case.
    quiet(
        "identifier",
        "nl-NL",
        "German: Mon-Fri 9-5 Berlin",
        "Duits: ma-vr 9.00-17.00 Berlijn",
    );
    quiet(
        "identifier",
        "nl-NL",
        "Use the **Get-MsolUser** cmdlet.",
        "Gebruik de **get-MsolUser-cmdlet.**",
    );
    // Host names may change case (DNS ignores it), not be split; file names keep theirs.
    // hololens/fr-FR hololens-offline.md, f86fe-199.
    quiet(
        "identifier",
        "fr-FR",
        "officeclient.microsoft.com",
        "officeclient.Microsoft.com",
    );
    fires(
        "identifier",
        "es-ES",
        "uses the default feed (nuget.org).",
        "utiliza la fuente predeterminada (Nuget. org).",
    );
    fires(
        "identifier",
        "de-DE",
        "Edit the file settings.json.",
        "Bearbeiten Sie die Datei Settings.json.",
    );
    // A C header keeps its one-letter extension: Windows drivers pt-BR
    // pwm-pin-get-polarity-output.md.
    assert_eq!(
        fires("identifier", "pt-BR", "<dt>Pwm.h</dt>", "<dt>PWM. h</dt>"),
        ["`Pwm.h` is written `PWM. h` in the translation"]
    );
    // Names joined by underscores, which Markdown escapes: m365/nl-NL
    // ms-cloud-germany-transition.md, 35ae5-278 (spaces added), and the pwm page above
    // (words translated; the lowercase name in the link's URL is not the name).
    assert_eq!(
        fires(
            "identifier",
            "nl-NL",
            "Customer Lockbox (LOCKBOX\\_DE)",
            "Klanten lockbox (LOCKBOX \\_ DE)",
        ),
        ["`LOCKBOX\\_DE` is written `LOCKBOX \\_ DE` in the translation"]
    );
    assert_eq!(
        fires(
            "identifier",
            "pt-BR",
            "As a [**PWM\\_POLARITY**](/api/pwm/ne-pwm-pwm_polarity) value.",
            "Como um valor de [**\\_ polaridade PWM**](/api/pwm/ne-pwm-pwm_polarity).",
        ),
        ["`PWM\\_POLARITY` of the source is missing from the translation"]
    );
    // Escaped on one side only, it is the same name; subscripts of mathematics and keys
    // pressed together are not names.
    quiet(
        "identifier",
        "nl-NL",
        "Set **msdyn\\_ordertype** first.",
        "Stel eerst **msdyn_ordertype** in.",
    );
    quiet(
        "identifier",
        "fr-FR",
        "The Hadamard transformation $H_Y = S H$ with log_2 steps.",
        "La transformation de Hadamard $H _Y = S H $ en Log _2 étapes.",
    );
    quiet(
        "identifier",
        "fr-FR",
        "Press ALT_SHIFT+Left.",
        "Appuyez sur ALT_MAJ+Gauche.",
    );
}

#[test]
fn identifier_checks_the_first_256_names_of_a_segment() {
    // A segment of 300 addresses (a list run together), each changed in the translation:
    // the first 256 are reported, not the rest.
    let source: Vec<String> = (0..300).map(|i| format!("user{i}@contoso.com")).collect();
    let translation: Vec<String> = (0..300)
        .map(|i| format!("gebruiker{i}@contoso.com"))
        .collect();
    let found = fires(
        "identifier",
        "nl-NL",
        &source.join(", "),
        &translation.join(", "),
    );
    assert_eq!(found.len(), 256);
    assert!(
        found[255].contains("`user255@contoso.com`"),
        "{}",
        found[255]
    );
}

#[test]
fn number() {
    // quantum/nl-NL decodefromsteanecode.md, 69764-105.
    let found = fires(
        "number",
        "nl-NL",
        "An inverse encoding operation that maps an unencoded quantum register to an encoded quantum register under the ⟦7, 1, 3⟧ Steane quantum code.",
        "Een inverse coderings bewerking waarbij een niet-versleutelde Quantum-REGI ster wordt toegewezen aan een gecodeerd Quantum REGI ster onder de Quantum code ⟦, 1, 3 ⟧ Steane.",
    );
    assert_eq!(
        found,
        ["number `7` of the source is missing from the translation"]
    );
    // A scale word of the source is digits on the other side (ML.NET cs-CZ
    // install-model-builder.md); the wrong digits are still reported.
    quiet(
        "number",
        "cs-CZ",
        "SQL Server has a limit of 100 thousand rows for training",
        "SQL Server má limit 100 000 řádků pro školení",
    );
    quiet(
        "number",
        "fr-FR",
        "Up to 1.5 million rows.",
        "Jusqu'à 1 500 000 lignes.",
    );
    fires(
        "number",
        "cs-CZ",
        "SQL Server has a limit of 100 thousand rows for training",
        "SQL Server má limit 10 000 řádků pro školení",
    );
    // hololens/fr-FR hololens-updates.md: a morning hour turned into an afternoon one.
    let found = fires(
        "number",
        "fr-FR",
        "Default value: 3 AM",
        "Valeur par défaut : 15h00",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    // Each language's separators, 24-hour clocks, ordinals, words for small numbers.
    quiet(
        "number",
        "fr-FR",
        "Less than 1,800,000 minutes (1,250 days), 1.5 GB.",
        "Moins de 1\u{202f}800\u{202f}000 minutes (1\u{a0}250 jours), 1,5 Go.",
    );
    quiet(
        "number",
        "nl-NL",
        "English: Mon-Fri 9 AM-5 PM London",
        "Engels: ma-vr 9:00-17:00 Londen",
    );
    quiet(
        "number",
        "fr-FR",
        "HoloLens (1st gen) for 4 seconds",
        "HoloLens (1re génération) pendant quatre secondes",
    );
    quiet(
        "number",
        "fr-FR",
        "$X\\_1: (0,0,0,1)$",
        "$X \\_ 1 : (0, 0, 0, 1)$",
    );
    // What the corpus writes in other forms: thousands with `k` (projops/fr-FR
    // install-sample-data-3-x.md, 5ab32-273), two-digit years (projops/fr-FR
    // project-operations-updates.md, de1c7-134), numbers as words (m365/nl-NL
    // deleted-user.md, 3f9b7-p105), a product name glued to its number (hololens/fr-FR
    // hololens2-industrial-edition-faq.md, 32435-106), a number repeated
    // (m365/nl-NL deploy-update-channels-examples-rapid-deploy.md, f893f-125).
    for (locale, source, translation) in [
        (
            "fr-FR",
            "2.8k+ role-price specifications",
            "Plus de 2 800 spécifications de prix et de rôles",
        ),
        ("fr-FR", "09-July-21", "09 juillet 2021"),
        // hololens/fr-FR: a glued `2x2` before `802.11`; projops/fr-FR: decimals of zeros.
        (
            "fr-FR",
            "HoloLens contains a 802.11ac-capable, 2x2 Wi-Fi radio.",
            "HoloLens contient une radio Wi-Fi 2x2 802.11ac.",
        ),
        (
            "fr-FR",
            "the two mileage lines would be: 1000 (rate 0.45) +  500 (rate 0.25) = 575.00.",
            "les deux lignes sont : 1 000 (taux 0,45) + 500 (taux 0,25) = 575.",
        ),
        // m365/nl-NL: a unit converted, a time as a word; hololens/nl-NL: a dimension.
        (
            "nl-NL",
            "This is shown as a network insight if the distance is greater than **500 miles** (800 kilometers).",
            "Dit wordt weergegeven als een netwerkinzicht als de afstand groter is dan **800** kilometer.",
        ),
        (
            "nl-NL",
            "The calls will end around noon.",
            "De gesprekken eindigen rond 12.00 uur.",
        ),
        ("nl-NL", "1920x1080px", "1920 x 1080 pixels"),
        (
            "nl-NL",
            "It may take up to twenty-four hours for the Teams guest setting to become active.",
            "Het kan 24 uur duren voordat de instelling voor gasten in Teams actief wordt.",
        ),
        ("nl-NL", "It takes 22 days.", "Het duurt tweeëntwintig dagen."),
        // projops/fr-FR: a version, a first of the month.
        (
            "fr-FR",
            "Resourcing unit (Deprecated in v3.0)",
            "Unité d’allocation des ressources (obsolète dans la version 3.0)",
        ),
        (
            "fr-FR",
            "transactions created before the transaction cut-off date of November 1, Sunday",
            "transactions de dépenses créées avant la date limite de transaction du dimanche 1er novembre",
        ),
        // projops/fr-FR: a time on the hour, a zero written out.
        (
            "fr-FR",
            "Time entries that are after 9:00 PM appear on the wrong day.",
            "Les entrées de temps effectuées après 21h s’affichent le mauvais jour.",
        ),
        // m365/nl-NL get-help-support.md and enter-business-information.md: hours without
        // AM or PM.
        (
            "nl-NL",
            "English: Mon-Fri 9-5 Berlin (UTC +1)",
            "Engels: ma-vr 9.00-17.00 Berlijn (UTC +1)",
        ),
        (
            "nl-NL",
            "he or she will see that your business is closed from 1 to 2:30 on Thursdays.",
            "ziet deze dat uw bedrijf op donderdag is gesloten van 13:00 tot 14:30.",
        ),
        (
            "fr-FR",
            "When the record is marked as zero, any future cost and revenue actuals are impacted.",
            "Lorsque l’enregistrement est marqué à 0, tous les coûts et revenus réels futurs sont affectés.",
        ),
        (
            "nl-NL",
            "The deleted user is kept in your organization for 30 days. After 30 days, we permanently remove the user from your organization.",
            "De verwijderde gebruiker wordt gedurende dertig dagen in uw organisatie bewaard. Na dertig dagen wordt de gebruiker definitief uit de organisatie verwijderd.",
        ),
        (
            "fr-FR",
            "HoloLens 2 Industrial Edition Benefits",
            "Avantages de HoloLens2 Industrial Edition",
        ),
        (
            "nl-NL",
            "See [Windows 10 deployment](/windows/deployment/) for more information on Windows 10 deployment methods and strategies.",
            "Zie [Windows 10 deployment](/windows/deployment/) (Windows 10-implementatie) voor meer informatie over de implementatiemethoden en -strategieën van Windows 10.",
        ),
    ] {
        quiet("number", locale, source, translation);
    }
    // A changed number stays reported beside those forms: m365/nl-NL
    // content-collaboration.md, 4f106-148, and made-up changes of each form.
    assert_eq!(
        fires(
            "number",
            "nl-NL",
            "Denominator: The total number of people who have had access to OneDrive or SharePoint for at least 1 of the last 28 days.",
            "Noemer: Het totale aantal personen dat toegang heeft tot OneDrive of SharePoint van de afgelopen 28 dagen.",
        ),
        ["number `1` of the source is missing from the translation"]
    );
    for (source, translation, found) in [
        ("2.8k+ roles", "Plus de 2 900 rôles", 2),
        ("09-July-21", "09 juillet 2022", 2),
        ("after 9:00 PM", "après 20h", 2),
        ("for 30 days", "pendant treize jours", 1),
        ("HoloLens 2 benefits", "Avantages de HoloLens3", 1),
        // hololens/fr-FR, a name broken by the translation.
        (
            "Then once you have the name run ‘$package1 = Get-AppxPackage -name Actual.PackageName‘",
            "Ensuite, une fois que vous avez le nom « $package 1 = Get-AppxPackage-Name actual. PackageName »",
            1,
        ),
    ] {
        assert_eq!(
            fires("number", "fr-FR", source, translation).len(),
            found,
            "{source} / {translation}"
        );
    }
    // A name the translation broke at its number: quantum/nl-NL, microsoft.quantum.arrays.zip4.md.
    assert_eq!(
        fires(
            "number",
            "nl-NL",
            "Output : ('T1,'T2)[]",
            "Uitvoer: (niet 1, 'T2) []"
        ),
        ["the translation splits number `1` off `'T1`, the name the source writes it in"]
    );
    // The number is named as the translation writes it, not as the digits it compares by.
    assert_eq!(
        fires(
            "number",
            "de-DE",
            "Set $pkg2.1 first.",
            "Setzen Sie zuerst $pkg 2.1."
        ),
        ["the translation splits number `2.1` off `$pkg2.1`, the name the source writes it in"]
    );
    // A product and its version that lost their space in the source (MDOP zh-CN
    // agpm-choosing-which-version-to-install.md): the translation's space breaks nothing.
    quiet(
        "number",
        "zh-CN",
        "Windows Server 2012 or Windows8.1 with AGPM4.0",
        "Windows Server 2012 或 Windows 8.1 与 AGPM 4.0",
    );
    // Digits of other scripts are the digits they stand for, and a changed one is still
    // reported.
    quiet(
        "number",
        "ar-SA",
        "Up to 10 users, 2.5 GB",
        "حتى ١٠ مستخدمين، ٢٫٥ غيغابايت",
    );
    quiet("number", "hi-IN", "10 users", "१० उपयोगकर्ता");
    quiet("number", "th-TH", "Wait 30 seconds.", "รอ ๓๐ วินาที");
    assert_eq!(
        fires("number", "fa-IR", "Up to 10 users", "تا ۱۱ کاربر"),
        [
            "the translation has number `۱۱`, which the source does not",
            "number `10` of the source is missing from the translation",
        ]
    );
    // Numbers are named as written, not as the digits they compare by.
    assert_eq!(
        fires(
            "number",
            "fr-FR",
            "Install version 14.0.23816.0.",
            "Installez la version 14.0.23817.0."
        ),
        [
            "the translation has number `14.0.23817.0`, which the source does not",
            "number `14.0.23816.0` of the source is missing from the translation",
        ]
    );
    // A month the source names is a number in a date of the translation; an unnamed one
    // is reported, and the modal `may` names no month.
    quiet(
        "number",
        "ja-JP",
        "Released on May 3, 2021.",
        "2021年5月3日にリリースされました。",
    );
    quiet(
        "number",
        "de-DE",
        "Ends Sept 30, 2022",
        "Endet am 30.09.2022",
    );
    assert_eq!(
        fires(
            "number",
            "de-DE",
            "Ends Sept 30, 2022",
            "Endet am 30.10.2022"
        ),
        ["the translation has number `10`, which the source does not"]
    );
    assert_eq!(
        fires(
            "number",
            "ja-JP",
            "Released on May 3, 2021.",
            "2021年6月3日にリリースされました。"
        ),
        ["the translation has number `6`, which the source does not"]
    );
    assert_eq!(
        fires(
            "number",
            "fr-FR",
            "You may restart.",
            "Vous pouvez redémarrer 5 fois."
        ),
        ["the translation has number `5`, which the source does not"]
    );
    // Japanese MT writes some digits full-width: `１` is the `1` of the source.
    quiet(
        "number",
        "ja-JP",
        "Use port 443 with 1 subnet.",
        "ポート４４３ を １ つのサブネットで使用します。",
    );
    assert_eq!(
        fires(
            "number",
            "ja-JP",
            "Use port 443.",
            "ポート４４ を使用します。"
        ),
        [
            "the translation has number `４４`, which the source does not",
            "number `443` of the source is missing from the translation",
        ]
    );
}

#[test]
fn untranslated() {
    // m365/nl-NL performance-troubleshooting-plan.md, 05cbb-235.
    let sentence = "Flush your DNS resolver cache and, if possible, close all browsers except the one in which you are running your tests.";
    fires("untranslated", "nl-NL", sentence, sentence);
    // Names, products and host names stay as they are.
    for same in [
        "Microsoft 365 Defender",
        "Microsoft Defender for Endpoint",
        "outlook.office365.com",
        "Windows 10",
    ] {
        quiet("untranslated", "fr-FR", same, same);
    }
}

#[test]
fn empty_translation() {
    fires("empty-translation", "fr-FR", "Sign in.", "  ");
    quiet("empty-translation", "fr-FR", "Sign in.", "Connectez-vous.");
}

#[test]
fn escape_entity() {
    fires(
        "escape-entity",
        "nl-NL",
        "https://\\<tenant\\>.sharepoint.com",
        "https://<tenant>.sharepoint.com",
    );
    quiet(
        "escape-entity",
        "nl-NL",
        "Update &amp; Security \\*",
        "Bijwerken &amp; beveiliging \\*",
    );
    // An entity of a markup character lost: `<tenant>` becomes a tag.
    fires(
        "escape-entity",
        "fr-FR",
        "Go to https://&lt;tenant&gt;.sharepoint.com",
        "Accédez à https://<tenant>.sharepoint.com",
    );
    fires("escape-entity", "fr-FR", "Type &#42;.md", "Tapez *.md");
    // Entities of text characters are the translation's to write or phrase away
    // (hololens/fr-FR hololens1-fit-comfort-faq.md and hololens2-industrial-edition-faq.md,
    // m365/nl-NL explanation-types-overview.md and connect-to-all-microsoft-365-services…).
    for (locale, source, translation) in [
        (
            "fr-FR",
            "meant only as general guidance&mdash;they don't replace any laws",
            "fournis à titre indicatif seulement. Ils ne remplacent pas les législations",
        ),
        (
            "fr-FR",
            "What&#39;s the rapid replacement program?",
            "Quel est le programme de remplacement rapide ?",
        ),
        (
            "nl-NL",
            "Includes text and numbers (for example, \"Dec 9, 2020\").",
            "Bevat tekst en getallen (bijvoorbeeld &quot;9 dec, 2020\").",
        ),
        (
            "nl-NL",
            "connect to the Security &amp; Compliance Center.",
            "verbinding te maken met het Beveiligings- en compliancecentrum.",
        ),
        ("fr-FR", "Windows&nbsp;10", "Windows 10"),
        // Junk escapes of the source the translation dropped with their character
        // (quantum/nl-NL jwoptimizedfermionevolutionfunction.md, m365/nl-NL
        // modern-auth-for-office-2013-and-2016.md).
        (
            "nl-NL",
            "An `EvolutionUnitary` representing time-evolution by the term referenced in \\`generatorIndex.",
            "Een `EvolutionUnitary` representatieve tijd ontwikkeling op basis van de term waarnaar wordt verwezen in generatorIndex.",
        ),
        (
            "nl-NL",
            "\\*\\*\\*\\*Office client app version\\*\\*\\*\\*",
            "Office client-app versie\\*\\*\\*\\*",
        ),
    ] {
        quiet("escape-entity", locale, source, translation);
    }
}

#[test]
fn whitespace() {
    let found = fires(
        "whitespace",
        "nl-NL",
        "Select **Save**.",
        " Selecteer  **Opslaan**.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    // French typography: no-break spaces before `:` and inside « », and typographic quotes.
    quiet(
        "whitespace",
        "fr-FR",
        "Potential reasons: say \"Hey Cortana\".",
        "Raisons potentielles\u{a0}: dites «\u{a0}Hey Cortana\u{a0}».",
    );
}

#[test]
fn french_spacing() {
    let rule = "french-spacing";
    // quantum/fr-FR: an ordinary space before the colon.
    let found = fires(
        rule,
        "fr-FR",
        "To get the array `[PauliI, PauliI, PauliX, PauliI]`:",
        "Pour obtenir le tableau `[PauliI, PauliI, PauliX, PauliI]` :",
    );
    assert_eq!(
        found,
        ["an ordinary space before `:`; French typography wants a no-break space (U+00A0 or U+202F)"]
    );
    // projops SECURITY.md: no space at all before `;`.
    fires(
        rule,
        "fr-FR",
        "If possible, encrypt your message with our PGP key; please download it",
        "Dans la mesure du possible, chiffrez votre message avec notre clé PGP; vous pouvez le télécharger",
    );
    // hololens: ordinary spaces inside guillemets, two findings.
    let found = fires(rule, "fr-FR", "Say \"select\"", "Dites « sélectionner »");
    assert_eq!(found.len(), 2, "{found:?}");
    // What must not fire: no-break and narrow no-break spaces, the `&nbsp;` entity, times,
    // URLs, code, `?!` runs, other languages, and Canadian French before `?`.
    for translation in [
        "Remarque\u{a0}: le portail",
        "Pourquoi\u{202f}?",
        "Remarque&nbsp;: le portail",
        "Le service s'arrête à 10:30.",
        "Voir <https://contoso.com:443/a>.",
        "Exécutez `a : b` puis `c;d`.",
        "Vraiment\u{a0}?!",
        "«\u{a0}Sélectionner\u{a0}»",
    ] {
        quiet(rule, "fr-FR", "Note: the portal", translation);
    }
    quiet(rule, "nl-NL", "Note: the portal", "Opmerking : de portal");
    quiet(rule, "fr-CA", "Why?", "Pourquoi?");
    fires(rule, "fr-CA", "Note: the portal", "Remarque : le portail");
}

#[test]
fn french_spacing_is_off_unless_configured() {
    let config = locdoc::config::Config::default();
    assert!(config.severity("french-spacing", Some("fr-FR")).is_none());
    let config = locdoc::config::Config::parse(
        std::path::Path::new("locdoc.toml"),
        "[locale.fr-FR.rules]\nfrench-spacing = \"on\"\n",
    )
    .unwrap();
    assert_eq!(
        config.severity("french-spacing", Some("fr-FR")),
        Some(Severity::Info)
    );
    assert!(config.severity("french-spacing", Some("fr-CA")).is_none());
}

#[test]
fn page_rules() {
    let text = "---\nms.contentlocale: fr-FR\n---\n<span data-ttu-id=\"a-1\">Un</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">One</span></span> <span data-ttu-id=\"a-1\">Deux</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Two</span></span>\n\nVoir [étapes](#missing) et [haut](#top).\n\n## <a name=\"top\"></a>Haut\n\n<span data-ttu-id=\"a-3\">alleen\n";
    let page = Page::parse("docs/nl-NL/page.md", text.to_owned());
    let found: Vec<(&str, usize, usize, Severity)> = check_page(&page, RULES)
        .iter()
        .map(|f| (f.rule, f.line, f.column, f.severity))
        .collect();
    assert_eq!(
        found,
        [
            ("front-matter", 2, 1, Severity::Error),
            ("duplicate-segment-id", 4, 120, Severity::Error),
            ("fragment-link", 6, 15, Severity::Warning),
            ("markup", 10, 1, Severity::Error),
        ]
    );
    // The same page where it belongs, without its faults; older pages write anchors
    // without quotes inside the heading's segment.
    let clean = "---\nms.contentlocale: fr-FR\n---\n## <a name=\"top\"></a><span data-ttu-id=\"a-1\">Haut</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Top</span></span>\n\n[Retour](#top) [Début](#haut) [Réparer](#repairthetrust)\n\n## <span data-ttu-id=\"a-2\">Réparer<a name=repairthetrust></a></span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">Repair <a name=repairthetrust></a></span></span>\n";
    let page = Page::parse("docs/fr-FR/page.md", clean.to_owned());
    assert_eq!(check_page(&page, RULES), []);
}

#[test]
fn conflict_marker() {
    // The shape of Intune pt-BR enroll-your-device-in-intune-ios.md (2017), committed with
    // its hand-off merged half-way; then a page about git, whose markers are in code.
    let text = "---\nms.contentlocale: pt-BR\n---\n<<<<<<< HEAD\n> <span data-ttu-id=\"a-1\">Se você</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">If you</span></span>\n=======\n> Se você\n>>>>>>> live\n\nTítulo\n=======\n\n```\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> main\n```\n\n    <<<<<<< ours\n\n>>>>>>> live\n";
    let page = Page::parse("docs/pt-BR/page.md", text.to_owned());
    let found: Vec<(&str, usize, usize, String)> = check_page(&page, RULES)
        .into_iter()
        .map(|f| (f.rule, f.line, f.column, f.message))
        .collect();
    assert_eq!(
        found,
        [
            ("conflict-marker", 4, 1, "a merge conflict is left here, up to line 8: keep one side and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines".to_owned()),
            ("conflict-marker", 23, 1, "a merge conflict marker line is left here: resolve the conflict and delete it".to_owned()),
        ]
    );
}

#[test]
fn line_breaks_added_in_table_rows_and_headings() {
    // intune-books-deviceinstallstate-list.md (Graph ru-RU): a table cell's translation
    // ends with a line break, so the row ends inside the cell; then the same in a heading,
    // and in a paragraph, where a soft line break changes nothing.
    let seg = |id: &str, source: &str, translation: &str| {
        format!("<span data-ttu-id=\"{id}\">{translation}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>")
    };
    let text =
        format!(
        "---\nms.contentlocale: ru-RU\n---\n|Имя|Описание|\n|---|---|\n|{}|{}|\n\n## {}\n\n{}\n",
        seg("a-121", "Authorization", "Авторизация"),
        seg("a-122", "Bearer &lt;token&gt; Required.", "Требуется Bearer &lt;маркер&gt;\n"),
        seg("a-123", "Request headers", "Заголовки\nзапроса"),
        seg("a-124", "Do not supply a request body.", "Не указывайте\nтекст запроса."),
    );
    let page = Page::parse("docs/ru-RU/page.md", text);
    let found: Vec<(&str, &str, usize, usize, String)> = check_page(&page, RULES)
        .into_iter()
        .filter(|f| f.rule == "whitespace")
        .map(|f| (f.rule, f.severity.as_str(), f.line, f.column, f.message))
        .collect();
    assert_eq!(
        found,
        [
            ("whitespace", "warning", 6, 182, "the translation breaks the line inside a table row: the row ends here and the table breaks".to_owned()),
            ("whitespace", "warning", 9, 39, "the translation breaks the line inside a heading: the heading ends here".to_owned()),
        ]
    );
}

#[test]
fn tool_markup() {
    // The shapes of a ja-JP Partner Center page (XLIFF tags where a link was) and a pt-BR
    // .NET page (placeholders in a segment); then the same in code, which is not looked at.
    let text = "---\nms.contentlocale: ja-JP\n---\n<bpt id=\"p1\">[</bpt>パートナー センター<ept id=\"p1\">](https://x.y)</ept>を開きます。\n\n## <span data-ttu-id=\"a-114\">{1&gt;Requisitos&lt;1}</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-114\">Requirements</span></span>\n\n```xml\n<bpt id=\"p1\">[</bpt>\n```\n\nSee `{1>x<1}`.\n";
    let page = Page::parse("docs/ja-JP/page.md", text.to_owned());
    let found: Vec<(&str, usize, usize, String)> = check_page(&page, RULES)
        .into_iter()
        .filter(|f| f.rule == "tool-markup")
        .map(|f| (f.rule, f.line, f.column, f.message))
        .collect();
    let at = |line, column, mark: &str| {
        ("tool-markup", line, column, format!("`{mark}` is markup of the translation tools left in the text: restore the Markdown it stands for and delete it"))
    };
    assert_eq!(
        found,
        [
            at(4, 1, "<bpt id=\"p1\">"),
            at(4, 15, "</bpt>"),
            at(4, 31, "<ept id=\"p1\">"),
            at(4, 58, "</ept>"),
            at(6, 30, "{1&gt;"),
            at(6, 46, "&lt;1}"),
        ]
    );
}

#[test]
fn front_matter_segments_are_checked_where_they_are() {
    // Older pages translate the title in the front matter (Azure PowerShell de-DE, 2017);
    // its id then repeats in the body like any other.
    let text = "---\ntitle: <span data-ttu-id=\"a-1\">Azure PowerShell 4 installieren</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Install Azure PowerShell 5</span></span>\nms.contentlocale: de-DE\n---\n# <span data-ttu-id=\"a-1\">Installieren</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Install</span></span>\n";
    let page = Page::parse("docs/de-DE/page.md", text.to_owned());
    let found: Vec<(&str, usize, usize, Option<String>)> = check_page(&page, RULES)
        .into_iter()
        .map(|f| (f.rule, f.line, f.column, f.segment))
        .collect();
    assert_eq!(
        found,
        [
            // `4` added in the translation, `5` lost from the source.
            ("number", 2, 49, Some("a-1".to_owned())),
            ("number", 2, 144, Some("a-1".to_owned())),
            ("duplicate-segment-id", 5, 22, None),
        ]
    );
}
#[test]
fn every_rule_has_an_id_severity_and_documentation() {
    let mut ids = std::collections::HashSet::new();
    for rule in RULES {
        assert!(ids.insert(rule.id()), "duplicate id {}", rule.id());
        assert!(
            rule.id()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            rule.id()
        );
        for section in ["## What it does", "## Why it matters", "## Example"] {
            assert!(
                rule.doc().contains(section),
                "{} lacks {section}",
                rule.id()
            );
        }
    }
}
