//! The `locdoc` command line: parses arguments, calls the library, prints.
#![allow(clippy::print_stdout, clippy::print_stderr)] // the binary is where printing belongs

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use locdoc::align::{Format as AlignFormat, LocaleRoot};
use locdoc::batch::{self, Report};
use locdoc::export::Format as ExportFormat;
use locdoc::extract::Format;
use locdoc::i18n::Localizer;
use locdoc::msg;
use locdoc::regen::Side;
use locdoc::report::Format as ReportFormat;
use locdoc::Severity;

// Every command allocates from several threads at once; glibc's malloc made them wait on
// its arena locks (futex waits in profiles), mimalloc keeps a heap per thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

// Help texts come from the Fluent catalogues (`help-…` ids), in the user's language; the
// doc comments below are what clap shows when a catalogue lacks one.

/// Read, check and regenerate side-by-side localized documentation pages.
#[derive(Debug, Parser)]
#[command(name = "locdoc", version, about)]
struct Cli {
    /// Language of messages and help (en-US, fr-FR, nl-NL) [default: from LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every segment and page below INPUTS with the translation QA rules.
    Check(CheckArgs),
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
        /// The locale whose pages are exported (pages of other locales are skipped); with --out-dir, repeat it to name several
        #[arg(long, value_name = "LOCALE")]
        target_lang: Vec<String>,
        /// The language of the source text
        #[arg(long, default_value = "en-US")]
        source_lang: String,
        /// Write to this file instead of standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Write one file per locale into this folder (fr-FR.xliff…): every locale found, or those named by --target-lang
        #[arg(long, value_name = "DIR", conflicts_with = "output")]
        out_dir: Option<PathBuf>,
    },
    /// Build a static HTML site of the pages below CONTENT, each segment showing its English source.
    Build {
        /// Content folders (or pages) in several locales [default: content]
        content: Vec<PathBuf>,
        /// Site folder; must not be, or lie inside, the content
        #[arg(long, short)]
        out: PathBuf,
        /// A folder of templates replacing the built-in ones of the same name
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
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

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Pages or folders of pages [default: content]
    inputs: Vec<PathBuf>,
    /// Report format
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Human)]
    format: ReportFormat,
    /// Write the report to this file (atomically) instead of standard output
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Colour in human output [default: auto: when standard output is a terminal and NO_COLOR is unset]
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Configuration file [default: locdoc.toml in the working directory or above]
    #[arg(long)]
    config: Option<PathBuf>,
    /// Report only findings that are not in this baseline file
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Record the findings of this run in this baseline file
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Check only pages git reports changed since REV, and their twins in other locales
    #[arg(long, value_name = "REV")]
    changed_since: Option<String>,
    /// Read the pages to check from FILE, one path per line (`-`: standard input)
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,
    /// Check only shard K of N, a stable part of the pages (all locales of a page together)
    #[arg(long, value_name = "K/N")]
    shard: Option<locdoc::select::Shard>,
    /// No progress bar
    #[arg(long, short)]
    quiet: bool,
}

