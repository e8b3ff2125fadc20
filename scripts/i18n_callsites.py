#!/usr/bin/env python3
"""Moves the app's fixed words into the English Fluent catalog and its call sites to functions.

For each `pub const NAME: &str = "...";` in src/strings.rs and src/strings/*.rs:
  - its text is appended to locales/en.ftl under the key kebab(NAME) (library's keys start with
    `library-`), unless that key is there already;
  - the const becomes `text!(name, "key");`, a function that returns the word in the page's
    language (src/i18n.rs).
Then every `s::NAME` / `strings::NAME` / `library::NAME` / `super::NAME` in src/ (and a bare NAME
inside the strings files) whose function exists becomes `...::name()`.

Re-runnable: after merging a branch that added consts or call sites in the old form, run it again;
what was already converted is left alone. New keys still need their translations (the catalog
check, `cargo test -p shoebox-locales`, names them).

Usage: scripts/i18n_callsites.py [ROOT]
"""
import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
STRINGS = os.path.join(ROOT, "src", "strings.rs")
STRINGS_DIR = os.path.join(ROOT, "src", "strings")
EN = os.path.join(ROOT, "locales", "en.ftl")

CONST = re.compile(r'^(?P<indent>[ \t]*)pub const (?P<name>[A-Z][A-Z0-9_]*): &str =\s*"(?P<lit>(?:[^"\\]|\\.|\\\n)*)";[ \t]*$', re.M | re.S)
TEXT = re.compile(r'\btext!\((?P<name>[a-z][a-z0-9_]*),')


def unescape(lit):
    out, i = [], 0
    while i < len(lit):
        c = lit[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = lit[i + 1]
        if n == "u":
            j = lit.index("}", i)
            out.append(chr(int(lit[i + 3:j], 16)))
            i = j + 1
        elif n == "\n":
            i += 2
            while i < len(lit) and lit[i] in " \t":
                i += 1
        else:
            out.append({"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "0": "\0"}[n])
            i += 2
    return "".join(out)


def fluent_text(s):
    s = s.replace("{", "\0").replace("}", '{"}"}').replace("\0", '{"{"}')
    if s[:1] in "[*." or s != s.strip():
        s = '{""}' + s
    return s


KEYWORDS = {"as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
            "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait",
            "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do",
            "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen"}


def fn_name(name):
    """The function's name: the const's in lower case (`continue_` for a keyword)."""
    n = name.lower()
    return n + "_" if n in KEYWORDS else n


def kebab(name, module):
    key = name.lower().replace("_", "-")
    return key if module is None else f"{module}-{key}"


def strings_files():
    files = [(STRINGS, None)]
    for f in sorted(os.listdir(STRINGS_DIR)):
        if f.endswith(".rs"):
            files.append((os.path.join(STRINGS_DIR, f), f[:-3]))
    return files


def en_keys():
    if not os.path.exists(EN):
        return set()
    return set(re.findall(r"^([a-z][a-z0-9-]*)\s*=", open(EN, encoding="utf-8").read(), re.M))


def convert_consts():
    keys = en_keys()
    added = []
    for path, module in strings_files():
        src = open(path, encoding="utf-8").read()

        def repl(m):
            name, key = m.group("name"), kebab(m.group("name"), module)
            if key not in keys:
                added.append(f"{key} = {fluent_text(unescape(m.group('lit')))}")
                keys.add(key)
            return f'{m.group("indent")}text!({fn_name(name)}, "{key}");'

        new = CONST.sub(repl, src)
        # A doc comment cannot document a macro call: it stays as a plain comment.
        new = re.sub(r"^([ \t]*)///(.*\n(?:[ \t]*///.*\n)*)(?=[ \t]*text!\()", lambda m: m.group(0).replace("///", "//"), new, flags=re.M)
        if new != src and "use crate::i18n::text;" not in new:
            new = add_use(new)
        if new != src:
            open(path, "w", encoding="utf-8").write(new)
    if added:
        with open(EN, "a", encoding="utf-8") as f:
            f.write("\n" + "\n".join(added) + "\n")
    return added


def add_use(src):
    """`use crate::i18n::text;` after the file's leading //! lines."""
    lines = src.split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("//!"):
        i += 1
    lines.insert(i, "use crate::i18n::text;")
    return "\n".join(lines)


def functions():
    """The consts' names (upper case) that have become `text!` functions."""
    names = set()
    for path, _ in strings_files():
        names.update(n.rstrip("_").upper() for n in TEXT.findall(open(path, encoding="utf-8").read()))
    return names


def convert_calls(names):
    upper = "|".join(sorted(names, key=len, reverse=True))
    if not upper:
        return 0
    qualified = re.compile(r"\b((?:s|strings|library|super|lib)::)(" + upper + r")\b(?!\s*\()")
    bare = re.compile(r"(?<![:\w])(" + upper + r")\b(?!\s*[(!:])")
    strings_paths = {os.path.normpath(p) for p, _ in strings_files()}
    changed = 0
    for d, _, fs in os.walk(os.path.join(ROOT, "src")):
        for f in fs:
            if not f.endswith(".rs"):
                continue
            path = os.path.normpath(os.path.join(d, f))
            src = open(path, encoding="utf-8").read()
            new = qualified.sub(lambda m: m.group(1) + fn_name(m.group(2)) + "()", src)
            # `|| s::name()` as an argument is the function itself (clippy: redundant closure).
            new = re.sub(r"\|\|\s*((?:s|strings|library)::[a-z][a-z0-9_]*)\(\)(?=\s*\))", r"\1", new)
            if path in strings_paths:
                new = bare.sub(lambda m: fn_name(m.group(1)) + "()", new)
            if new != src:
                open(path, "w", encoding="utf-8").write(new)
                changed += 1
    return changed


def main():
    added = convert_consts()
    changed = convert_calls(functions())
    print(f"{len(added)} new English messages, {changed} files changed")


if __name__ == "__main__":
    main()
