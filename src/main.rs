//! The `locdoc` command line: parses arguments, calls the library, prints.
#![allow(clippy::print_stdout, clippy::print_stderr)] // the binary is where printing belongs

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use locdoc::align::{Format as AlignFormat, LocaleRoot};
use locdoc::batch::{self, Report};
use locdoc::export::Format as ExportFormat;
use locdoc::extract::Format;
use locdoc::regen::Side;
use locdoc::report::Format as ReportFormat;
use locdoc::Severity;

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Read, check and regenerate side-by-side localized documentation pages.
#[derive(Debug, Parser)]
#[command(name = "locdoc", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every segment and page below INPUTS with the translation QA rules.
    Check {
        /// Pages or folders of pages [default: content]
        inputs: Vec<PathBuf>,
        /// Report format
        #[arg(long, short, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        /// Colour in human output [default: auto: when standard output is a terminal and NO_COLOR is unset]
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// List the rules with their id, default severity and summary.
    Rules,
    /// Print the documentation of one rule.
    Explain {
        /// A rule id, as `locdoc rules` lists them
        rule: String,
    },
    /// Write the clean page of every sxs page below INPUTS to the same relative path under --out.
    Regen {
        /// Pages or folders of pages [default: content]
        inputs: Vec<PathBuf>,
        /// Output folder; must not be, or lie inside, an input
        #[arg(long, short)]
        out: PathBuf,
        /// Write the recovered English page instead of the translation
        #[arg(long)]
        source: bool,
        /// Also print informational diagnostics
        #[arg(long, short)]
        verbose: bool,
    },
    /// Print every segment with page, locale, id, line, column, source and translation.
    Extract {
        /// Pages or folders of pages [default: content]
        inputs: Vec<PathBuf>,
        /// Output format
        #[arg(long, short, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to this file instead of standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Print one row per source segment with its translation in each locale of the pages.
    Align {
        /// Pages or folders of pages in several locales [default: content]
        inputs: Vec<PathBuf>,
        /// Output format
        #[arg(long, short, value_enum, default_value_t = AlignFormat::Tsv)]
        format: AlignFormat,
        /// The folder of one locale's pages, as LOCALE=DIR, where the locale folder is not
        /// right above the shared paths (repeat for each locale)
        #[arg(long, value_name = "LOCALE=DIR")]
        locale_root: Vec<LocaleRoot>,
        /// Write to this file instead of standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Export the segments of one locale's pages below INPUTS for translators.
    Export {
        /// Pages or folders of pages [default: content]
        inputs: Vec<PathBuf>,
        /// Output format
        #[arg(long, short, value_enum)]
        format: ExportFormat,
        /// The locale whose pages are exported (pages of other locales are skipped)
        #[arg(long)]
        target_lang: String,
        /// The language of the source text
        #[arg(long, default_value = "en-US")]
        source_lang: String,
        /// Write to this file instead of standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Write the translations of an XLIFF or PO file back into the matching segments.
    Import {
        /// An XLIFF 2 (.xlf, .xliff) or PO (.po) file, as `export` writes them
        file: PathBuf,
        /// The pages to update: the same inputs as given to `export`
        #[arg(long, required = true, num_args = 1..)]
        into: Vec<PathBuf>,
    },
}

/// Exit status with error-level findings.
const EXIT_FINDINGS: u8 = 1;
/// Exit status on a usage or I/O error (other files are still processed).
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            inputs,
            format,
            color,
        } => check(default_inputs(inputs), format, color),
        Command::Rules => {
            let width = locdoc::rules::RULES
                .iter()
                .map(|r| r.id().len())
                .max()
                .unwrap_or(0);
            for rule in locdoc::rules::RULES {
                println!(
                    "{:<width$}  {:<7}  {}",
                    rule.id(),
                    rule.severity().as_str(),
                    rule.summary()
                );
            }
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match locdoc::rules::find(&rule) {
            Some(rule) => {
                println!(
                    "# {} ({})\n\n{}\n\n{}",
                    rule.id(),
                    rule.severity(),
                    rule.summary(),
                    rule.doc()
                );
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("error: no rule `{rule}`; `locdoc rules` lists them");
                ExitCode::from(EXIT_ERROR)
            }
        },
        Command::Regen {
            inputs,
            out,
            source,
            verbose,
        } => {
            let inputs = default_inputs(inputs);
            let side = if source {
                Side::Source
            } else {
                Side::Translation
            };
            match batch::regen(&inputs, &out, side) {
                Ok(report) => {
                    print_report(&report, verbose);
                    eprintln!(
                        "regen: wrote {} pages ({} segments) to {}",
                        report.pages,
                        report.segments,
                        out.display()
                    );
                    exit_for(&report)
                }
                Err(err) => {
                    eprintln!("error: {err}");
                    ExitCode::from(EXIT_ERROR)
                }
            }
        }
        Command::Extract {
            inputs,
            format,
            output,
        } => {
            let inputs = default_inputs(inputs);
            let result = match &output {
                Some(path) => {
                    let mut buffer = Vec::new();
                    batch::extract(&inputs, format, &mut buffer).and_then(|report| {
                        locdoc::files::write_atomic(path, &buffer)?;
                        Ok(report)
                    })
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut lock = std::io::BufWriter::new(stdout.lock());
                    let report = batch::extract(&inputs, format, &mut lock);
                    let _ = lock.flush();
                    report
                }
            };
            match result {
                Ok(report) => {
                    print_report(&report, false);
                    exit_for(&report)
                }
                Err(err) => {
                    eprintln!("error: cannot write the extract: {err}");
                    ExitCode::from(EXIT_ERROR)
                }
            }
        }
        Command::Align {
            inputs,
            format,
            locale_root,
            output,
        } => align(inputs, format, locale_root, output),
        Command::Export {
            inputs,
            format,
            target_lang,
            source_lang,
            output,
        } => export(inputs, format, target_lang, source_lang, output),
        Command::Import { file, into } => import(&file, &into),
    }
}

fn export(
    inputs: Vec<PathBuf>,
    format: ExportFormat,
    target: String,
    source: String,
    output: Option<PathBuf>,
) -> ExitCode {
    let inputs = default_inputs(inputs);
    let langs = locdoc::export::Languages { source, target };
    match to_output(output.as_ref(), |out| {
        locdoc::export::run(&inputs, format, &langs, out)
    }) {
        Ok(result) => {
            print_report(&result.report, false);
            eprintln!(
                "export: {} pages, {} segments ({} pages of other locales skipped)",
                result.report.pages,
                result.report.segments,
                result.skipped.len()
            );
            exit_for(&result.report)
        }
        Err(err) => {
            eprintln!("error: cannot write the export: {err}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn import(file: &std::path::Path, into: &[PathBuf]) -> ExitCode {
    match locdoc::import::run(file, into) {
        Ok(report) => {
            for skip in &report.skipped {
                eprintln!("not applied: {skip}");
            }
            for e in &report.errors {
                eprintln!("error: {e}");
            }
            eprintln!(
                "import: {} units, {} applied ({} changed) in {} pages written, {} not applied",
                report.units,
                report.applied,
                report.changed,
                report.pages_written,
                report.skipped.len()
            );
            if !report.errors.is_empty() {
                ExitCode::from(EXIT_ERROR)
            } else if !report.skipped.is_empty() {
                ExitCode::from(EXIT_FINDINGS)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Runs `write` into standard output, or into a buffer written atomically to `output`.
fn to_output<T>(
    output: Option<&PathBuf>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<T>,
) -> std::io::Result<T> {
    match output {
        Some(path) => {
            let mut buffer = Vec::new();
            let result = write(&mut buffer)?;
            locdoc::files::write_atomic(path, &buffer)?;
            Ok(result)
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            let result = write(&mut lock);
            let _ = lock.flush();
            result
        }
    }
}

fn align(
    inputs: Vec<PathBuf>,
    format: AlignFormat,
    roots: Vec<LocaleRoot>,
    output: Option<PathBuf>,
) -> ExitCode {
    let inputs = default_inputs(inputs);
    match to_output(output.as_ref(), |out| {
        locdoc::align::run(&inputs, &roots, format, out)
    }) {
        Ok(report) => {
            for path in &report.unplaced {
                eprintln!(
                    "note: {} is below no locale folder or --locale-root; it pairs with nothing",
                    path.display()
                );
            }
            for e in &report.errors {
                eprintln!("error: {e}");
            }
            eprintln!("align: {} pages, {} rows", report.pages, report.rows);
            if report.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(EXIT_ERROR)
            }
        }
        Err(err) => {
            eprintln!("error: cannot write the alignment: {err}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn check(inputs: Vec<PathBuf>, format: ReportFormat, color: ColorChoice) -> ExitCode {
    use std::io::IsTerminal;
    let stdout = std::io::stdout();
    let color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut emitter = locdoc::report::emitter(format, &mut out, color);
    let result = locdoc::check::run(&inputs, locdoc::rules::RULES, emitter.as_mut())
        .and_then(|summary| emitter.finish(&summary).map(|()| summary));
    drop(emitter);
    let _ = out.flush();
    match result {
        Ok(summary) => {
            for e in &summary.file_errors {
                eprintln!("error: {e}");
            }
            for (path, count) in &summary.unlisted {
                eprintln!(
                    "note: {} has {count} more findings than the {} listed",
                    path.display(),
                    locdoc::check::MAX_FINDINGS_PER_PAGE
                );
            }
            if !summary.file_errors.is_empty() {
                ExitCode::from(EXIT_ERROR)
            } else if summary.errors > 0 {
                ExitCode::from(EXIT_FINDINGS)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => {
            eprintln!("error: cannot write the report: {err}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn default_inputs(inputs: Vec<PathBuf>) -> Vec<PathBuf> {
    if inputs.is_empty() {
        vec![PathBuf::from("content")]
    } else {
        inputs
    }
}

fn print_report(report: &Report, verbose: bool) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for (path, d) in &report.diagnostics {
        if d.kind.severity() == Severity::Info && !verbose {
            continue;
        }
        let _ = writeln!(
            err,
            "{}:{}:{}: {}[{}]: {}",
            path.display(),
            d.position.line,
            d.position.column,
            d.kind.severity(),
            d.kind.code(),
            d.message
        );
    }
    for e in &report.errors {
        let _ = writeln!(err, "error: {e}");
    }
}

fn exit_for(report: &Report) -> ExitCode {
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_ERROR)
    }
}
