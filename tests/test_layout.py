"""The house rules of the code, checked: stage order, module size, private names, docstrings."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "drafting"
# Each stage may import itself and the stages before it, never one after it.
STAGES = ["errors", "outputs", "model", "store", "importers", "comparison", "proposal", "render", "checks",
          "training", "library", "compilation", "cli", "drafting", "__main__"]
# Imports inside a function that reach a later stage on purpose, each with its reason.
LAZY_SEAMS = {
    # Results print themselves (Comparison.to_html, Proposal.to_docx): the model stays free of
    # the renderers until a method is called.
    "drafting.model.outputs",
}
MAX_LINES = 500


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    assert len(out) > 40, "the package was not found"  # an empty loop would pass unseen
    return out


def stage(module: str) -> int:
    parts = module.split(".")
    return STAGES.index(parts[1] if len(parts) > 1 else "drafting")


def imports(module: str, path: Path) -> list[tuple[str, int, bool, list[str]]]:
    """(target module, line, at module level, names imported) for every drafting import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    top |= {id(n) for node in tree.body if isinstance(node, ast.If) for n in node.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("drafting"):
            names = [a.name for a in node.names]
            if all((PACKAGE / Path(*f"{node.module}.{n}".split(".")[1:])).exists()
                   or (PACKAGE / Path(*f"{node.module}.{n}".split(".")[1:])).with_suffix(".py").exists()
                   for n in names):  # `from drafting import store`: the modules themselves
                found += [(f"{node.module}.{n}", node.lineno, id(node) in top, []) for n in names]
            else:
                found.append((node.module, node.lineno, id(node) in top, names))
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno, id(node) in top, []) for a in node.names if a.name.startswith("drafting")]
    return found


def test_no_stage_imports_a_later_one() -> None:
    wrong = []
    for module, path in modules().items():
        for target, line, _, _ in imports(module, path):
            if stage(target) > stage(module) and module not in LAZY_SEAMS:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {module} imports {target}")
    assert wrong == []


def test_no_module_imports_another_modules_private_names() -> None:
    wrong = []
    for module, path in modules().items():
        for target, line, _, names in imports(module, path):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private and target != module:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {', '.join(private)} from {target}")
    assert wrong == []


def test_no_module_is_over_500_lines() -> None:
    sizes = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in modules().values()}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_every_module_says_what_it_owns() -> None:
    missing = [str(p.relative_to(ROOT)) for p in modules().values()
               if p.name != "__main__.py" and not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert missing == []


def test_comments_say_why_not_which_issue() -> None:
    cited = [f"{p.relative_to(ROOT)}:{n}" for p in sorted((ROOT / "drafting").rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bissues? #?\d", line)]
    assert cited == []
