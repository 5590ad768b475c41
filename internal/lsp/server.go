package lsp

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"go/build"
	"go/types"
	"hash/maphash"
	"log"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/go/analysis"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/driver"
)

// DocsBase is where the rule pages live; a diagnostic links DocsBase +
// <rule-id>.md.
const DocsBase = "https://github.com/apierrlint/apierrlint/blob/main/docs/rules/"

type serverState int

const (
	stateNew serverState = iota
	stateInitialized
	stateShutdown
)

type server struct {
	protocol.UnimplementedServer

	analyzer *analysis.Analyzer // from the flags alone, for a session without a configuration file
	cfg      *analyzer.Config   // the flags'
	flagsSet map[string]bool    // the flags given: they override .apierrlint.yml
	sizes    types.Sizes
	debounce time.Duration
	parallel int
	log      *log.Logger
	verbose  bool
	seed     maphash.Seed

	client  protocol.Client
	handler jsonrpc2.Handler
	exit    chan struct{}

	mu         sync.Mutex
	state      serverState
	shutdown   bool // a shutdown request was answered
	exitOnce   sync.Once
	docs       map[string]*document // open documents, by file name
	sessions   map[string]*session  // by module root
	results    map[string]fileResult
	resultsCh  chan struct{} // closed and replaced whenever results change
	watchFiles bool          // the client can watch files for us
	literalCA  bool          // the client supports code action literals
}

type document struct {
	path    string
	uri     uri.URI
	version int32
	text    string
	hash    uint64
	sess    *session
}

// docSnap is a document as a run sees it.
type docSnap struct {
	version int32
	text    string
	hash    uint64
}

// fileResult is what was last published for a file, for code actions.
type fileResult struct {
	version int32 // the document version analyzed; -1 for a file that is not open
	diags   []*diagRecord
}

func newServer(a *analysis.Analyzer, cfg *analyzer.Config, flagsSet map[string]bool, debounce time.Duration, logger *log.Logger, verbose bool) *server {
	s := &server{
		analyzer:  a,
		cfg:       cfg,
		flagsSet:  flagsSet,
		debounce:  debounce,
		parallel:  runtime.GOMAXPROCS(0),
		sizes:     types.SizesFor("gc", build.Default.GOARCH),
		log:       logger,
		verbose:   verbose,
		seed:      maphash.MakeSeed(),
		exit:      make(chan struct{}),
		docs:      map[string]*document{},
		sessions:  map[string]*session{},
		results:   map[string]fileResult{},
		resultsCh: make(chan struct{}),
	}
	s.handler = protocol.CancelHandler(protocol.ServerHandler(s, jsonrpc2.MethodNotFoundHandler))
	return s
}

func (s *server) logf(format string, args ...any) { s.log.Printf(format, args...) }

func (s *server) debugf(format string, args ...any) {
	if s.verbose {
		s.log.Printf(format, args...)
	}
}

func (s *server) hashBytes(b []byte) uint64  { return maphash.Bytes(s.seed, b) }
func (s *server) hashString(t string) uint64 { return maphash.String(s.seed, t) }

// handle enforces the LSP lifecycle around the protocol package's dispatcher
// and keeps one bad message from ending the connection: a notification's
// error is logged (jsonrpc2 would close the connection), and a request whose
// parameters do not decode gets an InvalidParams error.
//
// Handlers run on the read loop, in the order the messages arrive (the
// document notifications must not be reordered); the only request that
// waits, codeAction, releases the loop itself.
func (s *server) handle(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	method := req.Method()
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case method == protocol.MethodExit:
	case state == stateNew && method != protocol.MethodInitialize:
		if req.IsCall() {
			return nil, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized")
		}
		return nil, nil
	case state != stateNew && method == protocol.MethodInitialize:
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is already initialized")
	case state == stateShutdown:
		if req.IsCall() {
			return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shutting down")
		}
		return nil, nil
	}
	res, err := s.handler(requestContext{Context: jsonrpc2.DetachContext(ctx), req: ctx}, req)
	if !req.IsCall() {
		if err != nil {
			s.logf("%s: %v", method, err)
		}
		return nil, nil
	}
	if err != nil && errors.Is(err, jsonrpc2.ErrParse) {
		err = jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("%s: invalid params: %v", method, err))
	}
	return res, err
}

