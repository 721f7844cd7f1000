//! The site's templates and assets: defaults built into the binary, each replaceable by a
//! file of the same name in a `--templates` folder.

use std::path::{Path, PathBuf};

use minijinja::Environment;

use super::BuildError;

/// The built-in templates (minijinja, HTML auto-escaped) and assets, by file name.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("page.html", include_str!("templates/page.html")),
    (
        "locale_index.html",
        include_str!("templates/locale_index.html"),
    ),
    ("root.html", include_str!("templates/root.html")),
    ("dashboard.html", include_str!("templates/dashboard.html")),
    ("site.css", include_str!("templates/site.css")),
    ("site.js", include_str!("templates/site.js")),
];

/// Files that are copied to `_static/` rather than rendered.
const ASSETS: &[&str] = &["site.css", "site.js"];

/// The templates and assets of one build.
pub struct Templates {
    env: Environment<'static>,
    assets: Vec<(&'static str, String)>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates").finish_non_exhaustive()
    }
}

impl Templates {
    /// The defaults, with the files of `dir` (if given) in place of those of the same name.
    pub fn load(dir: Option<&Path>) -> Result<Templates, BuildError> {
        let mut env = Environment::new();
        // `{{ lang|direction }}`: `rtl` or `ltr`, for the pages' `dir` attribute.
        env.add_filter("direction", |lang: &str| crate::i18n::text_direction(lang));
        let mut assets = Vec::new();
        for (name, default) in DEFAULTS {
            let source = match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
                Some(path) => std::fs::read_to_string(&path)
                    .map_err(|source| BuildError::TemplateFile { path, source })?,
                None => (*default).to_owned(),
            };
            if ASSETS.contains(name) {
                assets.push((*name, source));
                continue;
            }
            env.add_template_owned(*name, source)
                .map_err(|err| template_error(dir, name, &err))?;
        }
        Ok(Templates { env, assets })
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: minijinja::Value) -> Result<String, BuildError> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(context))
            .map_err(|err| BuildError::Template {
                name: name.to_owned(),
                message: detail(&err),
            })
    }

    /// The assets, by file name.
    pub fn assets(&self) -> &[(&'static str, String)] {
        &self.assets
    }
}

fn template_error(dir: Option<&Path>, name: &str, err: &minijinja::Error) -> BuildError {
    let path = dir.map_or_else(|| PathBuf::from(name), |d| d.join(name));
    BuildError::Template {
        name: path.display().to_string(),
        message: detail(err),
    }
}

/// The error with its line, where minijinja knows it.
fn detail(err: &minijinja::Error) -> String {
    match err.line() {
        Some(line) => format!("line {line}: {err}"),
        None => err.to_string(),
    }
}