/// Exit status with error-level findings.
const EXIT_FINDINGS: u8 = 1;
/// Exit status on a usage or I/O error (other files are still processed).
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let localizer = Localizer::from_env(lang_argument().as_deref());
    let command = localize_help(Cli::command(), &localizer);
    let cli = match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    match cli.command {
        Command::Check(args) => check(args, &localizer),
        Command::Rules => {
            let width = locdoc::rules::RULES
                .iter()
                .map(|r| r.id().len())
                .max()
                .unwrap_or(0);
            let off = localizer.format(&msg!("rules-off-by-default"));
            for rule in locdoc::rules::RULES {
                let note = if rule.enabled_by_default() { "" } else { &off };
                println!(
                    "{:<width$}  {:<7}  {}{note}",
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
            None => match locdoc::diag::DiagnosticKind::from_code(&rule) {
                // The codes the page reader prints (`error[invalid-front-matter]`).
                Some(kind) => {
                    println!(
                        "# {} ({})\n\n{}",
                        kind.code(),
                        kind.severity(),
                        kind.summary()
                    );
                    match kind.rule().and_then(locdoc::rules::find) {
                        Some(rule) => println!(
                            "\n{}\n\n# {} ({})\n\n{}",
                            localizer.format(&msg!("cli-explain-diagnostic", rule = rule.id())),
                            rule.id(),
                            rule.severity(),
                            rule.doc()
                        ),
                        None => println!("\n{}", localizer.format(&msg!("cli-explain-note"))),
                    }
                    ExitCode::SUCCESS
                }
                None => {
                    say(&localizer, msg!("cli-no-rule", rule = rule));
                    ExitCode::from(EXIT_ERROR)
                }
            },
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
                    print_report(&report, verbose, &localizer);
                    let summary = msg!(
                        "summary-regen",
                        pages = report.pages,
                        segments = report.segments,
                        out = &out
                    );
                    say(&localizer, summary);
                    exit_for(&report)
                }
                Err(err) => fail(&localizer, err.to_string()),
            }
        }
        Command::Extract {
            inputs,
            format,
            output,
        } => {
            let inputs = default_inputs(inputs);
            let result = to_output(output.as_ref(), |out| batch::extract(&inputs, format, out));
            match result {
                Ok(report) => {
                    print_report(&report, false, &localizer);
                    exit_for(&report)
                }
                Err(err) => unwritable(&localizer, "extract", &err),
            }
        }
        Command::Align {
            inputs,
            format,
            locale_root,
            output,
        } => align(inputs, format, locale_root, output, &localizer),
        Command::Export {
            inputs,
            format,
            target_lang,
            source_lang,
            output,
            out_dir,
        } => export(
            inputs,
            format,
            target_lang,
            source_lang,
            output,
            out_dir,
            &localizer,
        ),
        Command::Import { file, into } => import(&file, &into, &localizer),
        Command::Build {
            content,
            out,
            templates,
        } => build(content, out, templates, &localizer),
    }
}

/// Writes `message` in the user's language on standard error.
fn say(localizer: &Localizer, message: locdoc::i18n::Message) {
    eprintln!("{}", localizer.format(&message));
}

/// Reports each of `errors` (the command goes on past them).
fn say_errors(localizer: &Localizer, errors: &[impl std::fmt::Display]) {
    for e in errors {
        say(localizer, msg!("cli-error", message = e.to_string()));
    }
}

/// Reports an error that ends the command.
fn fail(localizer: &Localizer, message: String) -> ExitCode {
    say(localizer, msg!("cli-error", message = message));
    ExitCode::from(EXIT_ERROR)
}

/// Reports that the command's output (`what`: extract, export, alignment) could not be written.
fn unwritable(localizer: &Localizer, what: &str, err: &std::io::Error) -> ExitCode {
    say(
        localizer,
        msg!("cli-unwritable", what = what, message = err.to_string()),
    );
    ExitCode::from(EXIT_ERROR)
}

