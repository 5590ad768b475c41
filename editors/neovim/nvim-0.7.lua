-- Neovim 0.7: no vim.fs, no vim.lsp.start, no vim.lsp.config.
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'go',
  callback = function(args)
    local gomod = vim.fn.findfile('go.mod', vim.fn.expand('%:p:h') .. ';')
    local root = gomod ~= '' and vim.fn.fnamemodify(gomod, ':p:h') or vim.fn.getcwd()
    _G.apierrlint_clients = _G.apierrlint_clients or {}
    local id = _G.apierrlint_clients[root]
    if not id then
      id = vim.lsp.start_client({
        name = 'apierrlint',
        cmd = { 'apierrlint', 'lsp' },  -- add flags here: '-catalog=/abs/path/errors.md'
        root_dir = root,
      })
      _G.apierrlint_clients[root] = id
    end
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})
