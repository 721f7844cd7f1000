//! `--format junit`: a JUnit XML report with one test case per page, failed when the page
//! has error findings, for CI systems that show test results.

use std::io::{self, Write};
use std::path::Path;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::Emitter;
use crate::check::{Sink, Summary};
use crate::diag::Severity;
use crate::files::slash_path;
use crate::finding::Finding;

/// One page's test case.
struct Case {
    name: String,
    locale: Option<String>,
    findings: Vec<String>,
    errors: usize,
}

/// Collects one test case per page; the counts the suite element needs come first, so
/// the document is written at the end.
pub struct Junit<'w> {
    out: &'w mut dyn Write,
    cases: Vec<Case>,
    /// Where each page's case is: the cross-locale pass reports on pages a second time.
    index: std::collections::HashMap<String, usize>,
}

impl<'w> Junit<'w> {
    /// A JUnit report into `out`.
    pub fn new(out: &'w mut dyn Write) -> Self {
        Junit {
            out,
            cases: Vec::new(),
            index: std::collections::HashMap::new(),
        }
    }
}

impl Sink for Junit<'_> {
    fn page(&mut self, path: &Path, findings: &[Finding]) -> io::Result<()> {
        let name = slash_path(path);
        if let Some(&i) = self.index.get(&name) {
            let case = &mut self.cases[i];
            case.findings.extend(findings.iter().map(line));
            case.errors += findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            return Ok(());
        }
        self.index.insert(name.clone(), self.cases.len());
        self.cases.push(Case {
            name,
            locale: findings
                .iter()
                .find_map(|f| f.locale.clone())
                .or_else(|| crate::page::locale_in_path(path).map(str::to_owned)),
            findings: findings.iter().map(line).collect(),
            errors: findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count(),
        });
        Ok(())
    }
}

/// A finding as one line of a test case's text.
fn line(f: &Finding) -> String {
    format!(
        "{}:{}:{}: {}[{}]: {}",
        slash_path(&f.file),
        f.line,
        f.column,
        f.severity,
        f.rule,
        f.message
    )
}

impl Emitter for Junit<'_> {
    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        let tests = self.cases.len().to_string();
        let failures = self
            .cases
            .iter()
            .filter(|c| c.errors > 0)
            .count()
            .to_string();
        let mut xml = Writer::new_with_indent(&mut *self.out, b' ', 2);
        xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let attrs = [
            ("name", "locdoc check"),
            ("tests", tests.as_str()),
            ("failures", failures.as_str()),
            ("errors", "0"),
        ];
        xml.write_event(Event::Start(
            BytesStart::new("testsuites").with_attributes(attrs),
        ))?;
        xml.write_event(Event::Start(
            BytesStart::new("testsuite").with_attributes(attrs),
        ))?;
        for case in &self.cases {
            let class = case.locale.as_deref().unwrap_or("locdoc");
            let start = BytesStart::new("testcase")
                .with_attributes([("name", case.name.as_str()), ("classname", class)]);
            if case.findings.is_empty() {
                xml.write_event(Event::Empty(start))?;
                continue;
            }
            xml.write_event(Event::Start(start))?;
            let body = case.findings.join("\n");
            if case.errors > 0 {
                let message = format!("{} error findings", case.errors);
                xml.write_event(Event::Start(
                    BytesStart::new("failure")
                        .with_attributes([("message", message.as_str()), ("type", "locdoc")]),
                ))?;
                xml.write_event(Event::Text(BytesText::new(&body)))?;
                xml.write_event(Event::End(BytesEnd::new("failure")))?;
            } else {
                xml.write_event(Event::Start(BytesStart::new("system-out")))?;
                xml.write_event(Event::Text(BytesText::new(&body)))?;
                xml.write_event(Event::End(BytesEnd::new("system-out")))?;
            }
            xml.write_event(Event::End(BytesEnd::new("testcase")))?;
        }
        xml.write_event(Event::End(BytesEnd::new("testsuite")))?;
        xml.write_event(Event::End(BytesEnd::new("testsuites")))?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}
