"""The package list, with the top-level templates/ folder shipped inside the package.

templates/ stays where the project keeps it and is installed as ``drafting.templates`` (package
data read with importlib.resources), in a wheel and in an editable install alike. pyproject.toml
cannot both find packages and add a mapped one, hence this file.
"""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["drafting", "drafting.*"]) + ["drafting.templates"],
    package_dir={"drafting.templates": "templates"},
)
