//! What every command needs from the global options: the language, the content, the data folder.

use super::*;
use pijat_core::strings::cli::tr;

/// What every command needs from the global options: language, content and data folder.
pub struct Shell {
    /// The language of the messages.
    pub lang: Lang,
    /// A trainer's content folder over the shipped content.
    pub content_dir: Option<PathBuf>,
    /// The data folder given on the command line.
    pub data_dir: Option<PathBuf>,
}

impl Shell {
    /// The global options of `cli`.
    pub fn from_cli(cli: &Cli) -> Self {
        Shell {
            lang: cli.lang.clone().unwrap_or_else(Lang::id),
            content_dir: cli.content.clone(),
            data_dir: cli.data_dir.clone(),
        }
    }

    /// The content, or every problem with it written to `err`.
    pub fn content(&self, err: &mut dyn Write) -> Result<Content, String> {
        let loaded = load_with(self.content_dir.as_deref());
        for d in &loaded.diagnostics {
            let _ = writeln!(err, "{}", d.render(self.lang.code()));
        }
        loaded.content.ok_or_else(|| self.content_has_problems())
    }

    pub(super) fn content_has_problems(&self) -> String {
        tr(&self.lang).content_has_problems_fix.to_string()
    }

    /// The content, or every problem as lines to show (for the full-screen app, which shows
    /// them after restoring the terminal).
    pub fn content_or_lines(&self) -> Result<Content, String> {
        let loaded = load_with(self.content_dir.as_deref());
        loaded.content.ok_or_else(|| {
            let mut m: Vec<String> = loaded
                .diagnostics
                .iter()
                .map(|d| d.render(self.lang.code()))
                .collect();
            m.push(self.content_has_problems());
            m.join("\n")
        })
    }

    /// The content, or the exit status after its problems were printed.
    pub fn content_or_exit(&self) -> Result<Content, u8> {
        let mut err = std::io::stderr();
        self.content(&mut err).map_err(|m| {
            let _ = writeln!(err, "{m}");
            EXIT_INPUT
        })
    }

    /// The data folder: the one given, or the user's.
    pub fn data_dir(&self) -> Result<PathBuf, String> {
        self.data_dir
            .clone()
            .or_else(Records::default_dir)
            .ok_or_else(|| tr(&self.lang).no_data_folder_found.to_string())
    }

    /// The records of the data folder, opened (or made).
    pub fn store(&self) -> Result<Records, String> {
        let dir = self.data_dir()?;
        Records::open(&dir).map_err(|e| e.message().get(self.lang.code()).to_string())
    }

    /// The store for a command that only reads (history, report, export): nothing is written,
    /// so it works on a read-only folder or a write-protected flash drive.
    pub fn store_to_read(&self) -> Result<Records, String> {
        let dir = self.data_dir()?;
        Records::open_to_read(&dir).map_err(|e| e.message().get(self.lang.code()).to_string())
    }
}
