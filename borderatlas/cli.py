"""Command line: ``borderatlas serve|validate|manifest|build-geodata|export|export-site|bench|loadtest`` (also ``python -m borderatlas``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from borderatlas import config
from borderatlas.data.datapackage import check_datapackage, write_datapackage
from borderatlas.data.loader import load_atlas
from borderatlas.data.manifest import write_manifest
from borderatlas.data.problems import Problem


def _validate(args: argparse.Namespace) -> int:
    """Print one line per problem; exit 1 when there is any."""
    root = Path(args.dir) if args.dir else config.geodata_root()
    if not root.is_dir():
        print(f"{root}: not a directory", file=sys.stderr)
        return 2
    atlas = load_atlas(root)
    atlas.problems += check_datapackage(root)
    for problem in sorted(atlas.problems, key=Problem.sort_key):
        print(problem)
    if atlas.problems:
        print(f"{len(atlas.problems)} problem(s) in {root}", file=sys.stderr)
        return 1
    counts = ", ".join(
        f"{len(atlas.layer(n))} {n}" for n in ("sections", "zone_lines", "areas", "places")
    )
    print(
        f"{root}: clean ({counts}, {len(atlas.events)} events, {len(atlas.bibliography)} sources)"
    )
    return 0


def _manifest(args: argparse.Namespace) -> int:
    """Rewrite datapackage.json and the checksum manifest after an intended data change."""
    root = Path(args.dir) if args.dir else config.geodata_root()
    print(write_datapackage(root))
    print(write_manifest(root))
    return 0


def _build(args: argparse.Namespace) -> int:
    """Regenerate derived geometry from the installed source packages."""
    from borderatlas.build import run

    out = Path(args.out) if args.out else config.CHECKOUT / "geodata"
    run(out)
    write_datapackage(out)
    write_manifest(out)
    return 0


def _formats(values: Sequence[str]) -> list[str]:
    """``--format`` values, repeated and/or comma-separated, in order, without repeats."""
    return list(dict.fromkeys(f.strip().lower() for v in values for f in v.split(",") if f.strip()))


def _export_data(args: argparse.Namespace) -> int:
    """Write the data in the formats asked for (GeoPackage, GeoJSON, CSV, BibTeX, RIS, CSL)."""
    from borderatlas.export.formats import FORMATS, export

    wanted = _formats(args.format or ["all"])
    bad = [f for f in wanted if f not in FORMATS and f != "all"]
    if bad or not wanted:
        print(f"borderatlas export: unknown format {', '.join(map(repr, bad)) or '(none)'}; "
              f"choose from {', '.join(FORMATS)} or all (repeat --format or use commas)",
              file=sys.stderr)
        return 2
    root = Path(args.data) if args.data else config.geodata_root()
    atlas = load_atlas(root)
    if atlas.problems:
        print(f"{root}: {len(atlas.problems)} data problem(s); run borderatlas validate",
              file=sys.stderr)
        return 1
    for path in export(atlas, Path(args.out), wanted, basemap=args.basemap):
        print(path)
    return 0


def _export(args: argparse.Namespace) -> int:
    """Write the static site and its JSON API (no Python needed to view it)."""
    from borderatlas.export.site import export_site

    print(export_site(load_atlas(Path(args.data) if args.data else None), Path(args.out)))
    return 0


def _serve(args: argparse.Namespace) -> int:
    """Run the app for people (Streamlit options pass through)."""
    from borderatlas.serve import serve

    return serve(args.rest)


# the checkout's benchmarks/, outside the package: name -> what it is
DEV_TOOLS = {"bench": "the browser benchmark", "loadtest": "the websocket load test"}


def _dev_tool(name: str, rest: Sequence[str]) -> int:
    """Run ``benchmarks/<name>.py`` of the checkout (a developer tool, not part of the package)."""
    import subprocess

    script = config.CHECKOUT / "benchmarks" / f"{name}.py"
    if not script.is_file():
        print(f"borderatlas {name}: {script} not found: the benchmark and the load test are "
              "developer tools of the repository; run them from a clone", file=sys.stderr)
        return 2
    return subprocess.call([sys.executable, "-m", f"benchmarks.{name}", *rest],
                           cwd=config.CHECKOUT)


LOCALE = "borderatlas/locale"
POT = f"{LOCALE}/borderatlas.pot"
HEADER = ("# Interface strings of Border Atlas.\n"
          "# Translations are machine-assisted and need review by a fluent human reader.\n"
          "# This file is distributed under the same license as the Border Atlas code (MIT).\n#")
I18N = {  # step -> pybabel arguments, run from the checkout (babel.cfg is at its root)
    "extract": ["extract", "-F", "babel.cfg", "-k", "_n:1,2", "-k", "N_", "-k", "tr:2", "--no-wrap",
                "--sort-by-file", "--add-location=file", "--project=Border Atlas",
                f"--header-comment={HEADER}", "--copyright-holder=Border Atlas contributors",
                "-o", POT, "."],
    "update": ["update", "-i", POT, "-d", LOCALE, "-D", "borderatlas", "--no-wrap",
               "--no-fuzzy-matching", "--ignore-obsolete"],
    "compile": ["compile", "-d", LOCALE, "-D", "borderatlas", "--statistics"],
}


def _i18n(args: argparse.Namespace) -> int:
    """Extract interface strings, merge them into the ru/zh catalogs, or compile the .mo files."""
    import contextlib

    from babel.messages.frontend import CommandLineInterface

    steps = ["extract", "update", "compile"] if args.step == "all" else [args.step]
    with contextlib.chdir(config.CHECKOUT):  # babel.cfg and the paths above are the checkout's
        for step in steps:
            status = CommandLineInterface().run(["pybabel", "-q", *I18N[step]])
            if status:
                return int(status)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and dispatch to a sub-command."""
    parser = argparse.ArgumentParser(prog="borderatlas", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check geodata/ and report every problem")
    p.add_argument("dir", nargs="?", default=None)
    p.set_defaults(func=_validate)
    p = sub.add_parser("manifest", help="rewrite geodata/datapackage.json and MANIFEST.sha256")
    p.add_argument("dir", nargs="?", default=None)
    p.set_defaults(func=_manifest)
    p = sub.add_parser("build-geodata", help="derive geometry from installed datasets")
    p.add_argument("out", nargs="?", default=None)
    p.set_defaults(func=_build)
    p = sub.add_parser(
        "export", help="write the data as GeoPackage, GeoJSON, CSV, BibTeX, RIS and/or CSL-JSON"
    )
    p.add_argument("out")
    p.add_argument(
        "--format", action="append", metavar="FMT",
        help="gpkg, geojson, csv, bibtex, ris, csl or all (default); repeat or comma-separate",
    )
    p.add_argument("--data", default=None, help="geodata folder (default: the bundled data)")
    p.add_argument("--basemap", action="store_true",
                   help="also write the offline basemap layers (gpkg, geojson)")
    p.set_defaults(func=_export_data)
    p = sub.add_parser("export-site", help="write a static HTML + GeoJSON site and JSON API")
    p.add_argument("out")
    p.add_argument("--data", default=None)
    p.set_defaults(func=_export)
    p = sub.add_parser("i18n", help="interface catalogs: extract, update (ru, zh), compile (.mo)")
    p.add_argument("step", choices=[*I18N, "all"])
    p.set_defaults(func=_i18n)
    p = sub.add_parser("serve", help="run the app (Streamlit options pass through)")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=_serve)
    for name, what in DEV_TOOLS.items():
        p = sub.add_parser(name, help=f"{what} (benchmarks/{name}.py; its options pass through)")
        p.add_argument("rest", nargs=argparse.REMAINDER)
    argv = list(sys.argv[1:] if argv is None else argv)
    # REMAINDER drops a leading "--option"; hand these commands their argv untouched
    if argv[:1] == ["serve"]:
        return _serve(argparse.Namespace(rest=argv[1:]))
    if argv[:1] and argv[0] in DEV_TOOLS:
        return _dev_tool(argv[0], argv[1:])
    args = parser.parse_args(argv)
    return args.func(args)