// requestContext is the context handed to the protocol handlers. jsonrpc2
// v1.0.1 pools its per-request context and recycles it when the handler
// returns, but context.WithCancel on it (which jsonrpc2.CancelHandler does
// for every call) starts a goroutine that may call its Done method after
// the recycling, which panics. So cancellation and deadlines come from the
// connection's context (plus CancelHandler's own cancel), and only value
// lookups, which jsonrpc2.Async needs while the handler runs, go to the
// request's context.
type requestContext struct {
	context.Context
	req context.Context
}

func (c requestContext) Value(key any) any { return c.req.Value(key) }

func (s *server) Initialize(ctx context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	caps := params.Capabilities
	s.mu.Lock()
	s.state = stateInitialized
	if w := caps.Workspace; w != nil && w.DidChangeWatchedFiles != nil && w.DidChangeWatchedFiles.DynamicRegistration != nil {
		s.watchFiles = *w.DidChangeWatchedFiles.DynamicRegistration
	}
	if td := caps.TextDocument; td != nil && td.CodeAction != nil && len(td.CodeAction.CodeActionLiteralSupport.CodeActionKind.ValueSet) > 0 {
		s.literalCA = true
	}
	literal := s.literalCA
	s.mu.Unlock()

	incremental := protocol.TextDocumentSyncKindIncremental
	yes := true
	var codeActions protocol.CodeActionProvider = protocol.Boolean(true)
	if literal {
		codeActions = &protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}}
	}
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: protocol.PositionEncodingKindUTF16,
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: &yes,
				Change:    &incremental,
				Save:      protocol.Boolean(true),
			},
			CodeActionProvider: codeActions,
		},
		ServerInfo: protocol.ServerInfo{Name: "apierrlint"},
	}, nil
}

func (s *server) Initialized(ctx context.Context, params *protocol.InitializedParams) error {
	s.mu.Lock()
	watch := s.watchFiles
	s.mu.Unlock()
	if !watch {
		return nil
	}
	// Ask the client to tell us about Go files created or deleted and go.mod
	// edits made outside the editor. This is a request to the client: it must
	// not wait on the read loop.
	go func() {
		opts, err := protocol.Marshal(&protocol.DidChangeWatchedFilesRegistrationOptions{
			Watchers: []protocol.FileSystemWatcher{
				{GlobPattern: protocol.Pattern("**/*.go")},
				{GlobPattern: protocol.Pattern("**/go.{mod,sum,work}")},
				// The configuration and the catalogs it may name: a change
				// schedules a run, which reloads them if they changed.
				{GlobPattern: protocol.Pattern("**/.apierrlint.{yml,yaml}")},
				{GlobPattern: protocol.Pattern("**/*.{md,markdown,json,yaml,yml}")},
			},
		})
		if err != nil {
			s.logf("registering file watchers: %v", err)
			return
		}
		err = s.client.RegisterCapability(context.Background(), &protocol.RegistrationParams{
			Registrations: []protocol.Registration{{
				ID:              "apierrlint-watch",
				Method:          protocol.MethodWorkspaceDidChangeWatchedFiles,
				RegisterOptions: opts,
			}},
		})
		if err != nil {
			s.debugf("registering file watchers: %v", err)
		}
	}()
	return nil
}

func (s *server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.state = stateShutdown
	s.shutdown = true
	sessions := s.sessions
	s.sessions = map[string]*session{}
	s.mu.Unlock()
	for _, sess := range sessions {
		sess.stop()
	}
	return nil
}

func (s *server) Exit(ctx context.Context) error {
	s.exitOnce.Do(func() { close(s.exit) })
	return nil
}

