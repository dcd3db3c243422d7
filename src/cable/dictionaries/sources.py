"""Which dictionary files a PETRARCH config, a PETRARCH records file or a TABARI
project names, as paths relative to a directory."""

from __future__ import annotations

import configparser
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from cable.dictionaries.entries import PETRARCH, TABARI
from cable.dictionaries.lines import read_text

ROLES = ("verbs", "actors", "agents", "discards", "issues", "options")
_ENVIRONMENT = re.compile(r"<Environment\b.*?</Environment>", re.S | re.I)
_PROJECT_TAG = re.compile(r"^\s*<\s*([A-Za-z]+)[^>]*>\s*(.*)$")
_PROJECT_ROLES = {"ac": "actors", "ag": "agents", "ve": "verbs", "op": "options", "te": "texts"}
_CONFIG_ROLES = {"verbfile_name": "verbs", "actorfile_list": "actors", "agentfile_name": "agents",
                 "discardfile_name": "discards", "issuefile_name": "issues"}
_ELEMENT_ROLES = {"verbfile": "verbs", "actorfile": "actors", "agentfile": "agents",
                  "discardfile": "discards", "issuefile": "issues"}
_NAME_ROLES = (("discard", "discards"), ("issue", "issues"), ("agent", "agents"),
               ("actor", "actors"), ("verb", "verbs"), ("cameo", "verbs"), ("option", "options"))


@dataclass(frozen=True, slots=True)
class DictionaryFiles:
    """The files of one dictionary set, by role, in load order.

    ``format`` is ``petrarch`` or ``tabari``. ``texts`` are the records a project or
    config names; ``settings`` keeps the other things it says (config options,
    ``<Include>``, ``<Config option=...>``, TABARI ``<coder>``...).
    """

    format: str
    verbs: tuple[Path, ...] = ()
    actors: tuple[Path, ...] = ()
    agents: tuple[Path, ...] = ()
    discards: tuple[Path, ...] = ()
    issues: tuple[Path, ...] = ()
    options: tuple[Path, ...] = ()
    texts: tuple[Path, ...] = ()
    settings: dict[str, str] = field(default_factory=dict)

    def paths(self) -> list[Path]:
        return [path for role in ROLES for path in getattr(self, role)]


def read_environment(records: Path, directory: Path | None = None) -> DictionaryFiles:
    """The ``<Environment>`` of a PETRARCH records file (``PETR.UnitTest.records.xml``).

    Names are taken relative to ``directory`` (default: the records file's folder).
    Raises ValueError when the file has no readable ``<Environment>``.
    """
    found = _ENVIRONMENT.search(read_text(records, []))
    if not found:
        raise ValueError(f"{records} has no <Environment> element")
    try:
        root = ET.fromstring(found.group(0))
    except ET.ParseError as error:
        raise ValueError(f"cannot read the <Environment> of {records}: {error}") from None
    directory = records.parent if directory is None else directory
    files: dict[str, list[Path]] = {}
    settings: dict[str, str] = {}
    for element in root:
        value = (element.text or element.get("name") or element.get("categories") or "").strip()
        role = _ELEMENT_ROLES.get(element.tag.lower())
        if role:
            files.setdefault(role, []).extend(directory / name for name in _names(value))
        elif element.tag.lower() == "config":
            settings[element.get("option", "")] = element.get("value", "")
        else:
            settings[element.tag] = value or element.get("value", "")
    return _files(PETRARCH, files, settings)


def read_petrarch_config(config: Path, directory: Path | None = None) -> DictionaryFiles:
    """The ``[Dictionaries]`` of a ``PETR_config.ini``; other options go to ``settings``.
    Names are taken relative to ``directory`` (default: the config's folder)."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(read_text(config, []))
    except configparser.Error as error:
        raise ValueError(f"cannot read {config}: {error}") from None
    directory = config.parent if directory is None else directory
    files: dict[str, list[Path]] = {}
    settings = {f"{s}.{k}": v for s in parser.sections() for k, v in parser.items(s)}
    for key, role in _CONFIG_ROLES.items():
        if parser.has_option("Dictionaries", key):
            names = _names(parser.get("Dictionaries", key))
            files.setdefault(role, []).extend(directory / name for name in names)
    if parser.has_option("Options", "textfile_list"):
        files["texts"] = [directory / name for name in _names(parser.get("Options", "textfile_list"))]
    return _files(PETRARCH, files, settings)


def read_tabari_project(project: Path, directory: Path | None = None) -> DictionaryFiles:
    """The files a TABARI ``.project`` names (``<actorsfile>``, ``<verbfile>``...).

    TABARI looks at the first two letters of a tag; tags may repeat. Names are taken
    relative to ``directory`` (default: the project's folder).
    """
    directory = project.parent if directory is None else directory
    files: dict[str, list[Path]] = {}
    settings: dict[str, str] = {}
    for line in read_text(project, []).splitlines():
        match = _PROJECT_TAG.match(line)
        if not match or not match.group(2).split():
            continue
        tag, value = match.group(1).lower(), match.group(2).split()[0]
        role = _PROJECT_ROLES.get(tag[:2])
        if role:
            files.setdefault(role, []).append(directory / value)
        elif tag != "session":
            settings.setdefault(tag, value)
    return _files(TABARI, files, settings)


def classify_paths(paths: list[Path]) -> DictionaryFiles:
    """A dictionary set from file names: ``*.verbs``/``*.actors``/``*.agents``/``*.options``
    (TABARI) or names containing verb/CAMEO, actor, agent, discard or issue (PETRARCH).
    Raises ValueError for a name that says nothing of its role."""
    files: dict[str, list[Path]] = {}
    for path in paths:
        files.setdefault(_role(path), []).append(path)
    tabari = any(path.suffix.lower() in (".verbs", ".actors", ".agents", ".options") for path in paths)
    return _files(TABARI if tabari else PETRARCH, files, {})


def _role(path: Path) -> str:
    name = path.name.lower()
    for word, role in _NAME_ROLES:
        if word in name:
            return role
    raise ValueError(f"cannot tell what {path.name} holds: name it *.verbs, *.actors, "
                     "*.agents, *.options, or with verb, actor, agent, discard or issue in it")


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def _files(format: str, files: dict[str, list[Path]], settings: dict[str, str]) -> DictionaryFiles:
    return DictionaryFiles(format, *(tuple(files.get(role, ())) for role in ROLES),
                           tuple(files.get("texts", ())), settings)
