//! The tool's own messages in the user's language: Project Fluent catalogues from
//! `locales/<lang>/locdoc.ftl`, built into the binary, chosen by `--lang` or the environment,
//! falling back to en-US message by message.
//!
//! Code never holds the English text of a message: it names a [`Message`] by id with its
//! arguments ([`msg!`](crate::msg)), and a [`Localizer`] turns it into text.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// The catalogues built in: language tag and Fluent source. en-US comes first and is the
/// reference every other catalogue must match.
pub const CATALOGUES: &[(&str, &str)] = &[
    ("en-US", include_str!("../locales/en-US/locdoc.ftl")),
    ("fr-FR", include_str!("../locales/fr-FR/locdoc.ftl")),
    ("nl-NL", include_str!("../locales/nl-NL/locdoc.ftl")),
];

/// The language used when nothing else matches.
pub const DEFAULT_LANG: &str = "en-US";

/// A message to show: a Fluent id and its named arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    /// The Fluent message id.
    pub id: &'static str,
    /// Named arguments, in the order given.
    pub args: Vec<(&'static str, Arg)>,
}

/// A message argument: text, or a number Fluent can choose plural forms by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Text, shown as it is.
    Text(String),
    /// A count or a line number.
    Number(i64),
    /// Another message, formatted in the same language first (a noun such as "code span").
    Message(Box<Message>),
}

impl From<Message> for Arg {
    fn from(value: Message) -> Self {
        Arg::Message(Box::new(value))
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(value.clone())
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}

impl From<usize> for Arg {
    fn from(value: usize) -> Self {
        Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<&std::path::Path> for Arg {
    fn from(value: &std::path::Path) -> Self {
        Arg::Text(value.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(value: &std::path::PathBuf) -> Self {
        Arg::Text(value.display().to_string())
    }
}

impl Message {
    /// A message with these arguments.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Message { id, args }
    }

    /// The value of argument `name`.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}

/// English text, for logs, tests and `Display` of errors.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Localizer::english().format(self))
    }
}

/// Serialized as its English text.
impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Builds a [`Message`]: `msg!("finding-fragment-link", fragment = name)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new(
            $id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// Formats messages in one language, falling back to en-US for a message the language's
/// catalogue lacks.
pub struct Localizer {
    lang: &'static str,
    /// The chosen language's bundle, then en-US (once when they are the same).
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl fmt::Debug for Localizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Localizer")
            .field("lang", &self.lang)
            .finish()
    }
}

impl Localizer {
    /// A localizer for the best built-in match of `requested` (BCP 47 tags or POSIX locale
    /// names such as `fr_FR.UTF-8`, most wanted first); en-US when none matches.
    pub fn negotiate<S: AsRef<str>>(requested: &[S]) -> Localizer {
        Localizer::for_lang(negotiate(requested))
    }

    /// A localizer for the language `--lang` names or, without it, the environment's
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`, in that order).
    pub fn from_env(explicit: Option<&str>) -> Localizer {
        let mut requested: Vec<String> = explicit.map(str::to_owned).into_iter().collect();
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(value) = std::env::var(var) {
                if !value.is_empty() {
                    requested.push(value);
                    // POSIX: the first one set wins.
                    break;
                }
            }
        }
        Localizer::negotiate(&requested)
    }

    /// The en-US localizer.
    pub fn english() -> &'static Localizer {
        static ENGLISH: OnceLock<Localizer> = OnceLock::new();
        ENGLISH.get_or_init(|| Localizer::for_lang(DEFAULT_LANG))
    }

    /// The language it writes.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    fn for_lang(lang: &'static str) -> Localizer {
        let mut bundles = vec![bundle(lang)];
        if lang != DEFAULT_LANG {
            bundles.push(bundle(DEFAULT_LANG));
        }
        Localizer { lang, bundles }
    }

    /// The text of `message`.
    pub fn format(&self, message: &Message) -> String {
        self.text(message.id, &message.args)
    }

    /// The text of message `id` with `args`; the id itself where no catalogue has it, so a
    /// missing message shows rather than vanishes (a test keeps that from happening).
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Message(inner) => FluentValue::from(self.format(inner)),
            };
            fluent_args.set(*name, value);
        }
        for bundle in &self.bundles {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            return text.into_owned();
        }
        id.to_owned()
    }

    /// Whether any catalogue has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundles.iter().any(|b| b.has_message(id))
    }
}

/// The direction text in language `tag` runs in, as HTML's `dir` attribute names it: `rtl`
/// for Arabic, Hebrew, Persian, Urdu… (or a right-to-left script subtag), else `ltr`, also
/// for a tag that does not parse.
pub fn text_direction(tag: &str) -> &'static str {
    match tag.parse::<LanguageIdentifier>() {
        Ok(lang) if lang.character_direction() == CharacterDirection::RTL => "rtl",
        _ => "ltr",
    }
}

