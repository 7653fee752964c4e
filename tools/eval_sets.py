"""Score every expected-event set and story group in one run, and compare two runs.

The sets are the ones `docs/events.md` keeps a first-run table for: the real-news set,
the held-out sets `heldout9`.. and the story series grouped as they were written (the
`wire`, `mixed`, `older` groups and one `blindNN` group per session's blind series).

    python tools/eval_sets.py events --out /tmp/run1            # every set, two at a time
    python tools/eval_sets.py events --sets realnews,blind29 --out /tmp/run2
    python tools/eval_sets.py stories --out /tmp/run1           # every story group + all series
    python tools/eval_sets.py compare /tmp/run0 /tmp/run1       # per set, then pooled

`--src DIR` scores another checkout's `src` (a snapshot made with `git archive`), so a
branch being merged cannot change what a run reads half-way. Each set's JSON report is
kept in `--out` as `NAME.json`; nothing is asserted: this prints.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALNEWS_TEXTS = ROOT.parent / "shared" / "data" / "realnews"

# Story series by the session that wrote them blind (tests/fixtures/stories/README.md).
GROUPS: dict[str, list[str]] = {
    "older": [
        "bali-summit",
        "andes-talks",
        "asano-india",
        "figueira-pretoria",
        "vilnius-visit",
        "mombasa-strike",
    ],
    "wire": ["nwosu-ottawa", "tashkent-water", "kisumu-talks", "tbilisi-gas"],
    "mixed": ["dakar-readout", "jakarta-cattle", "valdivieso-asia"],
    "blind16": ["hanoi-diary", "dublin-nurses", "temirkhanov-cairo"],
    "blind17": ["silala-rounds", "yavorskyi-lisbon", "kosice-summit"],
    "blind18": ["tursunov-malaysia", "bucharest-drivers", "shire-waterway"],
    "blind19": ["bangui-venue", "asmara-sanctions", "zaid-madrid"],
    "blind20": ["sadc-revived", "larrain-wellington", "karamyk-exchange"],
    "blind21": ["quintana-tokyo", "ruse-ratification", "geneva-tracks"],
    "blind22": ["rabat-dialogue", "kingston-video", "vasconcelos-split"],
    "blind23": ["wielgosz-seoul", "accra-inauguration", "vientiane-triangle"],
    "blind24": ["abenov-ulaanbaatar", "paramaribo-mediation", "magallanes-exercise"],
    "blind25": ["mensah-canberra", "rebar-truce", "jumabekov-almaty"],
    "blind26": ["huaman-nordic", "okavango-rounds", "iora-venue"],
    "blind27": ["vrhovnik-tokyo", "wickramage-male", "apia-forum"],
    "blind28": ["oecusse-rounds", "wongsakul-mendoza", "kumasi-forum"],
    "blind29": ["geneva-pledges", "bambari-engineers", "thapa-dhaka"],
    "blind30": ["maseru-observers", "mwakilema-surrender", "bishkek-sessions"],
    "blind31": ["seoul-pair", "canberra-ministers", "albers-lusaka"],
}
REAL_SERIES = [
    "biden-germany-angola-2024",
    "bush-asia-2008",
    "bush-asia-apec-2006",
    "bush-africa-2008",
    "rice-travel-2007",
    "new-start-2010",
    "korea-threats-2013",
    "kerry-asia-2013",
    "burma-emergency-2016",
    "sudan-sanctions-2017",
    "isil-airstrikes-2014",
    "tsunami-2005",
]


def heldout_sets(root: Path) -> list[str]:
    names = []
    for d in (root / "tests/fixtures/events").glob("heldout*"):
        suffix = d.name.removeprefix("heldout")
        if suffix.isdigit() and int(suffix) >= 9:
            names.append(d.name)
    return sorted(names, key=lambda n: int(n.removeprefix("heldout")))


def all_event_sets(root: Path) -> list[str]:
    return ["realnews", *heldout_sets(root), *GROUPS]


def run_dateline(src: Path, args: list[str]) -> str:
    env = dict(os.environ, PYTHONPATH=str(src))
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"dateline {' '.join(args)} failed: {proc.stderr.strip()[-2000:]}")
    return proc.stdout


def group_dir(root: Path, series: list[str], tmp: Path, name: str) -> Path:
    """A folder whose entries link to the group's series folders."""
    d = tmp / name
    d.mkdir()
    for s in series:
        full = s if s in REAL_SERIES else f"synthetic-{s}"
        (d / full).symlink_to(root / "tests/fixtures/stories" / full)
    return d


