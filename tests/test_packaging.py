"""The distribution's name is free on the package index ("clean" there is an unrelated file sorter), and every
install line and wheel name the README and the Spark helper give uses it; the import package and the command
stay `clean`."""

import re
import tomllib
from importlib.metadata import distribution

from conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME = PROJECT["name"]


def test_distribution_name_is_not_the_taken_one():
    assert re.sub(r"[-_.]+", "-", NAME).lower() != "clean"
    assert PROJECT["scripts"] == {"clean": "clean.cli:main"}
    assert distribution(NAME).read_text("top_level.txt") in (None, "clean\n")  # the import package is clean


def test_readme_and_spark_install_the_distribution():
    texts = {"README.md": (ROOT / "README.md").read_text(encoding="utf-8"),
             "clean/spark.py": (ROOT / "clean" / "spark.py").read_text(encoding="utf-8")}
    for where, text in texts.items():
        for package in re.findall(r"pip install '([A-Za-z0-9_.-]+)\[", text) + re.findall(r"`([A-Za-z0-9_.-]+)\[spark\]`", text):
            assert package == NAME, (where, package)
    wheels = re.findall(r"dist/([A-Za-z0-9_.-]+\.whl)", texts["README.md"])
    assert wheels == [f"{NAME.replace('-', '_')}-{PROJECT['version']}-py3-none-any.whl"]
