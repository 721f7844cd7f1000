//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning ingests it: the rules with their
//! documentation under `tool.driver`, then one result per finding with its place.

use std::io::{self, Write};
use std::path::Path;

use serde_json::{json, Value};

use super::Emitter;
use crate::baseline::Key;
use crate::check::{Sink, Summary};
use crate::diag::Severity;
use crate::files::slash_path;
use crate::finding::Finding;
use crate::rules::RULES;

/// The schema the log declares.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes a SARIF log; results stream out as pages are checked.
pub struct Sarif<'w> {
    out: &'w mut dyn Write,
    started: bool,
    first: bool,
}

impl<'w> Sarif<'w> {
    /// A SARIF log into `out`.
    pub fn new(out: &'w mut dyn Write) -> Self {
        Sarif {
            out,
            started: false,
            first: true,
        }
    }

    /// Everything before the first result.
    fn start(&mut self) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let rules: Vec<Value> = RULES
            .iter()
            .map(|rule| {
                json!({
                    "id": rule.id(),
                    "name": rule.id(),
                    "shortDescription": { "text": rule.summary() },
                    "fullDescription": { "text": rule.summary() },
                    "help": { "text": rule.doc(), "markdown": rule.doc() },
                    "defaultConfiguration": {
                        "level": level(rule.severity()),
                        "enabled": rule.enabled_by_default(),
                    },
                })
            })
            .collect();
        let driver = json!({
            "name": "locdoc",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        });
        write!(
            self.out,
            "{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":"
        )?;
        serde_json::to_writer(&mut *self.out, &driver)?;
        write!(
            self.out,
            "}},\"columnKind\":\"unicodeCodePoints\",\"results\":["
        )
    }
}

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative reference for `artifactLocation.uri`: `/`-separated, with the characters a
/// URI cannot hold percent-encoded.
pub(crate) fn uri(path: &Path) -> String {
    let mut out = String::new();
    for byte in slash_path(path).bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A fingerprint that survives edits elsewhere in the page: the baseline key, hashed.
fn fingerprint(finding: &Finding) -> String {
    let key = Key::of(finding);
    let text = format!(
        "{}\u{0}{}\u{0}{}\u{0}{}",
        key.file,
        key.rule,
        key.segment.unwrap_or_default(),
        key.text
    );
    format!("{:016x}", crate::select::fnv1a(text.as_bytes()))
}

/// One SARIF result.
fn result(f: &Finding) -> Value {
    let marked = f
        .context
        .line
        .get(f.context.span.clone())
        .map_or(0, |t| t.chars().count());
    let rule_index = RULES.iter().position(|r| r.id() == f.rule);
    let mut region = json!({
        "startLine": f.line,
        "startColumn": f.column,
        "endColumn": f.column + marked.max(1),
    });
    if let Some(text) = f.context.line.get(f.context.span.clone()) {
        if !text.is_empty() {
            region["snippet"] = json!({ "text": text });
        }
    }
    let mut result = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&f.file) },
                "region": region,
            }
        }],
        "partialFingerprints": { "locdocFinding/v1": fingerprint(f) },
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    let mut properties = serde_json::Map::new();
    if let Some(segment) = &f.segment {
        properties.insert("segment".into(), json!(segment));
    }
    if let Some(locale) = &f.locale {
        properties.insert("locale".into(), json!(locale));
    }
    if !properties.is_empty() {
        result["properties"] = Value::Object(properties);
    }
    result
}

impl Sink for Sarif<'_> {
    fn page(&mut self, _path: &Path, findings: &[Finding]) -> io::Result<()> {
        self.start()?;
        for finding in findings {
            if !self.first {
                self.out.write_all(b",")?;
            }
            self.first = false;
            self.out.write_all(b"\n")?;
            serde_json::to_writer(&mut *self.out, &result(finding))?;
        }
        Ok(())
    }
}

impl Emitter for Sarif<'_> {
    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.start()?;
        self.out.write_all(b"\n]}]}\n")?;
        self.out.flush()
    }
}
