//! What the app may hand to the system to open (a viewer, a spreadsheet
//! program, the file manager). The page can ask for any path, so the shell
//! checks it here first: only documents — PDFs, images, spreadsheets — and
//! folders, and only inside the program's own folders (data, attachments,
//! prints, backups) or written by the program in this session (which covers a
//! path the user picked in the save dialog). A program, a script or a file
//! elsewhere is refused.
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::{AppError, AppResult, ErrorCode};

/// Kinds of file a viewer opens without running anything.
pub const DOCUMENT_TYPES: &[&str] = &[
    "pdf", "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "xlsx", "xls", "csv",
];

/// Kinds of file that may be attached to a record (licences, signed
/// agreements, complaint files, slips, photos) and opened again from it:
/// documents and images, never a program, a script or a link.
pub const ATTACHABLE_TYPES: &[&str] = &[
    "pdf", "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "heic", "xlsx", "xls", "csv",
    "doc", "docx", "odt", "ods", "txt", "ofd",
];

fn extension_of(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Refuses a file to attach whose type is no document or image, naming the
/// type (`field` is the form's field).
pub fn attachable(path: &Path, field: &str) -> AppResult<()> {
    let ext = extension_of(path);
    if ATTACHABLE_TYPES.contains(&ext.as_str()) {
        return Ok(());
    }
    Err(AppError::Validation {
        fields: vec![crate::error::FieldError::with_detail(
            field,
            ErrorCode::AttachmentType,
            if ext.is_empty() {
                "—".to_string()
            } else {
                format!(".{ext}")
            },
        )],
    })
}

/// A stored attachment about to be handed to the system: refused unless it
/// is a document or an image (a file stored before this check existed, or
/// put into the folder by hand, is not run).
pub fn stored_attachment(path: PathBuf) -> AppResult<PathBuf> {
    if ATTACHABLE_TYPES.contains(&extension_of(&path).as_str()) {
        Ok(path)
    } else {
        Err(refused(&path))
    }
}

/// The paths this run of the program wrote (PDFs, exports, batch folders).
#[derive(Debug, Default)]
pub struct Written(std::sync::Mutex<HashSet<PathBuf>>);

impl Written {
    pub fn add(&self, path: &Path) {
        if let Ok(p) = path.canonicalize() {
            if let Ok(mut set) = self.0.lock() {
                set.insert(p);
            }
        }
    }

    fn covers(&self, path: &Path) -> bool {
        self.0
            .lock()
            .map(|set| {
                set.iter()
                    .any(|w| path == w || path.starts_with(w) && w.is_dir())
            })
            .unwrap_or(false)
    }
}

fn refused(path: &Path) -> AppError {
    AppError::Validation {
        fields: vec![crate::error::FieldError::with_detail(
            "path",
            ErrorCode::NotOpenable,
            path.display().to_string(),
        )],
    }
}

/// The path to open, resolved (symbolic links and `..` followed), or the refusal.
pub fn check(path: &str, roots: &[PathBuf], written: &Written) -> AppResult<PathBuf> {
    let raw = Path::new(path.trim());
    let Ok(real) = raw.canonicalize() else {
        return Err(AppError::field("path", ErrorCode::FileMissing));
    };
    if real.is_file() {
        let ext = real
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if !DOCUMENT_TYPES.contains(&ext.as_str()) {
            return Err(refused(&real));
        }
    } else if !real.is_dir() {
        return Err(refused(&real));
    }
    let inside = roots
        .iter()
        .filter_map(|r| r.canonicalize().ok())
        .any(|r| real.starts_with(&r));
    if inside || written.covers(&real) {
        Ok(real)
    } else {
        Err(refused(&real))
    }
}

/// How the system prints a PDF: the program, its arguments and its
/// environment, with the path always one argument or one variable and never
/// part of a command line a shell parses (a path with spaces, `;`, `$()` or
/// `'` stays a path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintCommand {
    pub program: String,
    pub args: Vec<std::ffi::OsString>,
    pub env: Vec<(String, std::ffi::OsString)>,
}

/// The variable that carries the path to PowerShell on Windows.
pub const PRINT_PATH_VAR: &str = "DEALERDESK_PRINT_PATH";

