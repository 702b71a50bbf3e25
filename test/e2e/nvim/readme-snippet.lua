-- Checks README's Neovim snippet, which test/e2e/run-nvim.mjs has just run with :luafile as it stands in README.md:
-- opening YAML files must start the steward server through it, attach their buffers and bring its diagnostics.
--
-- Run as
--   STEWARD_NVIM_JOB=/tmp/job.json nvim --headless --clean -u NONE -n -i NONE \
--     -c "luafile /tmp/snippet.lua" -c "luafile test/e2e/nvim/readme-snippet.lua"
-- The job file (JSON) says what to do:
--   open       { file, codes, contains } per file (absolute), opened one after the other with :edit; the wait for
--              each ends when the buffer is attached to a running server and its diagnostics have exactly these rule
--              ids, each message holding `contains` (optional): the server answers an open before it has read the
--              settings and the workspace, then again; and it publishes files on disk to any buffer, attached or not
--   output     where to write what was seen (JSON)
--   timeoutMs  deadline of each wait
-- This script only records; the runner judges. Exit code: 0 when every wait ended in time, 3 otherwise.

local out = { files = {}, clients = {}, errors = {} }
local job

local function fail(message)
  table.insert(out.errors, message)
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL
end

--- Whether the buffer is attached to a running (initialized) client, and its diagnostics are the ones awaited: these
--- rule ids (in any order), each message holding `contains`.
local function settled(bufnr, wanted)
  if next(vim.lsp.buf_get_clients(bufnr)) == nil then return false end
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if wanted.contains and not d.message:find(wanted.contains, 1, true) then return false end
    table.insert(codes, code_of(d))
  end
  table.sort(codes)
  local expected = vim.deepcopy(wanted.codes)
  table.sort(expected)
  return vim.deep_equal(codes, expected)
end

local function client_summary(client)
  return { id = client.id, name = client.name, root_dir = client.config.root_dir or vim.NIL, cmd = client.config.cmd }
end

local function main()
  local handle = assert(io.open(assert(os.getenv('STEWARD_NVIM_JOB'), 'STEWARD_NVIM_JOB is not set'), 'r'))
  job = vim.json.decode(handle:read('*a'))
  handle:close()
  -- A user's Neovim detects file types; -u NONE does not until told, and the snippet hangs on FileType.
  vim.cmd('filetype on')

  for _, wanted in ipairs(job.open) do
    vim.cmd('edit ' .. vim.fn.fnameescape(wanted.file))
    local bufnr = vim.api.nvim_get_current_buf()
    local entry = { file = wanted.file, filetype = vim.bo[bufnr].filetype, clients = {}, diagnostics = {} }
    table.insert(out.files, entry)
    if not vim.wait(job.timeoutMs, function() return settled(bufnr, wanted) end, 10) then
      fail('timed out after ' .. job.timeoutMs .. ' ms waiting for ' .. table.concat(wanted.codes, ', ') .. ' in ' .. wanted.file)
    end
    for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
      table.insert(entry.clients, client_summary(client))
    end
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(entry.diagnostics, { code = code_of(d), lnum = d.lnum, col = d.col, severity = d.severity, message = d.message })
    end
  end

  -- Every client Neovim runs now (the snippet should have started one for the one project).
  local ids = {}
  for _, client in pairs(vim.lsp.get_active_clients()) do
    table.insert(out.clients, client_summary(client))
    table.insert(ids, client.id)
  end
  vim.lsp.stop_client(ids) -- shutdown + exit
  local stopped = vim.wait(5000, function()
    for _, id in ipairs(ids) do
      if not vim.lsp.client_is_stopped(id) then return false end
    end
    return true
  end, 10)
  if not stopped then fail('the server did not stop within 5000 ms after shutdown') end
end

local ok, err = pcall(main)
if not ok then fail('readme-snippet.lua failed: ' .. tostring(err)) end
local written, werr = pcall(function()
  local file = assert(io.open(job.output, 'w'))
  file:write(vim.json.encode(out))
  file:close()
end)
if not written then io.stderr:write('readme-snippet.lua: cannot write the result: ' .. tostring(werr) .. '\n') end
vim.cmd((written and #out.errors == 0) and 'qall!' or 'cquit 3')
