#!/usr/bin/env bash
# SIGKILL at every rename() of `diverge analyze` while it replaces one set of outputs
# with another: afterwards report.json, report.md, report.html, divergences.csv and
# claims.graphml must all be the old set or all the new one, never a mix. The kill is
# exact: strace's fault injection delivers SIGKILL at the Nth rename/renameat/renameat2
# (`strace -e inject=rename:signal=KILL:when=N`), for every N up to the last rename of
# a run. Run by ctest (tests/CMakeLists.txt); exit 77 (skipped) without strace or the
# default model.
#
# Usage: robust_kill_switch.sh DIVERGE_BINARY CORPUS_DIR
set -uo pipefail

bin=$1
corpus=$2
command -v strace >/dev/null 2>&1 || { echo "strace not installed: skipped"; exit 77; }
strace -o /dev/null true 2>/dev/null || { echo "strace cannot trace here: skipped"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/diverge-kill-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
names=(report.json report.md report.html divergences.csv claims.graphml)
fail=0

analyze() {  # OUT ARGS...: a normal run
  local out=$1
  shift
  "$bin" analyze "$corpus" --quiet --out "$out" "$@" >/dev/null 2>"$tmp/err"
  local rc=$?
  [ $rc -eq 5 ] && { echo "no embedding model: skipped"; exit 77; }
  [ $rc -eq 0 ] || { echo "analyze failed (exit $rc): $(cat "$tmp/err")"; exit 1; }
}

# The two sets: A (default flags) and B (--max-flags 1): every file differs between them.
analyze "$tmp/A"
analyze "$tmp/B" --max-flags 1
for n in "${names[@]}"; do
  if cmp -s "$tmp/A/$n" "$tmp/B/$n"; then echo "setup: $n is the same in both sets"; exit 1; fi
done

# Which set OUT shows: "A", "B", or "MIXED: ...".
state() {
  local out=$1 a=0 b=0 detail=""
  for n in "${names[@]}"; do
    if cmp -s "$out/$n" "$tmp/A/$n"; then
      a=$((a + 1)); detail+=" $n=A"
    elif cmp -s "$out/$n" "$tmp/B/$n"; then
      b=$((b + 1)); detail+=" $n=B"
    else
      detail+=" $n=?"
    fi
  done
  if [ $a -eq ${#names[@]} ]; then echo A
  elif [ $b -eq ${#names[@]} ]; then echo B
  else echo "MIXED:$detail"
  fi
}

# Kills run B at rename number N (1, 2, ...) until a run completes without reaching it.
# $1: how OUT holds set A before each run ("legacy": regular files, as an older diverge
# or `diverge report --out` left them; "current": this diverge's own layout).
kill_each_rename() {
  local layout=$1 killed=0
  for when in $(seq 1 20); do
    local out="$tmp/out-$layout-$when"
    rm -rf "$out"
    if [ "$layout" = legacy ]; then
      mkdir -p "$out"
      for n in "${names[@]}"; do cp -L "$tmp/A/$n" "$out/$n"; done
    else
      cp -a "$tmp/A" "$out"
    fi
    # (a subshell: strace dies of the tracee's SIGKILL, and its shell would say so)
    (strace -f -o /dev/null -e trace=rename,renameat,renameat2 \
      -e inject=rename,renameat,renameat2:signal=KILL:when="$when" \
      "$bin" analyze "$corpus" --quiet --out "$out" --max-flags 1 >/dev/null 2>"$tmp/err") \
      2>/dev/null
    local rc=$?
    local s
    s=$(state "$out")
    echo "$layout: SIGKILL at rename $when: exit $rc, outputs $s"
    case "$s" in
      A | B) ;;
      *) fail=1 ;;
    esac
    if [ $rc -eq 0 ]; then  # no rename number $when: the run went through
      [ "$s" = B ] || { echo "  completed run does not show the new set"; fail=1; }
      break
    fi
    killed=$((killed + 1))
    [ "$when" -eq 1 ] || continue
    # The next normal run cleans up after the killed one and shows the new set.
    analyze "$out" --max-flags 1
    s=$(state "$out")
    [ "$s" = B ] || { echo "  after a clean re-run: $s"; fail=1; }
    leftovers=$(cd "$out" && ls -A | grep -v -x -e report.json -e report.md -e report.html \
      -e divergences.csv -e claims.graphml -e .gen-current | grep -c '^')
    [ "$leftovers" -le 1 ] || { echo "  leftovers: $(cd "$out" && ls -A | tr '\n' ' ')"; fail=1; }
  done
  [ $killed -ge 1 ] || { echo "$layout: no rename was ever hit"; fail=1; }
}

kill_each_rename legacy
kill_each_rename current
[ $fail -eq 0 ] && echo "PASS: every SIGKILL left the old set or the new one"
exit $fail
