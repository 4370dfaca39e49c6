"""One program per data file: a lock beside the file, and a local socket to wake the first window.

The first program to open a data file holds ``<file>.lock`` (``QLockFile``) for as long as it
works with that file and listens on a local server named after the file's path. A second
program finds the lock taken, sends «show» to the first (which brings its window to the front)
and does not open the file: never two writers. The lock object must be kept referenced for
the whole time (a collected ``QLockFile`` is released: GUIDE trap 6); ``InstanceGuard`` holds it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import socket
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("nastavapp.instance")

SHOW = b"show\n"
WAIT_MS = 1500  # every wait on the socket is bounded


def _normalized(db_path: Path) -> str:
    text = str(Path(db_path).expanduser().resolve())
    return os.path.normcase(text)


def server_name(db_path: Path) -> str:
    """The local server's name for a data file (short: Unix socket paths are limited)."""
    digest = hashlib.sha1(_normalized(db_path).encode("utf-8")).hexdigest()[:16]
    return f"nastavapp-{digest}"


def lock_path(db_path: Path) -> Path:
    """``<data file>.lock`` beside the file, so every program using the file sees it."""
    path = Path(db_path).expanduser().resolve()
    return path.with_name(f"{path.name}.lock")


def _fallback_lock_path(db_path: Path) -> Path:
    """In the temporary folder, for a data file in a folder where no lock can be written."""
    return Path(tempfile.gettempdir()) / f"{server_name(db_path)}.lock"


class LockOwner:
    """Who holds a lock: the other program's process and computer, as QLockFile knows them."""

    def __init__(self, pid: int, host: str) -> None:
        self.pid = pid
        self.host = host

    @property
    def on_this_computer(self) -> bool:
        return not self.host or self.host == socket.gethostname()


class InstanceGuard(QObject):
    """The lock on one data file and the server that answers a second program.

    ``showRequested`` is emitted when another program asked this one to show its window.
    """

    showRequested = Signal()

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = Path(db_path).expanduser().resolve()
        self.name = server_name(self.db_path)
        self._lock: QLockFile | None = None  # referenced while held (GUIDE trap 6)
        self._held = False
        self._server: QLocalServer | None = None
        self.owner: LockOwner | None = None  # the other holder, after a failed acquire()

    @property
    def held(self) -> bool:
        return self._held

    def acquire(self) -> bool:
        """Take the lock and start listening; False when another program holds the file."""
        if self._held:
            return True
        for path in (lock_path(self.db_path), _fallback_lock_path(self.db_path)):
            lock = QLockFile(str(path))
            lock.setStaleLockTime(0)  # held for hours: only a dead owner makes it stale
            if lock.tryLock(0):
                self._lock = lock
                break
            if lock.error() == QLockFile.LockError.LockFailedError:
                pid, host, _app = lock.getLockInfo()  # (0, "", "") when unreadable
                self.owner = LockOwner(int(pid), str(host))
                return False
            log.warning("Не удалось создать файл блокировки %s: %s", path, lock.error())
        if self._lock is None:  # nowhere to write a lock: do not stop the curator for it
            log.warning("Файл %s открыт без блокировки", self.db_path)
        self._held = True
        self._listen()
        return True

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # a socket left by a crashed program
            if not server.listen(self.name):
                log.warning("Локальный сервер %s не запущен: %s", self.name, server.errorString())
                return
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                self._read(connection)

    def _read(self, connection: QLocalSocket) -> None:
        data = bytes(connection.readAll().data())
        if SHOW.strip() in data:
            self.showRequested.emit()

    def release(self) -> None:
        """Stop listening and free the lock (when the program closes or opens another file)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        self._held = False


def ask_to_show(db_path: Path, *, owner_pid: int = 0, wait_ms: int = WAIT_MS) -> bool:
    """Ask the program holding ``db_path`` to bring its window to the front; True when sent."""
    _allow_foreground(owner_pid)
    client = QLocalSocket()
    client.connectToServer(server_name(db_path))
    if not client.waitForConnected(wait_ms):
        return False
    client.write(SHOW)
    sent = client.waitForBytesWritten(wait_ms)
    client.disconnectFromServer()
    if client.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        client.waitForDisconnected(wait_ms)
    return sent


def wake_the_holder(guard: InstanceGuard) -> str:
    """After a failed ``acquire()``: ask the holder to show its window; what to tell the user."""
    owner = guard.owner
    here = owner is None or owner.on_this_computer
    shown = here and ask_to_show(guard.db_path, owner_pid=owner.pid if owner else 0)
    if shown:
        text = "С этой базой уже работает другое окно программы — оно выведено вперёд."
    elif here:
        text = "С этой базой уже работает программа, запущенная на этом компьютере."
    else:
        text = f"С этой базой уже работает программа на компьютере «{owner.host if owner else ''}»."
    advice = "Продолжайте работу в том окне." if shown else "Закройте ту программу и повторите."
    if not here:  # a lock from another computer cannot be checked for a crash from here
        advice += (
            " Если тот компьютер выключили, не закрыв программу, удалите файл "
            f"«{lock_path(guard.db_path).name}» рядом с базой."
        )
    return (
        f"{text}\n\nБаза: {guard.db_path}\n\nДве программы не могут работать с одной базой "
        f"одновременно: так данные не перепутаются. {advice}"
    )


def _allow_foreground(pid: int) -> None:
    """Windows lets only the foreground process raise a window: pass that right to ``pid``."""
    if sys.platform != "win32" or pid <= 0:
        return
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(pid)


__all__ = [
    "InstanceGuard",
    "LockOwner",
    "ask_to_show",
    "lock_path",
    "server_name",
    "wake_the_holder",
]
