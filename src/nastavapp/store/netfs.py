"""Is a data file on a network share? There SQLite's WAL is unsafe, so the store uses DELETE.

Windows: a UNC path (``\\\\server\\share``) or a mapped drive whose ``GetDriveTypeW`` is
DRIVE_REMOTE. Linux: the filesystem type of the mount holding the file, from /proc/mounts.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

# Filesystem types (as /proc/mounts names them) that live on another computer.
NETWORK_FS_TYPES = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "fuse.sshfs",
        "fuse.gvfsd-fuse",  # GNOME/Astra file managers mount smb:// shares through gvfs
        "fuse.gvfs-fuse-daemon",
        "fuse.smbnetfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.s3fs",
    }
)

DRIVE_REMOTE = 4
_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")


def is_unc_path(text: str) -> bool:
    r"""``\\server\share\…`` or ``//server/share/…`` (``\\?\UNC\…`` too; not ``\\?\C:\…``)."""
    normal = text.replace("/", "\\")
    if normal.upper().startswith("\\\\?\\UNC\\"):
        return True
    if normal.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    return normal.startswith("\\\\") and len(normal) > 2 and normal[2] != "\\"


def _unescape(field: str) -> str:
    return _OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def mount_fs_type(path: Path | str, mounts_text: str) -> str | None:
    """The filesystem type of the mount (in /proc/mounts format) holding ``path``."""
    target = os.path.normpath(str(path))
    best_point, best_type = "", None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fs_type = _unescape(fields[1]), fields[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best_point):
            best_point, best_type = point, fs_type
    return best_type


def _linux_is_network(path: Path) -> bool:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="surrogateescape")
    except OSError:
        return False
    fs_type = mount_fs_type(path, mounts)
    return fs_type is not None and fs_type.lower() in NETWORK_FS_TYPES


def _windows_is_network(path: Path) -> bool:
    if is_unc_path(str(path)):
        return True
    if sys.platform == "win32":
        import ctypes

        drive = path.drive
        if not drive:
            return False
        try:
            kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")
        except (AttributeError, OSError):
            return False
        return bool(kind == DRIVE_REMOTE)
    return False


def is_network_path(path: Path | str) -> bool:
    """True when ``path`` (a file, existing or not) lies on a network share; never raises."""
    raw = str(path)
    if is_unc_path(raw):
        return True
    try:
        resolved = Path(raw).expanduser().resolve()
    except (OSError, RuntimeError):
        return False
    if sys.platform == "win32":
        return _windows_is_network(resolved)
    if sys.platform.startswith("linux"):
        # The file may not exist yet: its folder decides.
        try:
            probe = resolved if resolved.exists() else resolved.parent
        except OSError:
            probe = resolved.parent
        return _linux_is_network(probe)
    return False


__all__ = ["NETWORK_FS_TYPES", "is_network_path", "is_unc_path", "mount_fs_type"]
