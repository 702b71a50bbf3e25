-- An independent LSP client: headless Neovim (0.7+) drives the bundled steward language server over stdio.
--
-- Run by test/e2e/run-nvim.mjs as
--   STEWARD_NVIM_JOB=/tmp/job.json nvim --headless --clean -u NONE -n -i NONE -c "luafile test/e2e/nvim/client.lua"
-- The job file (JSON) says what to do:
--   server      the command that starts the server, e.g. { "node", "/abs/dist/server.js", "--stdio" }
--   root        the workspace folder (absolute)
--   settings    the `steward` settings answered to workspace/configuration
--   open        files (absolute) to open in buffers, one after the other
--   completions { file, line, col } requests: the cursor is put at (line 0-based, col in bytes) of the file's buffer
--   output      where to write the result (JSON)
--   timeoutMs   deadline of each wait
-- This script only records what the server answered; the runner judges it. Exit code: 0 when every wait ended in
-- time, 2 when one timed out, 3 when the script itself failed. The result file is written in every case.

local job_path = os.getenv('STEWARD_NVIM_JOB')
local out = {
  nvim = nil,
  serverInfo = vim.NIL,
  configurationRequests = 0,
  progress = {},
  published = {},   -- every textDocument/publishDiagnostics, in arrival order, each with its sequence number
  opened = {},      -- per opened file: uri, sequence number at didOpen, and what the editor itself holds afterwards
  completions = {},
  errors = {},
}
local seq = 0
local job

local function write_output()
  local path = job and job.output or (os.getenv('STEWARD_NVIM_JOB') or 'steward-nvim') .. '.out.json'
  local file = assert(io.open(path, 'w'))
  file:write(vim.json.encode(out))
  file:close()
end

local function fail(message)
  table.insert(out.errors, message)
end

--- Waits (running the event loop) until `predicate` holds; records a timeout as an error.
local function wait_for(what, predicate)
  local ok = vim.wait(job.timeoutMs, predicate, 10)
  if not ok then fail('timed out after ' .. job.timeoutMs .. ' ms waiting for ' .. what) end
  return ok
end

