-- Neovim 0.8 to 0.10 (vim.fs and vim.lsp.start, no vim.lsp.config).
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'go',
  callback = function(args)
    local found = vim.fs.find({ 'go.work', 'go.mod', '.git' },
      { upward = true, path = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)) })[1]
    vim.lsp.start({
      name = 'apierrlint',
      cmd = { 'apierrlint', 'lsp' },  -- add flags here: '-catalog=/abs/path/errors.md'
      root_dir = found and vim.fs.dirname(found) or vim.fn.getcwd(),
    })
  end,
})
