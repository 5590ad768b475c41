package lsp

import (
	"context"
	"errors"
	"io"
	"log"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// codec marshals LSP payloads with the protocol package's union-aware
// encoder, as protocol.NewServer does (its codec type is not exported; this is
// the same few lines). Already-encoded raw messages pass through.
type codec struct{}

func (codec) Marshal(v any) ([]byte, error) {
	switch m := v.(type) {
	case jsonrpc2.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	case *jsonrpc2.RawMessage:
		if m == nil || *m == nil {
			return []byte("null"), nil
		}
		return *m, nil
	}
	return protocol.Marshal(v)
}

func (codec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	return protocol.Unmarshal(data, v)
}

// tolerantStream wraps the Content-Length stream so that a frame that is not
// JSON, or not a JSON-RPC message, is answered with the JSON-RPC error (parse
// error or invalid request, id null) instead of ending the connection, which
// is what jsonrpc2.Conn does with a read error. Framing errors (a broken
// header) and I/O errors still end it: the byte stream cannot be trusted
// after them.
type tolerantStream struct {
	jsonrpc2.Stream
	log *log.Logger
}

func (s tolerantStream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		msg, n, err := s.Stream.Read(ctx)
		var werr *jsonrpc2.Error
		if err == nil || !errors.As(err, &werr) || errors.Is(err, io.EOF) {
			return msg, n, err
		}
		s.log.Printf("malformed message: %v", err)
		if _, err := s.Stream.Write(ctx, jsonrpc2.NewResponse(jsonrpc2.ID{}, nil, werr)); err != nil {
			return nil, 0, err
		}
	}
}