local function main()
  local handle = assert(io.open(assert(job_path, 'STEWARD_NVIM_JOB is not set'), 'r'))
  job = vim.json.decode(handle:read('*a'))
  handle:close()
  local v = vim.version()
  out.nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch)

  local initialized = false
  local handlers = {
    -- Answer each configuration item with the job's settings (the server asks for the `steward` section).
    ['workspace/configuration'] = function(_, params)
      out.configurationRequests = out.configurationRequests + 1
      local answer = {}
      for i = 1, #(params.items or {}) do
        answer[i] = next(job.settings or {}) and job.settings or vim.empty_dict()
      end
      return answer
    end,
    ['client/registerCapability'] = function() return vim.NIL end,
    ['$/progress'] = function(err, params, ctx, config)
      if params and params.value then table.insert(out.progress, params.value.kind) end
      return vim.lsp.handlers['$/progress'](err, params, ctx, config)
    end,
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      seq = seq + 1
      table.insert(out.published, {
        seq = seq,
        uri = params.uri,
        version = params.version,
        diagnostics = params.diagnostics or {},
      })
      -- Let Neovim's own handler take them too, so the runner can compare what the editor holds.
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, params, ctx, config)
    end,
    ['steward/status'] = function() end,
    ['window/logMessage'] = function() end,
  }

  local client_id = vim.lsp.start_client({
    name = 'steward',
    cmd = job.server,
    root_dir = job.root,
    workspace_folders = { { uri = vim.uri_from_fname(job.root), name = vim.fn.fnamemodify(job.root, ':t') } },
    handlers = handlers,
    -- Neovim 0.7 answers workspace/configuration but does not advertise it; say so, so that the server asks.
    capabilities = vim.tbl_deep_extend('force', vim.lsp.protocol.make_client_capabilities(), {
      workspace = { configuration = true },
      textDocument = { publishDiagnostics = { versionSupport = true } },
    }),
    on_init = function(_, result)
      out.serverInfo = result.serverInfo or vim.NIL
      initialized = true
    end,
    on_exit = function(code, signal) out.serverExit = { code = code, signal = signal } end,
  })
  if not client_id then
    fail('vim.lsp.start_client did not start ' .. table.concat(job.server, ' '))
    return
  end
  if not wait_for('the initialize answer', function() return initialized end) then return end
  -- The server indexes the workspace after `initialized` (asking for the configuration first) and then publishes
  -- the diagnostics of every steward file on disk; opening files after that makes each answer deterministic.
  if not wait_for('the end of workspace indexing ($/progress end)', function()
    return vim.tbl_contains(out.progress, 'end')
  end) then return end

  local buffers = {}
  for _, file in ipairs(job.open) do
    local bufnr = vim.fn.bufadd(file)
    vim.fn.bufload(bufnr)
    vim.bo[bufnr].filetype = 'yaml'
    local uri = vim.uri_from_bufnr(bufnr)
    local opened_at = seq
    buffers[file] = bufnr
    vim.lsp.buf_attach_client(bufnr, client_id) -- sends textDocument/didOpen
    local entry = { file = file, uri = uri, openedAfterSeq = opened_at }
    table.insert(out.opened, entry)
    -- The answer to this didOpen: diagnostics for the uri carrying a document version (files the server only read
    -- from disk are published without one).
    local answered = wait_for('diagnostics for ' .. uri .. ' after opening it', function()
      for _, p in ipairs(out.published) do
        if p.uri == uri and p.seq > opened_at and p.version ~= nil then
          entry.answerSeq = p.seq
          return true
        end
      end
      return false
    end)
    if answered then
      -- What Neovim itself now shows for the buffer (vim.diagnostic: 0-based lnum/col).
      local shown = {}
      for _, d in ipairs(vim.diagnostic.get(bufnr)) do
        table.insert(shown, { code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL, lnum = d.lnum, col = d.col, severity = d.severity })
      end
      entry.shown = shown
    end
  end

  for _, request in ipairs(job.completions or {}) do
    local bufnr = buffers[request.file]
    if not bufnr then
      fail('completion asked in a file that was not opened: ' .. request.file)
    else
      vim.api.nvim_set_current_buf(bufnr)
      vim.api.nvim_win_set_cursor(0, { request.line + 1, request.col })
      local params = vim.lsp.util.make_position_params()
      local response, err = vim.lsp.get_client_by_id(client_id).request_sync('textDocument/completion', params, job.timeoutMs, bufnr)
      local entry = { file = request.file, position = params.position, lineText = vim.api.nvim_buf_get_lines(bufnr, request.line, request.line + 1, false)[1] }
      if not response then
        fail('textDocument/completion: ' .. tostring(err))
      elseif response.err then
        fail('textDocument/completion answered an error: ' .. vim.inspect(response.err))
      else
        local result = response.result or {}
        local items = result.items or result
        entry.isIncomplete = result.isIncomplete or false
        entry.items = {}
        for _, item in ipairs(items) do
          table.insert(entry.items, { label = item.label, detail = item.detail or vim.NIL, kind = item.kind or vim.NIL })
        end
      end
      table.insert(out.completions, entry)
    end
  end

  vim.lsp.stop_client(client_id) -- shutdown + exit
  if not vim.wait(3000, function() return vim.lsp.client_is_stopped(client_id) end, 10) then
    fail('the server did not stop within 3000 ms after shutdown')
  end
end

local ok, err = pcall(main)
if not ok then fail('client.lua failed: ' .. tostring(err)) end
local written, werr = pcall(write_output)
if not written then
  io.stderr:write('client.lua: cannot write the result: ' .. tostring(werr) .. '\n')
  vim.cmd('cquit 3')
end
if not ok then vim.cmd('cquit 3') end
for _, message in ipairs(out.errors) do
  if message:find('^timed out') then vim.cmd('cquit 2') end
end
vim.cmd(#out.errors > 0 and 'cquit 3' or 'qall!')
