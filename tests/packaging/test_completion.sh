#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The bash completion of sparsenas, driven as bash drives it: COMP_WORDS split where readline
# splits them (at spaces and '='), COMP_CWORD, then the completion function, whose COMPREPLY is
# compared with what it must offer. Once on its own, once with the bash-completion package's
# helpers when that is installed (they change how the words and file names are found).
# Usage: test_completion.sh COMPLETION_FILE SPARSENAS
set -uo pipefail
completion=$1
sparsenas=$2
[ -f "$completion" ] || { echo "FAIL: no completion file $completion"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/runs/demo" "$work/other"
touch "$work/config.json" "$work/notes.txt"
presets=$("$sparsenas" presets | tr '\n' ' ')
commands=$("$sparsenas" --help | awk '/^Subcommands:/{s=1; next} s && /^  [a-z]/{print $1}' | tr '\n' ' ')
if [ -z "$presets" ] || [ -z "$commands" ]; then
    echo "FAIL: no presets or commands from $sparsenas"
    exit 1
fi

# One run: $1 "plain" or "bash-completion". Prints FAIL lines; returns the number of failures.
run_cases() {
    bash --norc --noprofile -s "$1" "$completion" "$work" "$presets" "$commands" <<'EOF'
mode=$1 completion=$2 work=$3 presets=$4 commands=$5
if [ "$mode" = bash-completion ]; then
    # shellcheck disable=SC1091
    . /usr/share/bash-completion/bash_completion
fi
# shellcheck disable=SC1090
. "$completion"
cd "$work" || exit 1
failures=0

# complete LINE: the words bash would hand the completion function for LINE (the cursor at its
# end), then the sorted, space-separated COMPREPLY.
complete_line() {
    local line=$1 word
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMP_WORDS=()
    # readline splits at spaces and at '=' (COMP_WORDBREAKS), '=' being a word of its own.
    for word in $line; do
        while [[ $word == *=* ]]; do
            [[ -n ${word%%=*} ]] && COMP_WORDS+=("${word%%=*}")
            COMP_WORDS+=("=")
            word=${word#*=}
        done
        [[ -n $word ]] && COMP_WORDS+=("$word")
    done
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _sparsenas sparsenas "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sed 's:/$::' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

# expect LINE WORDS: COMPREPLY is exactly WORDS (any order).
expect() {
    local got want
    got=$(complete_line "$1")
    want=$(printf '%s\n' $2 | sort -u | tr '\n' ' ' | sed 's/ $//')
    if [[ $got != "$want" ]]; then
        echo "FAIL [$mode] '$1': got '$got', want '$want'"
        failures=$((failures + 1))
    fi
}

# contains LINE WORD...: COMPREPLY holds every WORD; lacks LINE WORD...: none of them.
contains() {
    local line=$1 got w
    shift
    got=" $(complete_line "$line") "
    for w in "$@"; do
        if [[ $got != *" $w "* ]]; then
            echo "FAIL [$mode] '$line': '$w' missing from '$got'"
            failures=$((failures + 1))
        fi
    done
}
lacks() {
    local line=$1 got w
    shift
    got=" $(complete_line "$line") "
    for w in "$@"; do
        if [[ $got == *" $w "* ]]; then
            echo "FAIL [$mode] '$line': '$w' offered in '$got'"
            failures=$((failures + 1))
        fi
    done
}

expect 'sparsenas ' "$commands"
expect 'sparsenas se' 'search'
expect 'sparsenas -' '-h --help -V --version'
expect 'sparsenas search --pre' '--preset'
expect 'sparsenas search --preset ' "$presets"
expect 'sparsenas search -p digits-' 'digits-quick digits-eval'
expect 'sparsenas search --preset=digits-q' 'digits-quick'
expect 'sparsenas search --device ' 'cpu cuda'
expect 'sparsenas search --threads ' ''
expect 'sparsenas search --set search.ep' 'search.epochs='
contains 'sparsenas search --set ' 'arch.alpha=' 'arch.lambda_step=' 'search.seed=' 'dataset.path='
expect 'sparsenas search --set search.epochs=' ''
expect 'sparsenas search -q --set arch.alpha=0.7 --dev' '--device'
expect 'sparsenas resume runs/demo --thr' '--threads'
expect 'sparsenas resume ' 'runs other'
expect 'sparsenas compare runs ' 'runs other'
contains 'sparsenas search -c ' 'config.json'
lacks 'sparsenas search --config ' 'notes.txt'
contains 'sparsenas search -o ' 'runs'
contains 'sparsenas derive ' 'config.json' 'notes.txt' 'runs'
expect 'sparsenas export runs/demo --format p' 'ptdarts pdf png'
expect 'sparsenas export runs/demo --cell ' 'normal reduce'
expect 'sparsenas export runs/demo -o cell.svg --format svg --dp' '--dpi'
expect 'sparsenas export runs/demo -o cell.svg --no' '--no-weights'
expect 'sparsenas evaluate DARTS' 'DARTS_RNN_V1 DARTS_RNN_V2 DARTS_V1 DARTS_V2'
expect 'sparsenas evaluate --preset digits-eval --seeds 3 DARTS_V' 'DARTS_V1 DARTS_V2'
expect 'sparsenas evaluate ENAS' 'ENAS_RNN'
contains 'sparsenas evaluate ' 'DARTS_V1' 'DARTS_RNN_V2' 'runs' 'config.json'
expect 'sparsenas params DARTS_V2 --ch' '--channels'
expect 'sparsenas presets ' "$presets"
expect 'sparsenas presets digits-q' 'digits-quick'
expect 'sparsenas info -' '-h --help'
exit "$failures"
EOF
}

failures=0
run_cases plain
failures=$((failures + $?))
if [ -f /usr/share/bash-completion/bash_completion ]; then
    run_cases bash-completion
    failures=$((failures + $?))
else
    echo "SKIP: bash-completion is not installed; its helpers (_init_completion, _filedir) untested"
fi
if [ "$failures" -ne 0 ]; then
    echo "$failures completion case(s) failed"
    exit 1
fi
echo "PASS: bash completion of sparsenas"
