"""What the desktop bundle leaves out, per platform (DESIGN.md section 7 measured 219 MB -> about 140 MB on Linux).

Used by ``offramp.spec`` on the Analysis tables and by the tests, so the rules are checked without a build. Every
rule is a glob on the destination path inside the bundle (``/`` separators, relative to its ``_internal`` folder).

- Server-only packages (the office server, its PostgreSQL driver) never reach the desktop: ``EXCLUDED_MODULES``
  keeps them out of the analysis altogether, and ``DROP`` catches their compiled parts if a hook adds them anyway.
- Linux: the GTK platform theme drags in GTK, Pango, Cairo and their dependencies, which the app never uses (Qt
  draws its own widgets; Fusion style). Wayland and EGLFS platforms and their plugins are dropped: the bundle runs
  on X11 (XWayland on a Wayland desktop), and offscreen for ``--self-test``. The system libraries those plugins
  alone pull in are dropped with them; libraries the kept plugins need (xcb, xkbcommon, fontconfig, freetype,
  dbus, GL/EGL) are never in these lists.
- Windows and macOS keep their platform plugins (qwindows, qcocoa); only the server packages and Qt parts Offramp
  never loads are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase
from typing import TypeVar

#: Python packages kept out of the desktop analysis: the office server and its database driver, the dev tools.
EXCLUDED_MODULES: tuple[str, ...] = (
    "app.server",
    "fastapi",
    "starlette",
    "uvicorn",
    "psycopg",
    "psycopg_binary",
    "psycopg_c",
    "psycopg_pool",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "importlinter",
    "grimp",
    "PyInstaller",
    "tkinter",
    "_tkinter",
    "IPython",
    # The small-cell attacker test's solver (dev only): reportlab and Pillow import numpy when it is there, which
    # would put about 40 MB of numpy and SciPy in a bundle that never runs them.
    "numpy",
    "scipy",
    # Imported only by command-line front ends and test helpers of libraries the app uses (httpx's `httpx`
    # command, pydantic's schema pretty-printer, Mako's highlighting, reportlab's `if __name__ == "__main__"`
    # doctests): about 8 MB of source that never runs in the app.
    "httpx._main",
    "rich",
    "pygments",
    "click",
    "markdown_it",
    "mdurl",
    "mako.ext",
    "doctest",
    "pdb",
    "pydoc",
    "pydoc_data",
    "unittest",
    "lib2to3",
    # Packaging tools: nothing in the app imports them, but once in the analysis PyInstaller adds its setuptools
    # runtime hook and about 1 MB of setuptools and distutils with it.
    "setuptools",
    "distutils",
    "_distutils_hack",
    "pkg_resources",
)

_QT = "PySide6/Qt"

_COMMON: tuple[str, ...] = (
    # the server's database driver and its bundled libpq, should a hook collect them
    "psycopg/*",
    "psycopg_binary/*",
    "psycopg_binary.libs/*",
    "psycopg_c/*",
    # Qt parts the app never loads: QML tooling, SQL drivers (the vault is SQLCipher through Python), designer
    f"{_QT}/plugins/qmltooling/*",
    f"{_QT}/plugins/qmllint/*",
    f"{_QT}/plugins/sqldrivers/*",
    f"{_QT}/plugins/designer/*",
    f"{_QT}/plugins/vectorimageformats/*",
    # the on-screen keyboard input method is built on Qt Quick, and pulls in QML and Quick (tens of MB)
    f"{_QT}/plugins/platforminputcontexts/*qtvirtualkeyboard*",
)

#: Libraries the target system provides (the bundle leaves them out), by platform: what a PySide6 install needs from
#: the system anyway, plus CUPS for printing. README.md names the Debian packages. Names up to the version.
SYSTEM_LIBRARIES: dict[str, tuple[str, ...]] = {
    "linux": (
        # C++ and GCC runtimes
        "libstdc++.so",
        "libgcc_s.so",
        # X11, xcb and the keyboard
        "libX11.so",
        "libX11-xcb.so",
        "libXau.so",
        "libXdmcp.so",
        "libXext.so",
        "libXrender.so",
        "libbsd.so",
        "libmd.so",
        "libxkbcommon.so",
        "libxkbcommon-x11.so",
        "libxcb.so",
        "libxcb-",
        # GLib (Qt's event loop integration) and what GIO needs
        "libglib-2.0.so",
        "libgio-2.0.so",
        "libgobject-2.0.so",
        "libgmodule-2.0.so",
        "libgthread-2.0.so",
        "libmount.so",
        "libblkid.so",
        "libselinux.so",
        "libpcre2-8.so",
        # fonts
        "libfontconfig.so",
        "libfreetype.so",
        "libexpat.so",
        "libpng16.so",
        "libbrotlidec.so",
        "libbrotlicommon.so",
        # D-Bus (screen lock and sleep signals) and what it links
        "libdbus-1.so",
        "libsystemd.so",
        "libgcrypt.so",
        "libgpg-error.so",
        "libcap.so",
        "liblz4.so",
        "libzstd.so",
        # CUPS, for printing, and its TLS, Kerberos and service discovery
        "libcups.so",
        "libgnutls.so",
        "libp11-kit.so",
        "libidn2.so",
        "libunistring.so",
        "libtasn1.so",
        "libnettle.so",
        "libhogweed.so",
        "libgmp.so",
        "libavahi-client.so",
        "libavahi-common.so",
        "libgssapi_krb5.so",
        "libkrb5.so",
        "libk5crypto.so",
        "libkrb5support.so",
        "libcom_err.so",
        "libkeyutils.so",
        "libresolv.so",
        # OpenGL and EGL come with the graphics drivers; PyInstaller never bundles them
        "libGL.so",
        "libEGL.so",
        "libGLX.so",
        "libOpenGL.so",
        "libGLdispatch.so",
    ),
    "win32": (),
    "darwin": (),
}

_LINUX: tuple[str, ...] = (
    # The GTK platform theme and the libraries only it needs (GTK itself where the build machine has it).
    f"{_QT}/plugins/platformthemes/libqgtk3.so",
    *(
        f"{lib}*"
        for lib in (
            "libgtk-3.so",
            "libgdk-3.so",
            "libatk-1.0.so",
            "libatk-bridge-2.0.so",
            "libatspi.so",
            "libcairo.so",
            "libcairo-gobject.so",
            "libpango-1.0.so",
            "libpangocairo-1.0.so",
            "libpangoft2-1.0.so",
            "libgdk_pixbuf-2.0.so",
            "libepoxy.so",
            "libfribidi.so",
            "libthai.so",
            "libdatrie.so",
            "libgraphite2.so",
            "libpixman-1.so",
            "libharfbuzz.so",
            "libjpeg.so",
            "libtiff.so",
            "libwebp.so",
            "libdeflate.so",
            "libjbig.so",
            "libLerc.so",
            "libsharpyuv.so",
        )
    ),
    # Wayland and EGLFS: platforms, their plugin folders, Qt libraries (and PyInstaller's top-level links to them).
    f"{_QT}/plugins/platforms/libqwayland*.so",
    f"{_QT}/plugins/platforms/libqeglfs.so",
    f"{_QT}/plugins/platforms/libqminimalegl.so",
    f"{_QT}/plugins/platforms/libqvkkhrdisplay.so",
    f"{_QT}/plugins/platforms/libqvnc.so",
    f"{_QT}/plugins/platforms/libqlinuxfb.so",
    f"{_QT}/plugins/wayland-*/*",
    f"{_QT}/plugins/egldeviceintegrations/*",
    *(
        f"{where}{lib}"
        for where in (f"{_QT}/lib/", "")
        for lib in ("libQt6Wayland*", "libQt6WlShell*", "libQt6EglFS*", "libQt6EglFs*")
    ),
    # Qt's own translations, but for the languages Offramp speaks (KEPT): the rest are never read.
    f"{_QT}/translations/*",
    # Pillow is imported by reportlab for bitmaps, which Offramp's PDFs never hold: only its core stays.
    "PIL/_avif.*",
    "PIL/_webp.*",
    "PIL/_imagingcms.*",
    "PIL/_imagingft.*",
    "PIL/_imagingtk.*",
    *(
        f"{where}{lib}-*"
        for where in ("pillow.libs/", "")  # the library, and PyInstaller's top-level link to it
        for lib in (
            "libavif",
            "libwebp",
            "libwebpmux",
            "libwebpdemux",
            "libsharpyuv",
            "liblcms2",
            "libfreetype",
            "libharfbuzz",
            "libbrotlicommon",
            "libbrotlidec",
            "libpng16",
        )
    ),
    # The desktop's own libraries: a PySide6 install needs them from the system as well (SYSTEM_LIBRARIES).
    # Copies from the build machine go stale against the target's drivers and fonts (a bundled libstdc++ older
    # than the one Mesa was built with stops OpenGL loading; an old fontconfig misreads a newer font setup), and
    # security fixes to the TLS and Kerberos libraries CUPS uses should come from the system's updates.
    *(f"{name}*" for name in SYSTEM_LIBRARIES["linux"]),
)
_WINDOWS: tuple[str, ...] = ()

_MACOS: tuple[str, ...] = ()

#: Glob patterns of bundle paths to leave out, by PyInstaller's platform name ("linux", "win32", "darwin").
DROP: dict[str, tuple[str, ...]] = {
    "linux": _COMMON + _LINUX,
    "win32": _COMMON + _WINDOWS,
    "darwin": _COMMON + _MACOS,
}

#: What must survive every filter: the self-test renders offscreen, the app shows on X11 (Linux).
REQUIRED: dict[str, tuple[str, ...]] = {
    "linux": (f"{_QT}/plugins/platforms/libqxcb.so", f"{_QT}/plugins/platforms/libqoffscreen.so"),
    "win32": (f"{_QT}/plugins/platforms/qwindows.dll", f"{_QT}/plugins/platforms/qoffscreen.dll"),
    "darwin": (f"{_QT}/plugins/platforms/libqcocoa.dylib", f"{_QT}/plugins/platforms/libqoffscreen.dylib"),
}


#: Exceptions to DROP: Qt's own words (standard buttons, file dialogs) in each language Offramp has a catalogue for
#: (app/ui/i18n installs them with Offramp's own).
KEPT: tuple[str, ...] = (f"{_QT}/translations/qtbase_es.qm",)


def _normalise(dest: str) -> str:
    return dest.replace("\\", "/").lstrip("/")


def dropped(dest: str, platform: str) -> bool:
    """True when the bundle path ``dest`` is left out on ``platform``.

    Every pattern matches the whole path: system libraries and PyInstaller's links to Qt's libraries sit at the top
    level, so a pattern without a ``/`` never reaches into a package's own folder (``pillow.libs/libxcb-...``).
    """
    path = _normalise(dest)
    if path in KEPT:
        return False
    return any(fnmatchcase(path, pattern) for pattern in DROP.get(platform, ()))


Entry = TypeVar("Entry", bound=tuple)


def keep(entries: Iterable[Entry], platform: str) -> list[Entry]:
    """The Analysis TOC entries (``(dest, source, kind)``) that stay in the bundle."""
    return [entry for entry in entries if not dropped(str(entry[0]), platform)]
