"""The layers stay layers: imports point one way, with no cycle, and the CLI never touches
the history. Imports inside functions and under TYPE_CHECKING count as well."""

import ast
from pathlib import Path

SOURCE = Path(__file__).parent.parent / "src"
PACKAGE = SOURCE / "ssi_coach"

# What each layer may import from ssi_coach, besides itself and `errors`.
ALLOWED = {
    "core": set(),
    "storage": {"core"},
    "formats": {"core", "storage"},
    "output": {"core"},
    "commands": {"core", "formats", "storage"},
    "cli": {"commands", "core", "formats", "output"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every ssi_coach module `path` imports, wherever the import statement stands."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("ssi_coach")}


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {
        name: {other for other in imported_modules(path) if other in modules and other != name}
        for name, path in modules.items()
    }


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "package"


def test_the_import_graph_has_no_cycle() -> None:
    graph = import_graph()
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError("import cycle: " + " -> ".join([*path, module]))
        if module in done:
            return
        for other in sorted(graph[module]):
            visit(other, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    assert len(done) == len(graph) > 30


def test_each_layer_imports_only_the_layers_below_it() -> None:
    wrong = []
    for module, imports in import_graph().items():
        own = layer(module)
        if own not in ALLOWED:
            continue
        for other in imports:
            other_layer = layer(other)
            if other_layer not in {own, "errors", "package", *ALLOWED[own]}:
                wrong.append(f"{module} imports {other}")
    assert wrong == []


def test_the_cli_never_touches_the_history() -> None:
    text = (PACKAGE / "cli.py").read_text(encoding="utf-8")
    for name in ("Store", "open_store", "save_record", "record_before", "remember_plan", "sqlite"):
        assert name not in text


def test_the_pillars_are_named_in_one_place() -> None:
    """Outside pillars.py (and the sentences and labels a person reads), code iterates over
    PILLARS instead of naming the four keys."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("pillars.py", "messages.py", "paste.py"):
            continue
        text = path.read_text(encoding="utf-8")
        if all(f'"{key}"' in text for key in ("brand", "people", "insights", "relationships")):
            offenders.append(path.name)
    assert offenders == []


def test_every_function_can_be_held_in_a_head() -> None:
    """No function in src/ above a cyclomatic complexity of 12 (radon's measure)."""
    from radon.complexity import cc_visit

    too_complex = [
        f"{path.relative_to(SOURCE)}:{block.lineno} {block.name} ({block.complexity})"
        for path in PACKAGE.rglob("*.py")
        for block in cc_visit(path.read_text(encoding="utf-8"))
        if block.complexity > 12
    ]
    assert too_complex == []
