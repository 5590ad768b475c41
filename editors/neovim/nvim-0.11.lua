-- Neovim 0.11 and later (vim.lsp.config, vim.lsp.enable).
vim.lsp.config('apierrlint', {
  cmd = { 'apierrlint', 'lsp' },  -- add flags here: '-catalog=/abs/path/errors.md'
  filetypes = { 'go' },
  root_markers = { 'go.work', 'go.mod', '.git' },
})
vim.lsp.enable({ 'gopls', 'apierrlint' })