// fileOf returns the file name of a file: URI.
func fileOf(u uri.URI) (string, bool) {
	if !u.IsFile() {
		return "", false
	}
	return filepath.Clean(u.FsPath()), true
}

// uriFor returns the URI of a file: the one the client used if the file is
// open, so that the client recognizes it.
func (s *server) uriFor(path string) uri.URI {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[path]; d != nil {
		return d.uri
	}
	return uri.File(path)
}

// sessionFor returns the session of the module that contains path, creating
// it. The caller holds s.mu.
func (s *server) sessionFor(path string) *session {
	root := cmp.Or(driver.ModuleRoot(filepath.Dir(path)), filepath.Dir(path))
	sess := s.sessions[root]
	if sess == nil {
		sess = newSession(s, root)
		s.sessions[root] = sess
	}
	return sess
}

func (s *server) DidOpen(ctx context.Context, params *protocol.DidOpenTextDocumentParams) error {
	path, ok := fileOf(params.TextDocument.URI)
	if !ok || !strings.HasSuffix(path, ".go") {
		return nil
	}
	s.mu.Lock()
	d := &document{
		path:    path,
		uri:     params.TextDocument.URI,
		version: params.TextDocument.Version,
		text:    params.TextDocument.Text,
		hash:    s.hashString(params.TextDocument.Text),
	}
	d.sess = s.sessionFor(path)
	s.docs[path] = d
	s.mu.Unlock()
	d.sess.cancelRun()
	d.sess.schedule(s.debounce)
	return nil
}

func (s *server) DidChange(ctx context.Context, params *protocol.DidChangeTextDocumentParams) error {
	path, ok := fileOf(params.TextDocument.URI)
	if !ok {
		return nil
	}
	s.mu.Lock()
	d := s.docs[path]
	if d == nil {
		s.mu.Unlock()
		return fmt.Errorf("didChange for %s, which is not open", params.TextDocument.URI)
	}
	text, err := applyChanges(d.text, params.ContentChanges)
	if err != nil {
		s.mu.Unlock()
		return fmt.Errorf("didChange for %s: %v", params.TextDocument.URI, err)
	}
	d.text = text
	d.version = params.TextDocument.Version
	d.hash = s.hashString(text)
	sess := d.sess
	s.mu.Unlock()
	sess.cancelRun()
	sess.schedule(s.debounce)
	return nil
}

func (s *server) DidSave(ctx context.Context, params *protocol.DidSaveTextDocumentParams) error {
	path, ok := fileOf(params.TextDocument.URI)
	if !ok {
		return nil
	}
	s.mu.Lock()
	d := s.docs[path]
	s.mu.Unlock()
	if d != nil {
		d.sess.schedule(s.debounce) // files on disk changed: cheap if nothing else did
	}
	return nil
}

func (s *server) DidClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) error {
	path, ok := fileOf(params.TextDocument.URI)
	if !ok {
		return nil
	}
	s.mu.Lock()
	d := s.docs[path]
	delete(s.docs, path)
	s.mu.Unlock()
	if d != nil {
		d.sess.cancelRun()
		d.sess.schedule(s.debounce)
	}
	return nil
}

func (s *server) DidChangeWatchedFiles(ctx context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ev := range params.Changes {
		path, ok := fileOf(ev.URI)
		if !ok {
			continue
		}
		for root, sess := range s.sessions {
			if path != root && !strings.HasPrefix(path, root+string(filepath.Separator)) {
				continue
			}
			if strings.HasSuffix(path, ".go") && ev.Type != protocol.FileChangeTypeChanged {
				sess.requestMeta() // a file came or went: the package graph may differ
			}
		}
	}
	for _, sess := range s.sessions {
		sess.schedule(s.debounce)
	}
	return nil
}