/// Linux and macOS: CUPS `lp -- <path>` to the default printer (`--` so a
/// path starting with `-` is no option). Windows: PowerShell runs a fixed
/// script that reads the path from a variable and asks the file's viewer to
/// print it (the shell's "print" verb).
pub fn print_command(windows: bool, path: &Path) -> PrintCommand {
    if windows {
        PrintCommand {
            program: "powershell".into(),
            args: [
                "-NoProfile",
                "-NonInteractive",
                "-Command",
                "Start-Process -LiteralPath $env:DEALERDESK_PRINT_PATH -Verb Print",
            ]
            .into_iter()
            .map(Into::into)
            .collect(),
            env: vec![(PRINT_PATH_VAR.into(), path.as_os_str().to_owned())],
        }
    } else {
        PrintCommand {
            program: "lp".into(),
            args: vec!["--".into(), path.as_os_str().to_owned()],
            env: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(e: AppError) -> String {
        match e {
            AppError::Validation { fields } => fields[0].code.key().to_owned(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn documents_in_the_program_folders_or_written_now_only() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let prints = data.join("prints");
        let elsewhere = dir.path().join("elsewhere");
        for d in [&prints, &elsewhere] {
            std::fs::create_dir_all(d).unwrap();
        }
        let pdf = prints.join("s.pdf");
        let script = prints.join("run.sh");
        let outside = elsewhere.join("report.pdf");
        let chosen = elsewhere.join("chosen.pdf");
        for f in [&pdf, &script, &outside, &chosen] {
            std::fs::write(f, b"x").unwrap();
        }
        let roots = vec![data.clone()];
        let written = Written::default();

        assert!(check(pdf.to_str().unwrap(), &roots, &written).is_ok());
        assert!(
            check(prints.to_str().unwrap(), &roots, &written).is_ok(),
            "a folder of ours"
        );
        assert_eq!(
            code(check(script.to_str().unwrap(), &roots, &written).unwrap_err()),
            "not_openable"
        );
        assert_eq!(
            code(check(outside.to_str().unwrap(), &roots, &written).unwrap_err()),
            "not_openable"
        );
        assert_eq!(
            code(check("/bin/sh", &roots, &written).unwrap_err()),
            "not_openable"
        );
        let climb = format!("{}/../../elsewhere/report.pdf", prints.display());
        assert_eq!(
            code(check(&climb, &roots, &written).unwrap_err()),
            "not_openable"
        );
        assert_eq!(
            code(
                check(
                    elsewhere.join("none.pdf").to_str().unwrap(),
                    &roots,
                    &written
                )
                .unwrap_err()
            ),
            "file_missing"
        );

        // Written in this session (a path picked in the save dialog, a batch folder).
        written.add(&chosen);
        assert!(check(chosen.to_str().unwrap(), &roots, &written).is_ok());
        assert!(check(outside.to_str().unwrap(), &roots, &written).is_err());
        written.add(&elsewhere);
        assert!(check(outside.to_str().unwrap(), &roots, &written).is_ok());
        assert!(check(elsewhere.to_str().unwrap(), &roots, &written).is_ok());
    }

    #[test]
    fn a_printed_path_is_never_parsed_by_a_shell() {
        for nasty in [
            "C:\\Users\\王 伟\\对账单 2026.pdf",
            "C:\\t\\a'; Remove-Item -Recurse C:\\ ; '.pdf",
            "C:\\t\\$(Stop-Computer).pdf",
            "-d printer.pdf",
        ] {
            let path = Path::new(nasty);
            let linux = print_command(false, path);
            assert_eq!(linux.program, "lp");
            assert_eq!(
                linux.args,
                vec![std::ffi::OsString::from("--"), nasty.into()]
            );
            assert!(linux.env.is_empty());

            let win = print_command(true, path);
            assert_eq!(win.program, "powershell");
            // The script is fixed; the path is only in the variable it reads.
            assert!(win
                .args
                .iter()
                .all(|a| !a.to_string_lossy().contains(nasty)));
            assert_eq!(
                win.args.last().unwrap(),
                "Start-Process -LiteralPath $env:DEALERDESK_PRINT_PATH -Verb Print"
            );
            assert_eq!(win.env, vec![(PRINT_PATH_VAR.to_string(), nasty.into())]);
        }
    }
}