def event_set_dir(root: Path, name: str, tmp: Path) -> Path:
    """The folder of a set's articles and expected files (a group's: links made in tmp)."""
    if name in GROUPS:
        d = tmp / f"ev-{name}"
        d.mkdir()
        for s in GROUPS[name]:
            for f in (root / "tests/fixtures/stories" / f"synthetic-{s}").iterdir():
                if f.name.endswith((".txt", ".expected.json")):
                    (d / f.name).symlink_to(f)
        return d
    return root / "tests/fixtures/events" / name


def pooled(reports: dict[str, dict]) -> dict[str, int]:
    fields = "matched found expected spurious key key_total time place participant status"
    tot = dict.fromkeys([*fields.split(), "not found"], 0)
    for r in reports.values():
        for k in ("matched", "found", "expected"):
            tot[k] += r["overall"][k]
        tot["spurious"] += len(r["spurious"])
        tot["key"] += r["key"]["matched"]
        tot["key_total"] += r["key"]["expected"]
        for k, v in r["errors"].items():
            tot[k] = tot.get(k, 0) + v
    return tot


def event_line(name: str, r: dict) -> str:
    o, k = r["overall"], r["key"]
    return (
        f"{name:10} F1 {100 * o['f1']:5.1f}  P {100 * o['precision']:5.1f}  "
        f"R {100 * o['recall']:5.1f}  "
        f"matched {o['matched']:4}/{o['expected']:<4} key {k['matched']:3}/{k['expected']:<3} "
        f"status {100 * r['status_accuracy']:5.1f}"
    )


def pooled_line(tot: dict[str, int]) -> str:
    return (
        f"pooled matched {tot['matched']} of {tot['expected']}; found {tot['found']}; "
        f"spurious {tot['spurious']}; not found {tot['not found']}; time {tot['time']}; "
        f"place {tot['place']}; participant {tot['participant']}; status {tot['status']}; "
        f"key {tot['key']} of {tot['key_total']} "
        f"({100 * tot['key'] / max(tot['key_total'], 1):.1f} %)"
    )


def run_all(
    a: argparse.Namespace, names: list[str], kind: str, folder: Callable[[Path, str], Path]
) -> dict[str, dict]:
    """`dateline eval KIND FOLDER --json` for each name, `--jobs` at a time; each report
    kept in `--out` (stories' as `stories-NAME.json`)."""
    src = Path(a.src).resolve() if a.src else Path(a.repo).resolve() / "src"
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    prefix = "stories-" if kind == "stories" else ""
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)

        def one(name: str) -> tuple[str, dict]:
            extra = ["--texts", str(REALNEWS_TEXTS)] if name == "realnews" else []
            args = ["eval", kind, str(folder(tmp, name)), *extra, "--json"]
            report = json.loads(run_dateline(src, args))
            (out / f"{prefix}{name}.json").write_text(json.dumps(report, indent=1))
            return name, report

        with ThreadPoolExecutor(a.jobs) as ex:
            return dict(ex.map(one, names))


def cmd_events(a: argparse.Namespace) -> None:
    root = Path(a.repo).resolve()
    names = a.sets.split(",") if a.sets else all_event_sets(root)
    reports = run_all(a, names, "events", lambda tmp, name: event_set_dir(root, name, tmp))
    for name in names:
        print(event_line(name, reports[name]))
    print(pooled_line(pooled(reports)))


