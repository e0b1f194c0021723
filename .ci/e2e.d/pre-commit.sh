#!/usr/bin/env bash
# The pre-commit hooks (.pre-commit-hooks.yaml) with the real pre-commit tool, from PyPI,
# on a scratch repository: a clean, formatted scene commits; a broken one and an
# unformatted one are blocked. Run by .ci/e2e
# with ONER (the binary) and WORK (a scratch folder) set, from the repository root.
#
# The hooks are served from a scratch copy of this repository's hook file (pre-commit
# clones hook repositories by commit, and the working tree may differ from HEAD). The
# `*-system` hooks are the ones exercised: `oner-check` and `oner-fmt-check` run the same
# entries after pre-commit builds oner with cargo, a release build of its own that would
# take minutes.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"
root=$PWD

if ! python3 -m venv "$WORK/venv" >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$WORK/venv"
  else
    echo "python3 -m venv fails and not root: cannot install pre-commit" >&2
    exit 1
  fi
fi
"$WORK/venv/bin/pip" install -q pre-commit
export PATH="$WORK/venv/bin:$(cd "$(dirname "$ONER")" && pwd):$PATH"
export PRE_COMMIT_HOME="$WORK/pre-commit-cache"
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.invalid
export GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid

# Both hooks are well-formed, as pre-commit reads them.
pre-commit validate-manifest "$root/.pre-commit-hooks.yaml"

hooks="$WORK/hooks-repo"
mkdir -p "$hooks"
cp "$root/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)

production="$WORK/production"
mkdir -p "$production"
cd "$production"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: oner-check-system
      - id: oner-fmt-check-system
YAML
git add .pre-commit-config.yaml
git commit -q -m "pre-commit config"
pre-commit install >/dev/null

# A clean scene commits; a file that is not a scene is not checked.
oner new first-take 2>/dev/null
echo "notes, not a scene" > notes.txt
git add scenes/first-take.ron notes.txt
git commit -q -m "first take" || { echo "pre-commit blocked a clean scene" >&2; exit 1; }

# A broken scene is blocked, and says why.
oner new second-take 2>/dev/null
sed -i 's/to: "table"/to: "tabel"/' scenes/second-take.ron
git add scenes/second-take.ron
before=$(git rev-parse HEAD)
set +e
git commit -q -m "second take" >"$WORK/pre-commit.out" 2>&1
code=$?
set -e
[ "$code" != 0 ] || { echo "pre-commit let a broken scene be committed" >&2; exit 1; }
[ "$(git rev-parse HEAD)" = "$before" ] || { echo "a commit was made" >&2; exit 1; }
grep -q 'S003' "$WORK/pre-commit.out" || { echo "no diagnostic shown:" >&2; cat "$WORK/pre-commit.out" >&2; exit 1; }

# Fixed, it commits.
sed -i 's/to: "tabel"/to: "table"/' scenes/second-take.ron
git add scenes/second-take.ron
git commit -q -m "second take" || { echo "pre-commit blocked the fixed scene" >&2; exit 1; }
# A scene that checks clean but is not formatted is blocked, with the diff.
oner new third-take 2>/dev/null
sed -i 's/^    title: /    title:   /' scenes/third-take.ron
git add scenes/third-take.ron
before=$(git rev-parse HEAD)
set +e
git commit -q -m "third take" >"$WORK/pre-commit.out" 2>&1
code=$?
set -e
[ "$code" != 0 ] || { echo "pre-commit let an unformatted scene be committed" >&2; exit 1; }
[ "$(git rev-parse HEAD)" = "$before" ] || { echo "a commit was made" >&2; exit 1; }
grep -q '^+    title: "Third take",' "$WORK/pre-commit.out" \
  || { echo "no diff shown:" >&2; cat "$WORK/pre-commit.out" >&2; exit 1; }
oner fmt scenes/third-take.ron 2>/dev/null
git add scenes/third-take.ron
git commit -q -m "third take" || { echo "pre-commit blocked the formatted scene" >&2; exit 1; }
echo "pre-commit: clean scenes commit; a broken one and an unformatted one are blocked"
