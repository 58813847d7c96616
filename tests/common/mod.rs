//! Helpers shared by the end-to-end suites (`tests/cli.rs`, `tests/hostile.rs`): a
//! temporary folder removed when dropped, a small article to feed them, and the reading of
//! JSON Lines output.
#![allow(dead_code)] // each suite uses a different part

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A uniquely named folder under the system temp dir, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("wirecopy-test-{}-{tag}-{n}", std::process::id()));
        if path.exists() {
            fs::remove_dir_all(&path).expect("remove stale temp dir");
        }
        fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Full path of `rel` (which may hold any bytes but "/" and NUL).
    pub fn join(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.0.join(rel)
    }

    /// Writes `rel` (creating parent folders) and returns its full path.
    pub fn write(&self, rel: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(rel);
        fs::create_dir_all(p.parent().expect("parent")).expect("create parent dir");
        fs::write(&p, bytes).expect("write temp file");
        p
    }

    /// A symlink `rel` → `target`.
    #[cfg(unix)]
    pub fn symlink(&self, target: impl AsRef<Path>, rel: &str) -> PathBuf {
        let p = self.0.join(rel);
        fs::create_dir_all(p.parent().expect("parent")).expect("create parent dir");
        std::os::unix::fs::symlink(target, &p).expect("create symlink");
        p
    }

    /// The path of `rel` as a string argument (temp dirs have UTF-8 names).
    pub fn arg(&self, rel: &str) -> String {
        self.0
            .join(rel)
            .to_str()
            .expect("UTF-8 temp path")
            .to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // an unreadable file or folder left by a test must not stop the clean-up
        #[cfg(unix)]
        let _ = chmod_all(&self.0);
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[cfg(unix)]
fn chmod_all(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755))?;
    for e in fs::read_dir(dir)? {
        let e = e?;
        let ft = e.file_type()?;
        if ft.is_dir() {
            chmod_all(&e.path())?;
        } else if ft.is_file() {
            fs::set_permissions(e.path(), fs::Permissions::from_mode(0o644))?;
        }
    }
    Ok(())
}

/// A small wire article whose headline and lede name `tag`.
pub fn article(tag: &str) -> String {
    format!(
        "Headline about {tag}\n\nLONDON, May 4 (Reuters) - The story about {tag} opens here.\n\n\
         A second paragraph about {tag}.\n"
    )
}

pub fn headline_of(tag: &str) -> String {
    format!("Headline about {tag}")
}

/// JSON Lines output: one JSON object per line, nothing else, a newline at the end.
#[track_caller]
pub fn json_lines(text: &str) -> Vec<Value> {
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "output does not end with a newline: {:.200}",
        text
    );
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let v: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("record {} is not JSON ({e}): {line:.200}", i + 1));
            assert!(
                v.is_object(),
                "record {} is not an object: {line:.200}",
                i + 1
            );
            v
        })
        .collect()
}