fn build(
    content: Vec<PathBuf>,
    out: PathBuf,
    templates: Option<PathBuf>,
    localizer: &Localizer,
) -> ExitCode {
    let options = locdoc::site::Options {
        inputs: default_inputs(content),
        out,
        templates,
    };
    let report = match locdoc::site::build(&options) {
        Ok(report) => report,
        Err(err) => return fail(localizer, err.to_string()),
    };
    for problem in &report.problems {
        let id = if problem.is_error() {
            "cli-error"
        } else {
            "cli-warning"
        };
        let message = locdoc::i18n::Message::new(id, vec![("message", problem.to_string().into())]);
        say(localizer, message);
    }
    for path in &report.unplaced {
        say(localizer, msg!("cli-outside-locales", path = path));
    }
    say_errors(localizer, &report.errors);
    for locale in &report.locales {
        let findings: usize = locale.findings.values().sum();
        let summary = msg!(
            "summary-build-locale",
            locale = &locale.locale,
            pages = locale.pages,
            segments = locale.segments,
            findings = findings
        );
        say(localizer, summary);
    }
    let errors = report.problems.iter().filter(|p| p.is_error()).count();
    let unresolved = |p: &&locdoc::site::render::Problem| {
        matches!(
            p.kind,
            locdoc::site::render::ProblemKind::UnresolvedXref { .. }
        )
    };
    let xrefs = report.problems.iter().filter(unresolved).count();
    let summary = msg!(
        "summary-build",
        pages = report.pages,
        assets = report.assets,
        out = &options.out,
        include_errors = errors,
        xrefs = xrefs,
        stale = report.stale
    );
    say(localizer, summary);
    if !report.errors.is_empty() {
        ExitCode::from(EXIT_ERROR)
    } else if errors > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn export(
    inputs: Vec<PathBuf>,
    format: ExportFormat,
    targets: Vec<String>,
    source: String,
    output: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    localizer: &Localizer,
) -> ExitCode {
    let inputs = default_inputs(inputs);
    let result = match (out_dir, <[String; 1]>::try_from(targets)) {
        (Some(dir), targets) => {
            let targets = targets.map_or_else(|many| many, Vec::from);
            locdoc::export::run_each(&inputs, format, &source, &targets, &dir)
        }
        (None, Ok([target])) => {
            let langs = locdoc::export::Languages { source, target };
            to_output(output.as_ref(), |out| {
                locdoc::export::run(&inputs, format, &langs, out)
            })
        }
        (None, Err(_)) => {
            say(localizer, msg!("cli-export-targets"));
            return ExitCode::from(EXIT_ERROR);
        }
    };
    match result {
        Ok(result) => {
            print_report(&result.report, false, localizer);
            for written in &result.locales {
                if let Some(path) = &written.path {
                    let summary = msg!(
                        "summary-export-file",
                        locale = &written.locale,
                        pages = written.pages,
                        segments = written.segments,
                        path = path
                    );
                    say(localizer, summary);
                }
            }
            let summary = msg!(
                "summary-export",
                pages = result.report.pages,
                segments = result.report.segments,
                skipped = result.skipped.len()
            );
            say(localizer, summary);
            exit_for(&result.report)
        }
        Err(err) => unwritable(localizer, "export", &err),
    }
}

fn import(file: &std::path::Path, into: &[PathBuf], localizer: &Localizer) -> ExitCode {
    match locdoc::import::run(file, into) {
        Ok(report) => {
            for skip in &report.skipped {
                say(
                    localizer,
                    msg!("cli-not-applied", reason = skip.to_string()),
                );
            }
            say_errors(localizer, &report.errors);
            let summary = msg!(
                "summary-import",
                units = report.units,
                applied = report.applied,
                changed = report.changed,
                pages = report.pages_written,
                skipped = report.skipped.len()
            );
            say(localizer, summary);
            if !report.errors.is_empty() {
                ExitCode::from(EXIT_ERROR)
            } else if !report.skipped.is_empty() {
                ExitCode::from(EXIT_FINDINGS)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => fail(localizer, err.to_string()),
    }
}

/// Runs `write` into standard output, or into a buffer written atomically to `output`.
fn to_output<T>(
    output: Option<&PathBuf>,
    write: impl FnOnce(&mut (dyn Write + Send)) -> std::io::Result<T>,
) -> std::io::Result<T> {
    match output {
        Some(path) => {
            let mut file = locdoc::files::AtomicFile::create(path)?;
            let result = write(&mut file)?;
            file.commit()?;
            Ok(result)
        }
        None => {
            // Not locked: a lock could not move to the thread that writes.
            let mut stdout = std::io::BufWriter::new(std::io::stdout());
            let result = write(&mut stdout);
            let _ = stdout.flush();
            result
        }
    }
}

fn align(
    inputs: Vec<PathBuf>,
    format: AlignFormat,
    roots: Vec<LocaleRoot>,
    output: Option<PathBuf>,
    localizer: &Localizer,
) -> ExitCode {
    let inputs = default_inputs(inputs);
    match to_output(output.as_ref(), |out| {
        locdoc::align::run(&inputs, &roots, format, out)
    }) {
        Ok(report) => {
            for path in &report.unplaced {
                say(localizer, msg!("cli-unpaired", path = path));
            }
            say_errors(localizer, &report.errors);
            let summary = msg!("summary-align", pages = report.pages, rows = report.rows);
            say(localizer, summary);
            if report.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(EXIT_ERROR)
            }
        }
        Err(err) => unwritable(localizer, "alignment", &err),
    }
}

/// `--lang`'s value, read before clap so that the help text is in that language.
fn lang_argument() -> Option<String> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let arg = arg.to_string_lossy().into_owned();
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_owned());
        }
        if arg == "--lang" {
            return args.next().map(|v| v.to_string_lossy().into_owned());
        }
    }
    None
}

