#!/usr/bin/env python3
"""Fails when two source files of one crate depend on each other, directly or through a chain.

A cycle between files means neither can be read, tested or moved without the other: the layer
rule (vocabulary below flows, flows below adapters, adapters below the app) is broken somewhere
on the loop. For each crate root (core/src, server/src, src, worker/src) the script builds the
file-level graph and lists every cycle with the lines that make it.

How the graph is built:
- A file is a module: `a.rs` or `a/mod.rs` is module `a`; `a/b.rs` is `a::b` whether the
  parent is `a.rs` or `a/mod.rs`; `lib.rs` is the crate root. `main.rs` is a crate of its own
  (it reaches the library by the crate's name), so its paths are not followed.
- An edge A -> B is a path in A that names B: every `use` tree and every `crate::`, `super::`
  and `self::` path in the code (comments and strings are skipped), plus a `use` of a child
  module by its bare name. A path is resolved to the deepest file it names; a name that file
  only re-exports (`pub use x::Name`) is followed to the file it comes from.
- Two edges are not dependencies and are ignored, otherwise every folder would be a cycle:
  a parent's `mod child;` declaration, and `pub use` re-export lines in a parent module file
  (`lib.rs`, `mod.rs`, or `a.rs` with an `a/` folder).
- A `#[macro_export]` macro lives at the crate root but belongs to the file defining it.
- `ALLOWED` lists edges that are known and owned elsewhere, each with its reason; remove an
  entry when its cycle is gone (the script says when an entry no longer matches anything).

`--self-test` proves the check on temporary trees: a two-file cycle fails, a folder with
re-exports and a parent/child pair does not.
"""

import os
import re
import sys
import tempfile

CRATES = ["core/src", "server/src", "src", "worker/src"]

# (from, to) -> reason. Paths relative to the repository root. Each entry is a known edge kept
# on purpose; remove it once the cycle it closes is gone.
_UP = ("a driver part is a handler of the one loop: its async answers re-enter the loop's state "
       "(`with`, `step`), which holds each part's context, in driver.rs")
