#!/usr/bin/env bash
# Runs a command and checks its exit code and that its output (stdout+stderr) matches a pattern.
# Usage: expect_run.sh EXIT_CODE OUTPUT_REGEX [--png FILE] -- COMMAND [ARGS...]
#   --png FILE  also require FILE to exist afterwards and start with the PNG signature
set -u
expected_code=$1 pattern=$2
shift 2
png=""
if [ "${1:-}" = "--png" ]; then png=$2; shift 2; rm -f "$png"; fi
[ "${1:-}" = "--" ] && shift

output=$("$@" 2>&1)
code=$?
printf '%s\n' "$output"
fail=0
if [ "$code" -ne "$expected_code" ]; then
  echo "expect_run: exit code $code, expected $expected_code" >&2; fail=1
fi
# Lines are joined with spaces so one pattern can span the output's lines.
if ! printf '%s' "$output" | tr '\n' ' ' | grep -Eq -- "$pattern"; then
  echo "expect_run: output does not match /$pattern/" >&2; fail=1
fi
if [ -n "$png" ]; then
  if [ "$(head -c 8 "$png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    echo "expect_run: $png is missing or not a PNG" >&2; fail=1
  fi
fi
exit $fail