/// The Fluent id of the help of a command (`help-check`) or of one of its arguments
/// (`help-check-format`); the top-level command is `locdoc`.
fn help_id(command: &str, arg: Option<&str>) -> String {
    match arg {
        Some(arg) => format!("help-{command}-{arg}"),
        None => format!("help-{command}"),
    }
}

/// Replaces the help texts of `command`, its arguments and subcommands with the
/// localizer's, where it has them.
fn localize_help(command: clap::Command, localizer: &Localizer) -> clap::Command {
    let name = command.get_name().to_owned();
    let text = |id: String| localizer.has(&id).then(|| localizer.text(&id, &[]));
    let mut command = command;
    if let Some(about) = text(help_id(&name, None)) {
        command = command.about(about);
    }
    let args: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for arg in args {
        if let Some(help) = text(help_id(&name, Some(&arg))) {
            command = command.mut_arg(arg, |a| a.help(help));
        }
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for sub in subcommands {
        command = command.mut_subcommand(sub, |c| localize_help(c, localizer));
    }
    command
}

/// Shows the progress of a check run on standard error, once it has run for a moment.
struct Bar {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
    shown: std::sync::atomic::AtomicBool,
}

impl Bar {
    /// How long a run goes before the bar appears: quick runs print nothing extra.
    const DELAY: std::time::Duration = std::time::Duration::from_millis(500);

    fn new() -> Bar {
        let bar = indicatif::ProgressBar::hidden();
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} pages {elapsed_precise} (ETA {eta})",
        ) {
            bar.set_style(style);
        }
        Bar {
            bar,
            started: std::time::Instant::now(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }
}

impl locdoc::check::Progress for Bar {
    fn start(&self, pages: usize) {
        self.bar.set_length(pages as u64);
    }
    fn advance(&self) {
        self.bar.inc(1);
        use std::sync::atomic::Ordering;
        if self.started.elapsed() > Bar::DELAY && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }
}

fn check(args: CheckArgs, localizer: &Localizer) -> ExitCode {
    use std::io::IsTerminal;
    let config_path = args.config.clone().or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|d| locdoc::config::Config::find(&d))
    });
    let config = match &config_path {
        Some(path) => match locdoc::config::Config::load(path) {
            Ok(config) => config,
            Err(err) => return fail(localizer, err.to_string()),
        },
        None => locdoc::config::Config::default(),
    };
    let mut inputs = args.inputs;
    if let Some(list) = &args.files_from {
        let read = if list.as_os_str() == "-" {
            locdoc::select::read_paths(std::io::stdin().lock())
        } else {
            std::fs::File::open(list)
                .and_then(|f| locdoc::select::read_paths(std::io::BufReader::new(f)))
        };
        match read {
            Ok(paths) => inputs.extend(paths),
            Err(err) => return fail(localizer, format!("cannot read {}: {err}", list.display())),
        }
    }
    // An empty `--files-from` list is a change that touched no page: nothing to check.
    let inputs = if args.files_from.is_some() {
        inputs
    } else {
        default_inputs(inputs)
    };
    let mut selection = locdoc::select::Selection::new(args.shard);
    if let Some(rev) = &args.changed_since {
        let dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        selection = match selection.changed_since(rev, &dir, &config) {
            Ok(selection) => selection,
            Err(err) => return fail(localizer, err.to_string()),
        };
    }
    let mut baseline = match &args.baseline {
        Some(path) => match locdoc::baseline::Baseline::load(path) {
            Ok(baseline) => Some(baseline),
            Err(err) => return fail(localizer, err.to_string()),
        },
        None => None,
    };
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(Bar::new);
    let mut recorder = args
        .write_baseline
        .as_ref()
        .map(|_| locdoc::baseline::Recorder::default());
    // A report file is written in place only when complete.
    let mut file = match &args.output {
        Some(path) => match locdoc::files::AtomicFile::create(path) {
            Ok(file) => Some(file),
            Err(err) => return fail(localizer, format!("cannot write {}: {err}", path.display())),
        },
        None => None,
    };
    let stdout = std::io::stdout();
    let mut out: Box<dyn Write> = match file.as_mut() {
        Some(file) => Box::new(file),
        None => Box::new(std::io::BufWriter::new(stdout.lock())),
    };
    let mut emitter = locdoc::report::emitter(args.format, &mut out, color, localizer);
    let options = locdoc::check::Options {
        config: &config,
        selection: &selection,
        baseline: baseline.as_mut(),
        localizer,
        progress: bar.as_ref().map(|b| b as &dyn locdoc::check::Progress),
    };
    let result = {
        let mut sinks: Vec<&mut dyn locdoc::check::Sink> = vec![emitter.as_mut()];
        if let Some(recorder) = recorder.as_mut() {
            sinks.push(recorder);
        }
        locdoc::check::run(&inputs, options, &mut locdoc::check::Tee(sinks))
    }
    .and_then(|summary| emitter.finish(&summary).map(|()| summary));
    drop(emitter);
    let _ = out.flush();
    drop(out);
    if let Some(bar) = &bar {
        bar.bar.finish_and_clear();
    }
    let summary = match result {
        Ok(summary) => summary,
        Err(err) => return fail(localizer, format!("cannot write the report: {err}")),
    };
    if let (Some(file), Some(path)) = (file, &args.output) {
        if let Err(err) = file.commit() {
            return fail(localizer, format!("cannot write {}: {err}", path.display()));
        }
    }
    if let (Some(recorder), Some(path)) = (&recorder, &args.write_baseline) {
        if let Err(err) = recorder.save(path) {
            return fail(localizer, err.to_string());
        }
    }
    say_errors(localizer, &summary.file_errors);
    for (path, count) in &summary.unlisted {
        let note = msg!(
            "cli-unlisted",
            path = path,
            count = *count,
            listed = locdoc::check::MAX_FINDINGS_PER_PAGE
        );
        eprintln!("{}", localizer.format(&note));
    }
    if !summary.file_errors.is_empty() {
        ExitCode::from(EXIT_ERROR)
    } else if summary.errors > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn default_inputs(inputs: Vec<PathBuf>) -> Vec<PathBuf> {
    if inputs.is_empty() {
        vec![PathBuf::from("content")]
    } else {
        inputs
    }
}