ALLOWED = {
    ("src/driver/devices.rs", "src/driver.rs"): _UP,
    ("src/driver/intake.rs", "src/driver.rs"): _UP,
    ("src/driver/kiosk.rs", "src/driver.rs"): _UP,
    ("src/driver/kiosk/own_account.rs", "src/driver.rs"): _UP,
    ("src/driver/publish.rs", "src/driver.rs"): _UP,
    ("src/driver/sync.rs", "src/driver.rs"): _UP,
}

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip_comments_and_strings(text):
    """Blanks comments, string and char literals, keeping line breaks so line numbers hold."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and (i == 0 or not re.match(r"\w", text[i - 1])):
            m = re.match(r'r(#*)"', text[i:])
            end = text.find('"' + m.group(1), i + len(m.group(0)))
            end = n if end < 0 else end + 1 + len(m.group(1))
            out.append('""' + "\n" * text.count("\n", i, end))
            i = end
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j + 1
        elif c == "'":
            m = re.match(r"'(\\.|\\u\{[0-9a-fA-F]+\}|\\x..|[^\\'])'", text[i:])
            if m:
                out.append("' '")
                i += len(m.group(0))
            else:  # a lifetime
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def expand_use_tree(tree):
    """`a::{b, c::{d, self}, e as f}` -> [[a, b], [a, c, d], [a, c], [a, e]]."""
    tree = re.sub(r"\s+as\s+" + IDENT, "", tree)
    tree = re.sub(r"\s+", "", tree)
    paths = []

    def walk(prefix, s):
        parts, depth, cur = [], 0, ""
        for ch in s:
            depth += {"{": 1, "}": -1}.get(ch, 0)
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        parts.append(cur)
        for part in filter(None, parts):
            if "{" in part:
                head, rest = part.split("{", 1)
                walk(prefix + [p for p in head.split("::") if p], rest[: rest.rfind("}")])
            else:
                segs = [p for p in part.split("::") if p]
                if segs and segs[-1] in ("self", "*"):
                    segs = segs[:-1]
                paths.append(prefix + segs)

    walk([], tree)
    return paths


class Crate:
    def __init__(self, repo, root):
        self.repo = repo
        self.root = root
        self.files = {}  # module path tuple -> relative file path
        self.parents = set()  # files that are parent module files
        base = os.path.join(repo, root)
        for dirpath, _, names in os.walk(base):
            for name in names:
                if not name.endswith(".rs"):
                    continue
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, base)
                if rel == "main.rs":
                    continue
                parts = rel[:-3].split(os.sep)
                if parts == ["lib"]:
                    mod = ()
                elif parts[-1] == "mod":
                    mod = tuple(parts[:-1])
                else:
                    mod = tuple(parts)
                self.files[mod] = os.path.relpath(full, repo)
        for mod, path in self.files.items():
            if any(len(m) == len(mod) + 1 and m[: len(mod)] == mod for m in self.files):
                self.parents.add(path)
        self.parsed = {mod: self.parse(mod) for mod in self.files}
        # `#[macro_export]` puts a macro at the crate root, whichever file defines it.
        self.macros = {}
        for path in self.files.values():
            with open(os.path.join(repo, path), encoding="utf-8") as f:
                for name in re.findall(r"#\[macro_export\]\s*macro_rules!\s*(" + IDENT + ")", f.read()):
                    self.macros[name] = path

    def parse(self, mod):
        """Returns (uses, reexports, children): uses are (line, module-of-scope, path, is_pub_use)."""
        path = os.path.join(self.repo, self.files[mod])
        with open(path, encoding="utf-8") as f:
            text = strip_comments_and_strings(f.read())
        uses, reexports, children = [], {}, set()
        # Track inline `mod name {` blocks so `super::` inside them resolves right.
        scope = []  # stack of (name, depth at open)
        depth = 0
        line = 1
        i, n = 0, len(text)
        use_re = re.compile(r"\b(pub(\([^)]*\))?\s+)?use\s+([^;]*);")
        mod_re = re.compile(r"\bmod\s+(" + IDENT + r")\s*([;{])")
        path_re = re.compile(r"(?<![\w:])\$?(crate|super|self)((?:::" + IDENT + r")+)")
        while i < n:
            c = text[i]
            if c == "\n":
                line += 1
                i += 1
                continue
            if c == "{":
                depth += 1
                i += 1
                continue
            if c == "}":
                depth -= 1
                if scope and scope[-1][1] == depth:
                    scope.pop()
                i += 1
                continue
            m = use_re.match(text, i) if c in "pu" else None
            if m and (i == 0 or not re.match(r"\w", text[i - 1])):
                is_pub = m.group(1) is not None and m.group(2) is None
                cur = mod + tuple(s for s, _ in scope)
                for p in expand_use_tree(m.group(3)):
                    uses.append((line, cur, p, is_pub and not scope))
                    if is_pub and not scope and p:
                        name = p[-1]
                        reexports.setdefault(name, []).append((cur, p))
                    if is_pub and not scope and m.group(3).strip().endswith("*"):
                        reexports.setdefault("*", []).append((cur, p))
                line += text.count("\n", i, m.end())
                i = m.end()
                continue
            m = mod_re.match(text, i) if c == "m" else None
            if m and (i == 0 or not re.match(r"\w", text[i - 1])):
                if m.group(2) == ";":
                    if not scope:
                        children.add(m.group(1))
                else:
                    scope.append((m.group(1), depth))
                    depth += 1
                i = m.end()
                continue
            m = path_re.match(text, i) if c in "cs$" else None
            if m and (i == 0 or not re.match(r"[\w:]", text[i - 1])):
                segs = [m.group(1)] + [s for s in m.group(2).split("::") if s]
                uses.append((line, mod + tuple(s for s, _ in scope), segs, False))
                i = m.end()
                continue
            i += 1
        return uses, reexports, children

    def absolute(self, scope, segs):
        """Turns a path as written in module `scope` into a path from the crate root, or None."""
        segs = list(segs)
        if not segs:
            return None
        if segs[0] in ("crate", "$crate"):
            return segs[1:]
        if segs[0] in ("self", "super"):
            base = list(scope)
            while segs and segs[0] in ("self", "super"):
                if segs[0] == "super":
                    if not base:
                        return None
                    base.pop()
                segs.pop(0)
            return base + segs
        # A bare path: a child module of this scope (2018 paths), else an extern crate.
        if tuple(scope) + (segs[0],) in self.files:
            return list(scope) + segs
        return None

    def resolve(self, segs, seen=None):
        """The file an absolute path names, following re-exports of the last file."""
        seen = seen or set()
        k = 0
        while k < len(segs) and tuple(segs[: k + 1]) in self.files:
            k += 1
        mod = tuple(segs[:k])
        if k < len(segs):
            name = segs[k]
            if k == 0 and name in self.macros:
                return self.macros[name]
            _, reexports, _ = self.parsed[mod]
            key = (mod, name)
            if key not in seen:
                seen.add(key)
                for scope, target in reexports.get(name, []):
                    absolute = self.absolute(scope, target)
                    if absolute is not None:
                        return self.resolve(absolute + segs[k + 1:], seen)
        return self.files[mod]

    def edges(self):
        """{(from, to): [line, ...]}"""
        out = {}
        for mod, (uses, _, children) in self.parsed.items():
            src = self.files[mod]
            for line, scope, segs, is_pub_use in uses:
                if is_pub_use and src in self.parents:
                    continue  # a re-export line of a parent module file
                absolute = self.absolute(scope, segs)
                if absolute is None:
                    continue
                dst = self.resolve(absolute)
                if dst != src:
                    out.setdefault((src, dst), []).append(line)
        return out


def cycles(edges):
    """Strongly connected components with more than one file (Tarjan)."""
    graph = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index, low, stack, on, comps = {}, {}, [], set(), []
    counter = [0]

    def strong(v):
        work = [(v, iter(sorted(graph[v])))]
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        while work:
            node, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                    advanced = True
                    break
                if w in on:
                    low[node] = min(low[node], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                if len(comp) > 1:
                    comps.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return sorted(comps)


def check(repo, crates, allowed, out):
    """Prints every cycle; returns the number of cycles found."""
    found = 0
    used = set()
    for root in crates:
        if not os.path.isdir(os.path.join(repo, root)):
            continue
        edges = Crate(repo, root).edges()
        kept = {}
        for e, lines in edges.items():
            if e in allowed:
                used.add(e)
            else:
                kept[e] = lines
        for comp in cycles(kept):
            found += 1
            members = set(comp)
            print(f"cycle in {root}: {' , '.join(comp)}", file=out)
            for (a, b), lines in sorted(kept.items()):
                if a in members and b in members:
                    print(f"  {a}:{','.join(map(str, lines))} -> {b}", file=out)
    for e in sorted(set(allowed) - used):
        print(f"note: allow-list entry {e[0]} -> {e[1]} matches nothing now; remove it", file=out)
    return found


def self_test():
    def tree(files):
        d = tempfile.mkdtemp()
        for rel, text in files.items():
            p = os.path.join(d, "c", rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w") as f:
                f.write(text)
        return d

    class Sink:
        def __init__(self):
            self.text = ""

        def write(self, s):
            self.text += s

    failures = []

    def expect(name, files, want, allowed=()):
        sink = Sink()
        got = check(tree(files), ["c"], {e: "test" for e in allowed}, sink)
        if got != want:
            failures.append(f"{name}: {got} cycles, want {want}\n{sink.text}")

    expect("two files using each other", {
        "lib.rs": "pub mod a;\npub mod b;\n",
        "a.rs": "use crate::b::B;\npub struct A;\n",
        "b.rs": "pub struct B(crate::a::A);\n",
    }, 1)
    expect("a chain through a folder", {
        "lib.rs": "pub mod a;\npub mod x;\n",
        "a.rs": "use crate::x::y::Y;\npub struct A;\n",
        "x/mod.rs": "pub mod y;\npub mod z;\n",
        "x/y.rs": "use super::z::Z;\npub struct Y;\n",
        "x/z.rs": "// use crate::b::B; in a comment is no edge\nuse crate::{a::A};\npub struct Z;\n",
    }, 1)
    expect("a re-exported name leads to its source", {
        "lib.rs": "pub mod a;\npub mod b;\npub use b::B;\n",
        "a.rs": "use crate::B;\npub struct A;\n",
        "b.rs": "pub struct B;\n#[cfg(test)]\nmod tests {\n    use super::*;\n    use crate::a::A;\n}\n",
    }, 1)
    expect("a folder with re-exports and a child using its parent's name", {
        "lib.rs": "pub mod a;\npub mod b;\npub use a::A;\n",
        "a.rs": "mod inner;\npub use inner::Inner;\npub struct A(Inner);\n",
        "a/inner.rs": "pub struct Inner;\nfn f() -> super::A { todo!() }\n",
        "b.rs": "use crate::A;\nuse crate::a::Inner;\nconst S: &str = \"crate::b\";\n",
    }, 0)
    expect("an allowed edge breaks the cycle", {
        "lib.rs": "pub mod a;\npub mod b;\n",
        "a.rs": "use crate::b::B;\npub struct A;\n",
        "b.rs": "pub struct B(crate::a::A);\n",
    }, 0, allowed=[("c/b.rs", "c/a.rs")])
    for f in failures:
        print("self-test failed:", f)
    if not failures:
        print("check_layout self-test: ok")
    return 1 if failures else 0


def main():
    if "--self-test" in sys.argv[1:]:
        return self_test()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    found = check(repo, CRATES, ALLOWED, sys.stdout)
    if found:
        print(f"{found} import cycle(s) between files; break each (move the shared vocabulary down).")
        return 1
    print("check_layout: no import cycles between files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
