package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// lspClient drives `apierrlint lsp` over its stdin and stdout, as an editor
// does: Content-Length framed JSON-RPC, written by hand here so that the
// test does not share code with the server.
type lspClient struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr *syncBuffer
	exited chan error

	writeMu     sync.Mutex
	nullReplies chan rpcMessage

	mu       sync.Mutex
	cond     *sync.Cond
	nextID   int
	pending  map[int]chan rpcMessage
	diags    map[string]publishedDiags // by URI: the latest
	diagLog  []publishedDiags          // every publication, in order
	closed   bool
	requests []string // methods of the requests the server sent us

	settings map[string]any // the answer to workspace/configuration
	slow     bool           // wait 10 minutes for diagnostics, not 90 s (benchmarks on cold caches)
}

type rpcMessage struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *rpcError       `json:"error,omitempty"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

type lspPosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start lspPosition `json:"start"`
	End   lspPosition `json:"end"`
}

type lspDiagnostic struct {
	Range           lspRange `json:"range"`
	Severity        int      `json:"severity"`
	Code            string   `json:"code"`
	CodeDescription struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
	Source  string `json:"source"`
	Message string `json:"message"`
}

type publishedDiags struct {
	URI         string          `json:"uri"`
	Version     *int            `json:"version"`
	Diagnostics []lspDiagnostic `json:"diagnostics"`
	at          time.Time
}

type textEdit struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}

type codeAction struct {
	Title       string          `json:"title"`
	Kind        string          `json:"kind"`
	Diagnostics []lspDiagnostic `json:"diagnostics"`
	IsPreferred bool            `json:"isPreferred"`
	Edit        struct {
		Changes         map[string][]textEdit `json:"changes"`
		DocumentChanges []struct {            // gopls's form
			TextDocument struct {
				URI string `json:"uri"`
			} `json:"textDocument"`
			Edits []textEdit `json:"edits"`
		} `json:"documentChanges"`
	} `json:"edit"`
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

var (
	raceBinOnce sync.Once
	raceBin     string
	raceBinErr  error
)

// lspServer returns the binary to run as the language server: under -race,
// one built with -race (next to bin, which TestMain removes), so that the
// server's concurrency is checked too.
func lspServer(t *testing.T) string {
	if !lspRace {
		return bin
	}
	raceBinOnce.Do(func() {
		raceBin = filepath.Join(filepath.Dir(bin), "apierrlint-race")
		out, err := exec.Command("go", "build", "-race", "-o", raceBin, ".").CombinedOutput()
		if err != nil {
			raceBinErr = fmt.Errorf("go build -race: %v\n%s", err, out)
		}
	})
	if raceBinErr != nil {
		t.Fatal(raceBinErr)
	}
	return raceBin
}

// startLSP starts `apierrlint lsp args...` in dir and initializes it.
func startLSP(t *testing.T, dir string, args ...string) *lspClient {
	t.Helper()
	cmd := exec.Command(lspServer(t), append([]string{"lsp"}, args...)...)
	cmd.Dir = dir
	c := startServer(t, cmd, nil)
	var res struct {
		Capabilities struct {
			PositionEncoding string `json:"positionEncoding"`
			TextDocumentSync struct {
				Change int `json:"change"`
			} `json:"textDocumentSync"`
			CodeActionProvider struct {
				CodeActionKinds []string `json:"codeActionKinds"`
			} `json:"codeActionProvider"`
		} `json:"capabilities"`
		ServerInfo struct {
			Name string `json:"name"`
		} `json:"serverInfo"`
	}
	c.mustCall("initialize", map[string]any{
		"processId": nil,
		"rootUri":   fileURI(dir),
		"capabilities": map[string]any{
			"textDocument": map[string]any{
				"publishDiagnostics": map[string]any{"versionSupport": true, "codeDescriptionSupport": true},
				"codeAction": map[string]any{
					"codeActionLiteralSupport": map[string]any{"codeActionKind": map[string]any{"valueSet": []string{"quickfix"}}},
				},
			},
			"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}},
			"general":   map[string]any{"positionEncodings": []string{"utf-16"}},
		},
	}, &res)
	if res.Capabilities.PositionEncoding != "utf-16" || res.Capabilities.TextDocumentSync.Change != 2 ||
		len(res.Capabilities.CodeActionProvider.CodeActionKinds) != 1 || res.ServerInfo.Name != "apierrlint" {
		t.Fatalf("initialize result: %+v", res)
	}
	c.notify("initialized", map[string]any{})
	return c
}

// startServer starts a language server (cmd, not started) and reads its
// messages; the caller initializes it. settings answers the server's
// workspace/configuration requests. The server's stderr is shown when the
// test fails or it holds a data race or a panic.
func startServer(t *testing.T, cmd *exec.Cmd, settings map[string]any) *lspClient {
	t.Helper()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &lspClient{
		t:       t,
		cmd:     cmd,
		stdin:   stdin,
		stderr:  &syncBuffer{},
		exited:  make(chan error, 1),
		pending: map[int]chan rpcMessage{},
		diags:   map[string]publishedDiags{},

		nullReplies: make(chan rpcMessage, 10),
		settings:    settings,
	}
	c.cond = sync.NewCond(&c.mu)
	cmd.Stderr = c.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go c.readLoop(bufio.NewReader(stdout))
	t.Cleanup(func() {
		c.stdin.Close()
		select {
		case <-c.exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
		if log := c.stderr.String(); t.Failed() || strings.Contains(log, "DATA RACE") || strings.Contains(log, "panic") {
			t.Errorf("server log:\n%s", log)
		}
	})
	return c
}

func (c *lspClient) readLoop(r *bufio.Reader) {
	defer func() {
		c.exited <- c.cmd.Wait()
		c.mu.Lock()
		c.closed = true
		c.cond.Broadcast()
		for _, ch := range c.pending {
			close(ch)
		}
		c.pending = map[int]chan rpcMessage{}
		c.mu.Unlock()
	}()
	for {
		length := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		if length < 0 {
			c.t.Errorf("frame without Content-Length")
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var msg rpcMessage
		if err := json.Unmarshal(body, &msg); err != nil {
			c.t.Errorf("server sent invalid JSON: %v\n%s", err, body)
			return
		}
		switch {
		case msg.Method == "textDocument/publishDiagnostics":
			var p publishedDiags
			if err := json.Unmarshal(msg.Params, &p); err != nil {
				c.t.Errorf("publishDiagnostics: %v", err)
				continue
			}
			p.at = time.Now()
			c.mu.Lock()
			c.diags[p.URI] = p
			c.diagLog = append(c.diagLog, p)
			c.cond.Broadcast()
			c.mu.Unlock()
		case msg.Method != "" && msg.ID != nil:
			// A request from the server (client/registerCapability,
			// workspace/configuration...): accept.
			c.mu.Lock()
			c.requests = append(c.requests, msg.Method)
			c.mu.Unlock()
			var result any
			if msg.Method == "workspace/configuration" {
				// One settings object per item asked for (gopls asks).
				var p struct{ Items []json.RawMessage }
				json.Unmarshal(msg.Params, &p)
				items := make([]any, len(p.Items))
				for i := range items {
					items[i] = c.settings
				}
				result = items
			}
			c.send(map[string]any{"jsonrpc": "2.0", "id": msg.ID, "result": result})
		case msg.Method != "":
			// Another notification (window/logMessage...): ignore.
		default:
			var id int
			if err := json.Unmarshal(msg.ID, &id); err != nil || string(msg.ID) == "null" {
				c.nullReplies <- msg // the reply to a message without a usable id
				continue
			}
			c.mu.Lock()
			ch := c.pending[id]
			delete(c.pending, id)
			c.mu.Unlock()
			if ch != nil {
				ch <- msg
			}
		}
	}
}

func (c *lspClient) send(msg any) {
	body, err := json.Marshal(msg)
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendRaw(body)
}

func (c *lspClient) sendRaw(body []byte) {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	frame := fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
	if _, err := io.WriteString(c.stdin, frame); err != nil {
		c.t.Errorf("writing to the server: %v", err)
	}
}

func (c *lspClient) notify(method string, params any) {
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// call sends a request and waits for its response.
func (c *lspClient) call(method string, params any) rpcMessage {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan rpcMessage, 1)
	c.pending[id] = ch
	c.mu.Unlock()
	msg := map[string]any{"jsonrpc": "2.0", "id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	c.send(msg)
	select {
	case resp, ok := <-ch:
		if !ok {
			c.t.Fatalf("%s: the server exited", method)
		}
		return resp
	case <-time.After(90 * time.Second):
		c.t.Fatalf("%s: no response", method)
	}
	return rpcMessage{}
}

// nullReply waits for a response with id null (the answer to a malformed
// message).
func (c *lspClient) nullReply() rpcMessage {
	c.t.Helper()
	select {
	case resp := <-c.nullReplies:
		return resp
	case <-time.After(30 * time.Second):
		c.t.Fatalf("no response to a malformed message")
	}
	return rpcMessage{}
}

func (c *lspClient) mustCall(method string, params, result any) {
	c.t.Helper()
	resp := c.call(method, params)
	if resp.Error != nil {
		c.t.Fatalf("%s: error %d %s", method, resp.Error.Code, resp.Error.Message)
	}
	if result != nil {
		if err := json.Unmarshal(resp.Result, result); err != nil {
			c.t.Fatalf("%s: decoding %s: %v", method, resp.Result, err)
		}
	}
}

// waitDiags waits until the diagnostics of uri for the given document
// version (or, with version < 0, any version) are published, and returns
// them.
func (c *lspClient) waitDiags(uri string, version int) publishedDiags {
	c.t.Helper()
	return c.waitDiagsFunc(uri, func(p publishedDiags) bool {
		return version < 0 || (p.Version != nil && *p.Version == version)
	})
}

// waitDiagsFunc waits until the latest diagnostics published for uri
// satisfy ok, and returns them.
func (c *lspClient) waitDiagsFunc(uri string, ok func(publishedDiags) bool) publishedDiags {
	c.t.Helper()
	wait := 90 * time.Second
	if c.slow {
		wait = 10 * time.Minute
	}
	deadline := time.Now().Add(wait)
	timer := time.AfterFunc(wait, func() {
		c.mu.Lock()
		c.cond.Broadcast()
		c.mu.Unlock()
	})
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		if p, found := c.diags[uri]; found && ok(p) {
			return p
		}
		if c.closed || time.Now().After(deadline) {
			c.t.Fatalf("no matching diagnostics for %s; latest: %+v", uri, c.diags[uri])
		}
		c.cond.Wait()
	}
}

// shutdown ends the session as an editor does and checks the exit code.
func (c *lspClient) shutdown() {
	c.t.Helper()
	c.mustCall("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case err := <-c.exited:
		c.exited <- err
		if err != nil {
			c.t.Errorf("server exit: %v", err)
		}
	case <-time.After(30 * time.Second):
		c.cmd.Process.Signal(syscall.SIGQUIT) // goroutine dump on stderr
		time.Sleep(time.Second)
		c.t.Fatalf("the server did not exit")
	}
}

// doc is an open document on the client side.
type doc struct {
	c       *lspClient
	path    string
	uri     string
	version int
	text    string
}

func (c *lspClient) open(path string, text string) *doc {
	d := &doc{c: c, path: path, uri: fileURI(path), version: 1, text: text}
	c.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": d.uri, "languageId": "go", "version": d.version, "text": text},
	})
	return d
}

// edit applies edits to the document (as an editor would, in UTF-16
// positions) and sends them as incremental changes.
func (d *doc) edit(edits ...textEdit) {
	d.c.t.Helper()
	// Apply from the end so that earlier positions stay valid; send in the
	// same order (each change applies to the result of the previous one).
	sort.Slice(edits, func(i, j int) bool { return posLess(edits[j].Range.Start, edits[i].Range.Start) })
	var changes []map[string]any
	for _, e := range edits {
		start, end := offsetOf(d.text, e.Range.Start), offsetOf(d.text, e.Range.End)
		d.text = d.text[:start] + e.NewText + d.text[end:]
		changes = append(changes, map[string]any{"range": e.Range, "text": e.NewText})
	}
	d.version++
	d.c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": d.uri, "version": d.version},
		"contentChanges": changes,
	})
}

// replace replaces the first occurrence of old in the document.
func (d *doc) replace(old, new string) {
	d.c.t.Helper()
	i := strings.Index(d.text, old)
	if i < 0 {
		d.c.t.Fatalf("%s does not contain %q", d.path, old)
	}
	d.edit(textEdit{Range: lspRange{Start: positionOf(d.text, i), End: positionOf(d.text, i+len(old))}, NewText: new})
}

func (d *doc) codeActions(rng lspRange, diags []lspDiagnostic) []codeAction {
	d.c.t.Helper()
	var actions []codeAction
	d.c.mustCall("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": d.uri},
		"range":        rng,
		"context":      map[string]any{"diagnostics": diags},
	}, &actions)
	return actions
}

func posLess(a, b lspPosition) bool {
	return a.Line < b.Line || (a.Line == b.Line && a.Character < b.Character)
}

// positionOf returns the LSP position (UTF-16) of a byte offset.
func positionOf(text string, offset int) lspPosition {
	line := strings.Count(text[:offset], "\n")
	start := strings.LastIndex(text[:offset], "\n") + 1
	return lspPosition{Line: line, Character: len(utf16.Encode([]rune(text[start:offset])))}
}

// offsetOf returns the byte offset of an LSP position (UTF-16).
func offsetOf(text string, p lspPosition) int {
	off := 0
	for i := 0; i < p.Line; i++ {
		j := strings.IndexByte(text[off:], '\n')
		if j < 0 {
			return len(text)
		}
		off += j + 1
	}
	for units := p.Character; units > 0 && off < len(text) && text[off] != '\n'; {
		r, size := utf8.DecodeRuneInString(text[off:])
		units -= len(utf16.Encode([]rune{r}))
		off += size
	}
	return off
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