fn print_report(report: &Report, verbose: bool, localizer: &Localizer) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let mut hidden = 0;
    for (path, d) in &report.diagnostics {
        if d.kind.severity() == Severity::Info && !verbose {
            hidden += 1;
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
            localizer.format(&d.message)
        );
    }
    if hidden > 0 {
        let _ = writeln!(
            err,
            "{}",
            localizer.format(&locdoc::msg!("notes-hidden", count = hidden))
        );
    }
    drop(err);
    say_errors(localizer, &report.errors);
}

fn exit_for(report: &Report) -> ExitCode {
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_ERROR)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its help text in the reference catalogue (and so, by
    /// the catalogue test, in every locale).
    #[test]
    fn every_command_and_argument_has_a_help_message() {
        let english = Localizer::english();
        let mut missing = Vec::new();
        let mut check = |command: &clap::Command| {
            let name = command.get_name();
            if !english.has(&help_id(name, None)) {
                missing.push(help_id(name, None));
            }
            for arg in command.get_arguments() {
                let id = help_id(name, Some(arg.get_id().as_str()));
                if !english.has(&id) {
                    missing.push(id);
                }
            }
        };
        let cli = Cli::command();
        check(&cli);
        cli.get_subcommands().for_each(&mut check);
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn help_comes_in_the_chosen_language() {
        let french = Localizer::negotiate(&["fr-FR"]);
        let mut command = localize_help(Cli::command(), &french);
        let help = command
            .find_subcommand_mut("check")
            .map(|c| c.render_help().to_string())
            .unwrap_or_default();
        assert!(help.contains("Format du rapport"), "{help}");
        assert!(help.contains("Ne vérifie que la part K sur N"), "{help}");
    }
}