/// The name language `tag` has in itself (`日本語` for `ja-JP`, `Português` for `pt-BR`),
/// capitalized as a menu entry; none for a tag that does not parse or a language with no
/// known name.
pub fn autonym(tag: &str) -> Option<String> {
    let lang: LanguageIdentifier = tag.parse().ok()?;
    let code = lang.language.as_str();
    // A script subtag can name a script other than the one the language's name is usually
    // written in (`sr-Latn-RS` is Serbian in Latin letters).
    if let Some(script) = lang.script {
        let named = SCRIPT_AUTONYMS
            .iter()
            .find(|(l, s, _)| *l == code && *s == script.as_str());
        if let Some((_, _, name)) = named {
            return Some((*name).to_owned());
        }
    }
    let language = match code.len() {
        2 => isolang::Language::from_639_1(code),
        _ => isolang::Language::from_639_3(code),
    }?;
    let name = language.to_autonym()?;
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// Names of languages in themselves where a script subtag decides how they are written:
/// language, script, name.
const SCRIPT_AUTONYMS: &[(&str, &str, &str)] = &[
    ("az", "Cyrl", "Азәрбајҹан"),
    ("az", "Latn", "Azərbaycan"),
    ("bs", "Cyrl", "Босански"),
    ("bs", "Latn", "Bosanski"),
    ("iu", "Cans", "ᐃᓄᒃᑎᑐᑦ"),
    ("iu", "Latn", "Inuktitut"),
    ("ku", "Arab", "کوردی"),
    ("ku", "Latn", "Kurdî"),
    ("mn", "Cyrl", "Монгол"),
    ("mn", "Mong", "ᠮᠣᠩᠭᠣᠯ"),
    ("pa", "Arab", "پنجابی"),
    ("pa", "Guru", "ਪੰਜਾਬੀ"),
    ("sr", "Cyrl", "Српски"),
    ("sr", "Latn", "Srpski"),
    ("uz", "Cyrl", "Ўзбек"),
    ("uz", "Latn", "O‘zbek"),
    ("zh", "Hans", "简体中文"),
    ("zh", "Hant", "繁體中文"),
];

/// Picks the built-in catalogue that best matches `requested`.
pub fn negotiate<S: AsRef<str>>(requested: &[S]) -> &'static str {
    let available: Vec<LanguageIdentifier> = CATALOGUES
        .iter()
        .filter_map(|(tag, _)| tag.parse().ok())
        .collect();
    let requested: Vec<LanguageIdentifier> = requested
        .iter()
        .filter_map(|r| posix_to_bcp47(r.as_ref()).parse().ok())
        .collect();
    let default: Option<&LanguageIdentifier> = available.first();
    let chosen = fluent_langneg::negotiate_languages(
        &requested,
        &available,
        default,
        fluent_langneg::NegotiationStrategy::Filtering,
    );
    let tag = chosen.first().map(|l| l.to_string());
    CATALOGUES
        .iter()
        .map(|(t, _)| *t)
        .find(|t| Some(*t) == tag.as_deref())
        .unwrap_or(DEFAULT_LANG)
}

/// `fr_FR.UTF-8@euro` → `fr-FR`; `C` and `POSIX` name no language.
fn posix_to_bcp47(name: &str) -> Cow<'_, str> {
    let name = name.split(['.', '@']).next().unwrap_or(name);
    match name {
        "C" | "POSIX" | "" => Cow::Borrowed("und"),
        _ if name.contains('_') => Cow::Owned(name.replace('_', "-")),
        _ => Cow::Borrowed(name),
    }
}

fn bundle(lang: &'static str) -> FluentBundle<FluentResource> {
    let source = CATALOGUES
        .iter()
        .find(|(tag, _)| *tag == lang)
        .map_or("", |(_, source)| *source);
    // The catalogues are part of the program; a test parses each without error, so what
    // fails to parse here can only be dropped entries of a broken build.
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _)| res);
    let id: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals and HTML do not want the bidi isolation marks around arguments.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_named_in_themselves() {
        let named: Vec<Option<String>> = [
            "fr-FR",
            "ar-SA",
            "ko-KR",
            "fil-PH",
            "nl",
            "sr-Latn-RS",
            "sr-Cyrl-RS",
            "zh-Hant-TW",
            "pa-Arab-PK",
            "qaa-QM",
            "not a tag",
        ]
        .iter()
        .map(|t| autonym(t))
        .collect();
        let expected = [
            Some("Français"),
            Some("العربية"),
            Some("한국어"),
            Some("Filipino"),
            Some("Nederlands"),
            Some("Srpski"),
            Some("Српски"),
            Some("繁體中文"),
            Some("پنجابی"),
            None,
            None,
        ];
        assert_eq!(named, expected.map(|n| n.map(str::to_owned)));
    }

    #[test]
    fn right_to_left_languages_and_scripts_are_told_apart() {
        for tag in ["ar-SA", "he-IL", "fa-IR", "ur-PK", "az-Arab"] {
            assert_eq!(text_direction(tag), "rtl", "{tag}");
        }
        for tag in [
            "fr-FR",
            "nl-NL",
            "en-US",
            "zh-Hant-TW",
            "sr-Latn-RS",
            "not a tag",
        ] {
            assert_eq!(text_direction(tag), "ltr", "{tag}");
        }
    }

    #[test]
    fn environment_names_pick_a_catalogue() {
        assert_eq!(negotiate(&["fr_FR.UTF-8"]), "fr-FR");
        assert_eq!(negotiate(&["fr"]), "fr-FR");
        assert_eq!(negotiate(&["nl-BE"]), "nl-NL");
        assert_eq!(negotiate(&["de-DE", "nl"]), "nl-NL");
        assert_eq!(negotiate(&["C"]), "en-US");
        assert_eq!(negotiate::<&str>(&[]), "en-US");
        assert_eq!(negotiate(&["ja-JP"]), "en-US");
    }

    #[test]
    fn arguments_are_written_without_isolation_marks() {
        let text =
            Localizer::negotiate(&["fr-FR"]).format(&crate::msg!("finding-empty-translation"));
        assert!(!text.contains('\u{2068}'), "{text:?}");
        assert_ne!(text, "finding-empty-translation");
        let text = Localizer::english().format(&crate::msg!("summary-baselined", count = 1usize));
        assert_eq!(text, "1 finding of the baseline left out");
        let text = Localizer::english().format(&crate::msg!("summary-baselined", count = 3usize));
        assert_eq!(text, "3 findings of the baseline left out");
    }
}
