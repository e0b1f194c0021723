#!/usr/bin/env bash
# `oner lsp` in a real client: neovim's built-in LSP client, headless. For each broken copy of
# the study scene: open it, wait for the diagnostic, ask for the code actions at it, apply
# the first, save, and check the file with `oner check`: it must now be clean.
# Run by .ci/e2e with ONER (the binary) and WORK (scratch) set, from the repository root.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"
if ! command -v nvim >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  else
    echo "lsp: neovim is missing and we are not root: cannot install" >&2
    exit 1
  fi
fi
oner=$(realpath "$ONER")
dir="$WORK/lsp"
mkdir -p "$dir"

cat > "$dir/client.lua" <<'LUA'
-- Drives oner lsp the way a user's neovim does: start_client + buf_attach_client (neovim
-- 0.7 and later), diagnostics from vim.diagnostic, the code action through the client.
local log = assert(io.open(vim.env.LOG, 'w'))
local function say(text) log:write(text .. '\n'); log:flush() end
local function fail(text) say('FAIL: ' .. text); log:close(); vim.cmd('cquit 1') end

vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.SCENE))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'oner',
  cmd = { vim.env.ONER_BIN, 'lsp' },
  root_dir = vim.fn.fnamemodify(vim.env.SCENE, ':p:h'),
})
if not id then return fail('the client did not start') end
vim.lsp.buf_attach_client(buf, id)

local function with_code(code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then return d end
  end
end
local started = vim.loop.hrtime()
if not vim.wait(30000, function() return with_code(vim.env.CODE) ~= nil end, 10) then
  return fail('no ' .. vim.env.CODE .. ' diagnostic arrived')
end
local d = with_code(vim.env.CODE)
say(string.format('diagnostic %s on line %d after %.0f ms: %s', d.code, d.lnum + 1,
  (vim.loop.hrtime() - started) / 1e6, d.message:gsub('\n.*', '')))

local client = vim.lsp.get_client_by_id(id)
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = d.lnum, character = d.col },
            ['end'] = { line = d.end_lnum, character = d.end_col } },
  context = { diagnostics = {} },
}
local answer = client.request_sync('textDocument/codeAction', params, 10000, buf)
if not answer or answer.err or not answer.result or #answer.result == 0 then
  return fail('no code action')
end
local action = answer.result[1]
say('applying: ' .. action.title)
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
vim.cmd('write')
local clean = vim.wait(30000, function()
  return #vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR }) == 0
end, 10)
if not clean then return fail('errors remain after the fix') end
say('no errors left in the editor')
log:close()
client.stop()
vim.cmd('qall!')
LUA

run() { # NAME CODE: the broken scene $dir/NAME.ron must show CODE and be fixed by its action
  local name=$1 code=$2
  if ! SCENE="$dir/$name.ron" CODE="$code" ONER_BIN="$oner" LOG="$dir/$name.log" \
      timeout 120 nvim --headless --clean -c "luafile $dir/client.lua" >/dev/null 2>&1; then
    cat "$dir/$name.log" >&2 || true
    echo "lsp: neovim run for $name failed" >&2
    exit 1
  fi
  sed "s/^/lsp: $name: /" "$dir/$name.log"
  "$ONER" check "$dir/$name.ron" >/dev/null 2>&1 || {
    "$ONER" check "$dir/$name.ron" >&2 || true
    echo "lsp: $name does not check clean after the code action" >&2
    exit 1
  }
}

# A misspelt mark: S003 with "did you mean".
sed 's/to: "k-fridge", arrive: "0:25"/to: "k-fridg", arrive: "0:25"/' scenes/we-cry-together.ron > "$dir/misspelt.ron"
grep -q '"k-fridg"' "$dir/misspelt.ron"
run misspelt S003

# A walk through the front door with the Door(… Open …) entry removed: M002.
grep -v 'do: Door(door: "front-door", action: Open, by: "her")' scenes/we-cry-together.ron > "$dir/closed-door.ron"
run closed-door M002

# An arrival too soon for the distance: M005.
sed 's/to: "l-chase", arrive: "1:16"/to: "l-chase", arrive: "1:14.2"/' scenes/we-cry-together.ron > "$dir/too-fast.ron"
grep -q '"1:14.2"' "$dir/too-fast.ron"
run too-fast M005
echo "lsp: neovim's client got each diagnostic and each code action fixed its scene"
