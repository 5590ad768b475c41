-- Used by the tests (cmd/apierrlint TestNeovim): waits for the diagnostics
-- of the current buffer, prints them as LINE:COL CODE MESSAGE, and quits.
local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 100)
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(string.format("%d:%d %s %s\n", d.lnum + 1, d.col + 1, tostring(d.code), d.message))
end
io.stdout:write(ok and "done\n" or "timeout\n")
vim.cmd('qa!')
