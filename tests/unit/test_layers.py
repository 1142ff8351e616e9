"""The import rules of docs/architecture.md, checked on the AST."""
import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "ssg"
STAGES = {"scan", "read", "assemble", "plan", "render", "feeds", "write"}
SUPPORT = {"model", "config", "urls", "errors"}


def imports(module: str) -> set[str]:
    tree = ast.parse((PKG / f"{module}.py").read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def test_stage_modules_never_import_each_other():
    for stage in STAGES:
        bad = (imports(stage) & STAGES) - {stage}
        assert not bad, f"{stage} imports {bad}"


def test_support_modules_import_only_support():
    for module in SUPPORT:
        assert imports(module) <= SUPPORT, (module, imports(module))


def test_only_build_imports_parallel_and_only_front_ends_import_build():
    for path in PKG.glob("*.py"):
        names = imports(path.stem)
        if "parallel" in names:
            assert path.stem == "build", path
        if "build" in names:
            assert path.stem in {"cli", "watch", "serve"}, path
