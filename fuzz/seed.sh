#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds: the bundled scenes and every test fixture for the
# scene targets (check, render), and the hand-written seeds in fuzz/seeds/<target>/.
# The corpus folders are not committed (the fuzzer grows them); run this before fuzzing.
set -euo pipefail
cd "$(dirname "$0")"
root=..

copy_scenes() {
    local target=$1
    mkdir -p "corpus/$target"
    # Name each seed by its path so fixtures with the same file name do not collide.
    while IFS= read -r -d '' file; do
        local name=${file#"$root"/}
        cp "$file" "corpus/$target/${name//\//_}"
    done < <(find "$root/scenes" "$root/tests/fixtures" -name '*.ron' -print0)
    if [[ -d seeds/scene ]]; then
        cp seeds/scene/* "corpus/$target/"
    fi
}

copy_scenes check
copy_scenes render
mkdir -p corpus/time
cp seeds/time/* corpus/time/
for target in check render time; do
    echo "corpus/$target: $(find "corpus/$target" -type f | wc -l) seeds"
done