def story_line(name: str, t: dict) -> str:
    b = t["b_cubed"]
    return (
        f"{name:10} B3 P {100 * b['precision']:5.1f} R {100 * b['recall']:5.1f} "
        f"F1 {100 * b['f1']:5.1f}  "
        f"history {t['history']['right']}/{t['history']['total']}  "
        f"pending {t['pending']['right']}/{t['pending']['total']}"
    )


def cmd_stories(a: argparse.Namespace) -> None:
    root = Path(a.repo).resolve()
    groups = dict(GROUPS, realnews=REAL_SERIES)
    names = a.groups.split(",") if a.groups else [*GROUPS, "realnews"]
    reports = run_all(
        a, names, "stories", lambda tmp, name: group_dir(root, groups[name], tmp, name)
    )
    for name in names:
        print(story_line(name, reports[name]["total"]))
    # All series pooled: B3 over the union of items (per-series precision/recall weighted by items).
    items = sum(r["total"]["b_cubed"]["items"] for r in reports.values())
    if items:
        p = (
            sum(
                r["total"]["b_cubed"]["precision"] * r["total"]["b_cubed"]["items"]
                for r in reports.values()
            )
            / items
        )
        rc = (
            sum(
                r["total"]["b_cubed"]["recall"] * r["total"]["b_cubed"]["items"]
                for r in reports.values()
            )
            / items
        )
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        hist = [sum(r["total"]["history"][k] for r in reports.values()) for k in ("right", "total")]
        pend = [sum(r["total"]["pending"][k] for r in reports.values()) for k in ("right", "total")]
        print(
            f"{'all':10} B3 P {100 * p:5.1f} R {100 * rc:5.1f} F1 {100 * f:5.1f}  "
            f"history {hist[0]}/{hist[1]}  pending {pend[0]}/{pend[1]} "
            f"({100 * pend[0] / max(pend[1], 1):.1f} %)  members {items}"
        )


def cmd_compare(a: argparse.Namespace) -> None:
    base, new = Path(a.base), Path(a.new)
    names = sorted(p.stem for p in new.glob("*.json") if not p.stem.startswith("stories-"))
    order = {n: i for i, n in enumerate(all_event_sets(ROOT))}
    names.sort(key=lambda n: order.get(n, 999))
    rb, rn = {}, {}
    for n in names:
        if not (base / f"{n}.json").exists():
            continue
        rb[n] = json.loads((base / f"{n}.json").read_text())
        rn[n] = json.loads((new / f"{n}.json").read_text())
        fb, fn = rb[n]["overall"]["f1"], rn[n]["overall"]["f1"]
        kb, kn = rb[n]["key"]["matched"], rn[n]["key"]["matched"]
        mark = "" if (fb, kb) == (fn, kn) else "  *"
        print(f"{n:10} F1 {100 * fb:5.1f} -> {100 * fn:5.1f}  key {kb:3} -> {kn:3}{mark}")
    tb, tn = pooled(rb), pooled(rn)
    for k in tb:
        print(f"  {k:12} {tb[k]:6} -> {tn[k]:6}")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("events", "stories"):
        p = sub.add_parser(name)
        p.add_argument("--repo", default=str(ROOT), help="checkout whose expected files are read")
        p.add_argument("--src", help="src folder to score (default: REPO/src)")
        p.add_argument("--out", required=True, help="folder for the JSON reports")
        p.add_argument("--jobs", type=int, default=2)
        if name == "events":
            p.add_argument("--sets", help="comma-separated set names (default: all)")
        else:
            p.add_argument("--groups", help="comma-separated group names (default: all)")
    p = sub.add_parser("compare")
    p.add_argument("base")
    p.add_argument("new")
    a = ap.parse_args()
    {"events": cmd_events, "stories": cmd_stories, "compare": cmd_compare}[a.cmd](a)


if __name__ == "__main__":
    main()
