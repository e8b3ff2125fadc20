#!/usr/bin/env python3
"""Fails on a user-facing string literal outside the strings module (src/strings*).

Every word a person reads lives in src/strings* so that a translation is one place. This
scans the UI and the driver (src/ui/**, src/driver/**, src/driver.rs) for string literals that
look like words shown to a person:
  - two or more words (letters, then a space, then letters), once `{...}` placeholders are
    taken out: text nodes, notices, `format!` sentences;
  - a single capitalised word inside a `view!` block (a button's text node).
Not counted: comments, attribute values that are not read (class, data-testid, role, type,
...), URLs and paths, developer-facing messages (console, logs, panics, asserts), and test
modules. What remains and is not user-facing goes in ALLOW with its reason.

Usage: check_strings.py [--self-test] [ROOT]
"""
import os
import re
import sys

SCANNED = ["src/ui", "src/driver", "src/driver.rs"]

# (path, literal) -> why it may stay where it is.
ALLOW = {}

# Attributes whose values nobody reads as words.
ATTR = re.compile(
    r"(?:\bclass|\bid|data-[a-z-]+|\brole|\btype|\bname|\bfor|\bhref|\bsrc|\brel|\bautocomplete|\binputmode|"
    r"\baccept|\bmethod|\btarget|\bstyle|\bkey|\bdir|\blang|\bfetchpriority|\bloading|\bdecoding|\bsizes|\bsrcset|"
    r"attr:[a-z-]+|class:[a-z0-9-]+|style:[a-z-]+)\s*=\s*(?:move\s*\|\|\s*)?[^=<>]*$"
)
# Calls whose text is for developers or the platform, not for a person.
DEVELOPER = re.compile(
    r"(console::\w+|log::\w+!|tracing::\w+!|\bpanic!|\bunreachable!|\btodo!|\bassert\w*!|\.expect\(|"
    r"\bcreate_element\(|\bset_attribute\(|\bclass_name|\bset_class_name|\bquery_selector\w*\(|\bget_element_by_id\(|"
    r"\bset_type\(|\bdyn_into|\bReflect::\w+\(|\bjs_sys::\w+|\bJsValue::from|\bserde_json::json!|\bmatches!)"
)
# Compared with, not shown: a user agent's part, a key's name.
COMPARED = re.compile(r"(\.contains\(|\.starts_with\(|\.ends_with\(|\.strip_prefix\(|==\s*|!=\s*)$")
# CSS: class lists with a hyphenated name ("file-row failed"), declarations ("width: 3px").
CSS = re.compile(r"^(?=.*[a-z0-9]-[a-z])[a-z0-9-]+( [a-z0-9-]+)*$|^[a-z-]+\s*:[^;]*(;\s*[a-z-]+\s*:[^;]*)*;?$")
WORDS = re.compile(r"[A-Za-z][a-z]+[,;:.!?]?\s+[A-Za-z]{2,}")
CAPITALISED = re.compile(r"^[A-Z][a-z]{2,}$")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def literals(src):
    """(line, literal text, source before it, inside view!) for each string literal outside comments."""
    out = []
    i, n, line = 0, len(src), 1
    view_depth = []  # brace depths at which a view! block opened
    depth = 0
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += src.count("\n", i, j)
            i = j
        elif c == "r" and re.match(r'r#*"', src[i:i + 10]) and not (i > 0 and (src[i - 1].isalnum() or src[i - 1] == "_")):
            hashes = re.match(r'r(#*)"', src[i:]).group(1)
            end = '"' + hashes
            start = i + 2 + len(hashes)
            j = src.find(end, start)
            j = n if j < 0 else j
            out.append((line, src[start:j], src[max(0, i - 160):i], bool(view_depth)))
            line += src.count("\n", i, j)
            i = j + len(end)
        elif c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            out.append((line, src[i + 1:j], src[max(0, i - 160):i], bool(view_depth)))
            line += src.count("\n", i, j)
            i = j + 1
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", src[i:i + 4]):
            i += len(re.match(r"'(\\.|[^\\'])'", src[i:i + 4]).group(0))
        elif c == "{":
            if re.search(r"view!\s*$", src[max(0, i - 12):i]):
                view_depth.append(depth)
            depth += 1
            i += 1
        elif c == "}":
            depth -= 1
            if view_depth and view_depth[-1] == depth:
                view_depth.pop()
            i += 1
        else:
            i += 1
    return out


def offenders(path, src):
    """User-facing literals of one file: (line, literal)."""
    cut = src.find("#[cfg(test)]")
    if cut >= 0:
        src = src[:cut]
    found = []
    for line, text, before, in_view in literals(src):
        statement = re.split(r"[;{]\s*\n", before)[-1]
        if "://" in text or text.startswith(("/", "#", ".", "[")) or DEVELOPER.search(statement) or COMPARED.search(before):
            continue
        if ATTR.search(before.split("\n")[-1]) or ATTR.search(before[-60:]):
            continue
        words = PLACEHOLDER.sub(" ", text)
        if CSS.match(words.strip()):
            continue
        if WORDS.search(words) or (in_view and CAPITALISED.match(words.strip())):
            if (path, text) not in ALLOW:
                found.append((line, text))
    return found


def files(root):
    for entry in SCANNED:
        p = os.path.join(root, entry)
        if os.path.isfile(p):
            yield entry
        for d, _, names in os.walk(p):
            for name in sorted(names):
                if name.endswith(".rs"):
                    yield os.path.relpath(os.path.join(d, name), root)


def self_test():
    sample = r'''
fn notice(n: RwSignal<Option<String>>) {
    n.set(Some("Could not reach the server".into())); // caught: a notice
    let s = format!("{} of {} files sent", a, b); // caught: a format! sentence
    web_sys::console::warn_1(&"could not save the resume record".into()); // a developer's log
    let url = "https://example.com/a b"; // a URL
    let k = "shoebox.settings"; // a key
}
fn v() -> impl IntoView {
    view! { <button class="button primary" data-testid="retry-button" role="alert dialog">"Retry"</button>
            <p>{s::RETRY}</p> }
}
// "Words in a comment" are not shown.
#[cfg(test)]
mod tests { const X: &str = "test words are fine"; }
'''
    got = [t for _, t in offenders("src/ui/sample.rs", sample)]
    want = ["Could not reach the server", "{} of {} files sent", "Retry"]
    if got != want:
        print(f"self-test failed: found {got}, expected {want}")
        return 1
    print("self-test passed: the check catches a literal and lets keys, classes, URLs, logs and comments be")
    return 0


def main(argv):
    if "--self-test" in argv:
        return self_test()
    args = [a for a in argv if not a.startswith("-")]
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    fatal = 0
    for path in files(root):
        with open(os.path.join(root, path), encoding="utf-8") as f:
            found = offenders(path, f.read())
        for line, text in found:
            print(f"{path}:{line}: user-facing string outside src/strings*: {text!r}")
            fatal += 1
    if fatal:
        print(f"{fatal} user-facing literal(s): move them to src/strings* (or, if nobody reads them, to ALLOW with a reason)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
