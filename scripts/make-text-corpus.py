#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Makes the embedded text corpus (resources/data/devil.*.txt.gz) from Debian's dict-devil
package: Ambrose Bierce's "The Devil's Dictionary", a public-domain text. The files are in Penn
Treebank format, as the official DARTS code and SparseNAS's PTB reader expect: one sentence a
line, lower case, numbers as N, punctuation dropped, words rarer than MIN_COUNT in the training
part as <unk>. Entries (the paragraphs of the dictionary) go to the training part, except every
tenth to validation and every tenth after that to test, so that all three span the alphabet.

usage: apt-get download dict-devil && dpkg-deb -x dict-devil_*.deb x
       scripts/make-text-corpus.py x/usr/share/dictd/devil.dict.dz resources/data
"""
import collections
import gzip
import os
import re
import sys

MIN_COUNT = 3

src, out = sys.argv[1], sys.argv[2]
text = gzip.open(src, "rt", encoding="latin-1").read()
# The dictd header (00-database-* entries) and the Wiretap edition's notice come before the
# preface; the text proper starts there.
start = text.index("PREFACE")
text = text[start + len("PREFACE"):]

paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
word = re.compile(r"[a-z]+(?:'[a-z]+)?|[0-9]+(?:[.,][0-9]+)*")


def sentences(paragraph):
    flat = " ".join(paragraph.split()).lower()
    # Drop the dictd cross-reference braces; a full stop, !, ?, ; or : followed by a space
    # ends a sentence (so does the dot of "n." and "adj.": a short first line per entry).
    flat = flat.replace("{", "").replace("}", "")
    for piece in re.split(r"(?<=[.!?;:])\s+", flat):
        toks = ["N" if t[0].isdigit() else t for t in word.findall(piece)]
        # PTB splits the possessive and contractions off: "bierce's" -> "bierce 's".
        split = []
        for t in toks:
            if "'" in t and t != "N":
                head, tail = t.split("'", 1)
                if tail == "t" and head.endswith("n"):
                    split += [head[:-1], "n't"] if head[:-1] else [t]
                else:
                    split += [head, "'" + tail] if head else ["'" + tail]
            else:
                split.append(t)
        if split:
            yield split


parts = {"train": [], "valid": [], "test": []}
for i, p in enumerate(paragraphs):
    part = "valid" if i % 10 == 8 else "test" if i % 10 == 9 else "train"
    parts[part].extend(sentences(p))

counts = collections.Counter(t for s in parts["train"] for t in s)
vocab = {t for t, c in counts.items() if c >= MIN_COUNT}
os.makedirs(out, exist_ok=True)
for name, lines in parts.items():
    path = os.path.join(out, f"devil.{name}.txt.gz")
    # mtime 0 and no file name in the header: the same input gives the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                filename="") as f:
        for s in lines:
            f.write((" " + " ".join(t if t in vocab else "<unk>" for t in s) + " \n").encode())
    print(name, len(lines), "sentences", sum(len(s) + 1 for s in lines), "tokens")
print("vocabulary", len(vocab) + 2, "words with <unk> and <eos>")
