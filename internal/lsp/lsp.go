// Package lsp implements `apierrlint lsp`, a Language Server that reports
// apierrlint's diagnostics while the user types and offers their suggested
// fixes as quick fixes. It speaks LSP over stdin/stdout (go.lsp.dev/protocol
// types over go.lsp.dev/jsonrpc2) and runs beside gopls.
//
// Unsaved text reaches the analysis as go/packages overlays for the package
// graph and as the parsed content of the edited files. Each module with open
// files gets a session that caches what does not change between edits: the
// package graph, the export data of the standard library and third-party
// dependencies, and the types and facts of the workspace packages; an edit
// re-checks only the edited package and the cached packages that depend on
// it. See session.go.
package lsp

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/config"
	"github.com/apierrlint/apierrlint/internal/driver"
)

// Main runs the language server on stdin/stdout with the given command-line
// arguments (those after "lsp") and returns the process exit code: 0 after
// shutdown and exit, 1 if the connection ended otherwise, 2 for bad flags.
func Main(args []string) int {
	return run(args, os.Stdin, os.Stdout, os.Stderr)
}

const usage = "usage: apierrlint lsp [flags]\n\n" +
	"Runs the apierrlint language server on stdin/stdout (Language Server Protocol).\n" +
	"The analyzer flags are those of apierrlint itself."

// Help prints the usage and the flags of `apierrlint lsp` (for `apierrlint
// help lsp`).
func Help(w io.Writer) {
	run([]string{"-h"}, nil, nil, w)
}

func run(args []string, in io.Reader, out io.Writer, errw io.Writer) int {
	a, cfg := analyzer.NewWithFlags()
	fs := driver.FlagSet(a)
	debounce := fs.Duration("debounce", 100*time.Millisecond, "how long to wait after an edit before analyzing")
	verbose := fs.Bool("v", false, "log what each analysis run loads and checks, with timings (on stderr)")
	logFile := fs.String("logfile", "", "write the log to this file instead of stderr")
	if err := fs.Parse(args); err != nil {
		if driver.IsHelp(err) {
			// On stderr: stdout is the protocol's channel.
			driver.PrintUsage(errw, fs, usage)
			return 0
		}
		io.WriteString(errw, driver.UsageError(fs, err, "apierrlint lsp"))
		return 2
	}
	// The flags' catalog and baseline now; .apierrlint.yml is each session's, found from
	// its module root and read again when it or its catalog changes. One
	// broken where the server starts is reported at once.
	if err := cfg.LoadCatalog(""); err != nil {
		io.WriteString(errw, driver.ErrorText(err.Error(), "apierrlint lsp"))
		return 2
	}
	if err := cfg.LoadBaseline(""); err != nil {
		io.WriteString(errw, driver.ErrorText(err.Error(), "apierrlint lsp"))
		return 2
	}
	if path, err := config.Find(""); err != nil || path != "" {
		if err == nil {
			_, err = config.Load(driver.ShortPath(path))
		}
		if err != nil {
			io.WriteString(errw, driver.ErrorText(err.Error(), "apierrlint lsp"))
			return 2
		}
	}
	flagsSet := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { flagsSet[f.Name] = true })
	if fs.NArg() > 0 {
		fmt.Fprintf(errw, "apierrlint lsp: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintf(errw, "apierrlint lsp: %v\n", err)
			return 2
		}
		defer f.Close()
		errw = f
	}
	logger := log.New(errw, "apierrlint lsp: ", log.Ltime|log.Lmicroseconds)

	srv := newServer(a, cfg, flagsSet, *debounce, logger, *verbose)
	stream := tolerantStream{Stream: jsonrpc2.NewStream(stdio{in, out}), log: logger}
	conn := jsonrpc2.NewConn(stream, jsonrpc2.WithCodec(codec{}))
	srv.client = protocol.ClientDispatcher(conn)
	conn.Go(context.Background(), srv.handle)

	select {
	case <-srv.exit:
	case <-conn.Done():
		if err := conn.Err(); err != nil && err != io.EOF {
			logger.Printf("connection: %v", err)
		}
	}
	srv.mu.Lock()
	shutdown := srv.shutdown
	sessions := srv.sessions
	srv.sessions = nil
	srv.mu.Unlock()
	for _, sess := range sessions {
		sess.stop()
	}
	// No conn.Close: it would wait for the read loop, blocked reading stdin
	// until the client closes it; the process is about to exit anyway.
	if shutdown {
		return 0
	}
	return 1
}

// stdio joins stdin and stdout into the connection the stream needs.
type stdio struct {
	io.Reader
	io.Writer
}

func (s stdio) Close() error {
	var err error
	if c, ok := s.Reader.(io.Closer); ok {
		err = c.Close()
	}
	if c, ok := s.Writer.(io.Closer); ok {
		if e := c.Close(); err == nil {
			err = e
		}
	}
	return err
}
