//! The Fluent catalogues: each parses, each locale has every message of en-US with the same
//! variables, and every message the code names exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use locdoc::i18n::{Localizer, CATALOGUES};
use locdoc::rules::ItemKind;

/// Message id → the variables its value uses.
fn messages(lang: &str, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{lang}: the catalogue does not parse: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    variables(value, &mut vars);
                }
                let previous = out.insert(message.id.name.to_owned(), vars);
                assert!(previous.is_none(), "{lang}: {} twice", message.id.name);
            }
            Entry::Junk { content } => panic!("{lang}: junk {content:?}"),
            _ => {}
        }
    }
    out
}

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn every_locale_has_every_message_with_the_same_variables() {
    let (_, english) = CATALOGUES[0];
    let reference = messages("en-US", english);
    assert!(reference.len() > 50, "{}", reference.len());
    for (lang, source) in &CATALOGUES[1..] {
        let catalogue = messages(lang, source);
        for (id, vars) in &reference {
            let Some(theirs) = catalogue.get(id) else {
                panic!("{lang} lacks message `{id}`");
            };
            assert_eq!(theirs, vars, "{lang}: variables of `{id}`");
        }
        for id in catalogue.keys() {
            assert!(
                reference.contains_key(id),
                "{lang} has `{id}`, which en-US does not"
            );
        }
    }
}

#[test]
fn every_message_the_code_names_is_in_the_reference_catalogue() {
    let english = Localizer::english();
    let named = regex::Regex::new(r#"msg!\(\s*"([^"]+)""#).unwrap();
    let mut count = 0;
    for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let code = std::fs::read_to_string(entry.path()).unwrap();
        for id in named.captures_iter(&code) {
            count += 1;
            assert!(
                english.has(&id[1]),
                "{}: no message `{}`",
                entry.path().display(),
                &id[1]
            );
        }
    }
    assert!(count > 40, "found only {count} messages in the code");
    for kind in ItemKind::ALL {
        assert!(english.has(kind.noun().id), "{kind:?}");
    }
}

#[test]
fn finding_messages_read_in_each_language() {
    let message = locdoc::msg!(
        "item-missing",
        what = ItemKind::Bold.noun(),
        value = "**Save**"
    );
    let text = |lang: &str| Localizer::negotiate(&[lang]).format(&message);
    assert_eq!(
        text("en-US"),
        "bold span `**Save**` of the source is missing from the translation"
    );
    assert_eq!(
        text("fr-FR"),
        "manque dans la traduction : passage en gras `**Save**` de la source"
    );
    assert_eq!(
        text("nl"),
        "ontbreekt in de vertaling: vetgedrukt stuk `**Save**` uit de bron"
    );
}
