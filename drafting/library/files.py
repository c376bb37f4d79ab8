"""The files of a library as the index sees them, and what to tell a user when the index cannot
be brought up to date."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

BUSY_SECONDS = 60  # how long a search waits for another one updating the index


def library_files(library: Path) -> dict[str, tuple[int, int]]:
    """The resolution files of a library, relative path -> (size, mtime_ns): every *.yaml below
    it but facts files and hidden ones (the scan every search makes, so os.walk, not pathlib)."""
    out: dict[str, tuple[int, int]] = {}
    for folder, subfolders, names in os.walk(library):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        rel = os.path.relpath(folder, library).replace(os.sep, "/")
        for name in names:
            if name.endswith(".yaml") and not name.endswith(".facts.yaml") and not name.startswith("."):
                key = name if rel == "." else f"{rel}/{name}"
                try:
                    st = os.stat(os.path.join(folder, name))
                except FileNotFoundError:
                    continue  # deleted while the folder was read
                except OSError:
                    out[key] = (-1, 0)  # a symlink loop: indexing it says why, in a warning
                    continue
                out[key] = (st.st_size, st.st_mtime_ns)
    return dict(sorted(out.items()))


def sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        raise
    except OSError:
        return ""  # unreadable: counts as changed, and indexing it says why


def busy(path: Path) -> str:
    return (f"{path}: another search has been updating this search index for over "
            f"{BUSY_SECONDS} s; wait for it to finish, then search again")


def cannot_write(path: Path, exc: Exception) -> str:
    """The advice that fits: a busy index, one this user cannot write, a full disk."""
    text = str(exc)
    if isinstance(exc, IsADirectoryError):
        return f"{path}: expected the search index file here, found a folder; move the folder away"
    if "locked" in text or "busy" in text:
        return busy(path)
    if "readonly" in text or isinstance(exc, PermissionError):
        return (f"{path}: cannot update the search index: you may not write this file or its folder; "
                "delete the file (the next search builds it again) or give yourself write access")
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else text
    return f"{path}: cannot update the search index: {reason}"
