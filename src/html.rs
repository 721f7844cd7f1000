//! Attributes of the raw HTML tags pages hold: where the anchors of a page are.
//!
//! pulldown-cmark hands raw HTML over as tokens of text; the attributes inside a tag are
//! tokens, read here with patterns that share one definition of a value. Values come
//! quoted with `"` or `'` or, as older pages write their anchors
//! (`<a name=repairthetrust></a>`), unquoted.

use std::sync::LazyLock;

use regex::Regex;

/// `=` and an attribute's value, in three groups for its three ways of quoting.
const VALUE: &str = r#"\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"#;

/// One attribute: white space before its name keeps `data-ttu-id=` from reading as `id=`.
static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\s([A-Za-z_:][-A-Za-z0-9_:.]*){VALUE}")).expect("valid regex")
});

/// A `name` or `id` attribute: the segment spans of every line are HTML too, and a
/// pattern that only matches these leaves them to the regex's fast scan.
static ANCHOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\s(?i:name|id){VALUE}")).expect("valid regex"));

/// The attributes with a value in the tags of `html`, as name and value, in order.
pub fn attributes(html: &str) -> impl Iterator<Item = (&str, &str)> {
    ATTRIBUTE.captures_iter(html).filter_map(|c| {
        let name = c.get(1)?.as_str();
        Some((name, value(&c, 2)?))
    })
}

/// The anchors `html` defines: the values of its `name` and `id` attributes.
pub fn anchors(html: &str) -> impl Iterator<Item = &str> {
    // Most tags of a page are segment spans, with neither attribute: a look for white space
    // before an `n` or `i` costs less than setting up a search for each.
    let may_have = html
        .chars()
        .zip(html.chars().skip(1))
        .any(|(before, c)| before.is_whitespace() && matches!(c, 'n' | 'N' | 'i' | 'I'));
    may_have
        .then(|| ANCHOR.captures_iter(html))
        .into_iter()
        .flatten()
        .filter_map(|c| value(&c, 1))
        .filter(|value| !value.is_empty())
}

/// The value of an attribute whose three ways of quoting are groups `first` to `first + 2`.
fn value<'h>(c: &regex::Captures<'h>, first: usize) -> Option<&'h str> {
    let value = c
        .get(first)
        .or_else(|| c.get(first + 1))
        .or_else(|| c.get(first + 2))?;
    Some(value.as_str())
}

/// The name of the tag `html` starts with (`<b …` → `b`, `</Path>` → `Path`), as written,
/// and whether it is a closing tag: letters, digits and `-` after `<` or `</`. Comments
/// and declarations (`<!--`, `<!DOCTYPE`) have none.
pub fn tag_name(html: &str) -> Option<(bool, &str)> {
    let inner = html.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let end = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(inner.len());
    (end > 0).then(|| (closing, &inner[..end]))
}

/// The `name` of an `<a name="…">` tag that starts `html`.
pub fn a_name(html: &str) -> Option<&str> {
    let html = html.trim_start();
    let is_a = html.len() > 2
        && html.as_bytes()[..2].eq_ignore_ascii_case(b"<a")
        && html.as_bytes()[2].is_ascii_whitespace();
    if !is_a {
        return None;
    }
    let tag = html.find('>').map_or(html, |end| &html[..end]);
    attributes(tag)
        .find(|(name, _)| name.eq_ignore_ascii_case("name"))
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_quoted_either_way_or_not_at_all() {
        let found: Vec<_> =
            attributes(r#"<a name="x" ID='y' class=z data-ttu-id="a-1" href=`q`>"#).collect();
        assert_eq!(
            found,
            [
                ("name", "x"),
                ("ID", "y"),
                ("class", "z"),
                ("data-ttu-id", "a-1")
            ]
        );
        let names: Vec<_> =
            anchors(r#"<a name=repairthetrust></a><span data-ttu-id="a-1">"#).collect();
        assert_eq!(names, ["repairthetrust"]);
    }

    #[test]
    fn the_name_of_a_leading_a_tag() {
        assert_eq!(a_name("<a name=alternateid></a>"), Some("alternateid"));
        assert_eq!(a_name(" <A class=\"x\" NAME='y'>"), Some("y"));
        assert_eq!(a_name("<abbr name=\"x\">"), None);
        assert_eq!(a_name("<a href=\"#x\">"), None);
        // Only the first tag counts.
        assert_eq!(a_name("<a href=\"#x\"><b name=\"y\">"), None);
    }
}
