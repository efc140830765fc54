//! How much room is left on the disk an index is written to.

use std::path::Path;

/// Below this many free bytes a failed write is taken for a full disk.
const NEARLY_FULL: u64 = 16 * 1024 * 1024;

/// The bytes free for this user on the disk holding `dir` (or its nearest
/// existing parent) when fewer than [`NEARLY_FULL`]; none when there is
/// more room, or it cannot be told.
pub(super) fn nearly_full(dir: &Path) -> Option<u64> {
    let free = free_bytes(dir)?;
    (free < NEARLY_FULL).then_some(free)
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn free_bytes(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let existing = dir.ancestors().find(|p| p.exists())?;
    let path = std::ffi::CString::new(existing.as_os_str().as_bytes()).ok()?;
    let mut stat = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `path` is a NUL-terminated string and `stat` is written by
    // statvfs before it is read (only when it returns 0).
    let stat = unsafe {
        if libc::statvfs(path.as_ptr(), stat.as_mut_ptr()) != 0 {
            return None;
        }
        stat.assume_init()
    };
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn free_bytes(_dir: &Path) -> Option<u64> {
    None
}