// snapshot returns the open documents of a session.
func (s *server) snapshot(sess *session) map[string]*docSnap {
	s.mu.Lock()
	defer s.mu.Unlock()
	docs := map[string]*docSnap{}
	for path, d := range s.docs {
		if d.sess == sess {
			docs[path] = &docSnap{version: d.version, text: d.text, hash: d.hash}
		}
	}
	return docs
}

// setResults records what a run found for a file (version -2: forget it).
func (s *server) setResults(path string, version int32, diags []*diagRecord) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if version == -2 {
		delete(s.results, path)
	} else {
		s.results[path] = fileResult{version: version, diags: diags}
	}
	close(s.resultsCh)
	s.resultsCh = make(chan struct{})
}

func (s *server) publish(path string, version int32, diags []*diagRecord) {
	params := &protocol.PublishDiagnosticsParams{URI: s.uriFor(path), Diagnostics: []protocol.Diagnostic{}}
	if version >= 0 {
		params.Version = protocol.NewOptional(version)
	}
	for _, d := range diags {
		params.Diagnostics = append(params.Diagnostics, s.lspDiagnostic(d))
	}
	if err := s.client.PublishDiagnostics(context.Background(), params); err != nil {
		s.debugf("publishDiagnostics: %v", err)
	}
}

func (s *server) lspDiagnostic(d *diagRecord) protocol.Diagnostic {
	diag := protocol.Diagnostic{
		Range:              d.rng,
		Severity:           protocol.DiagnosticSeverityWarning,
		Source:             protocol.NewOptional(analyzer.Name),
		Message:            protocol.String(d.message),
		RelatedInformation: d.related,
	}
	if d.rule != "" {
		diag.Code = protocol.String(d.rule)
		diag.CodeDescription = protocol.CodeDescription{Href: uri.URI(DocsBase + d.rule + ".md")}
	}
	return diag
}

// CodeAction returns the quick fixes of the diagnostics in the requested
// range. It waits (off the read loop) for the analysis of the document's
// current version, so that a request right after an edit gets fixes that
// apply to the text the editor has.
func (s *server) CodeAction(ctx context.Context, params *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	if len(params.Context.Only) > 0 {
		ok := false
		for _, k := range params.Context.Only {
			if k == "" || k == protocol.CodeActionKindQuickFix {
				ok = true
			}
		}
		if !ok {
			return []protocol.CommandOrCodeAction{}, nil
		}
	}
	path, ok := fileOf(params.TextDocument.URI)
	if !ok {
		return []protocol.CommandOrCodeAction{}, nil
	}
	jsonrpc2.Async(ctx)
	timeout := time.NewTimer(60 * time.Second)
	defer timeout.Stop()
	var res fileResult
	for {
		s.mu.Lock()
		d := s.docs[path]
		r, have := s.results[path]
		ch := s.resultsCh
		s.mu.Unlock()
		if d == nil {
			return []protocol.CommandOrCodeAction{}, nil
		}
		if have && r.version == d.version {
			res = r
			break
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, protocol.ErrRequestCancelled
		case <-timeout.C:
			return []protocol.CommandOrCodeAction{}, nil
		}
	}
	actions := []protocol.CommandOrCodeAction{}
	kind := protocol.CodeActionKindQuickFix
	preferred := true
	for _, d := range res.diags {
		if d.fix == nil || !overlaps(d.rng, params.Range) {
			continue
		}
		diag := s.lspDiagnostic(d)
		for _, cd := range params.Context.Diagnostics {
			if code, ok := cd.Code.(protocol.String); ok && cd.Range == d.rng && string(code) == d.rule {
				diag = cd // the client's own copy
				break
			}
		}
		edit := &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{}}
		for file, edits := range d.fix.edits {
			edit.Changes[s.uriFor(file)] = edits
		}
		actions = append(actions, &protocol.CodeAction{
			Title:       d.fix.title,
			Kind:        &kind,
			Diagnostics: []protocol.Diagnostic{diag},
			IsPreferred: &preferred,
			Edit:        edit,
		})
	}
	return actions, nil
}
