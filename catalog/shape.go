package catalog

// Shape is the documented error body: which key carries the code, the
// message, the details and the request id, which keys a body must have,
// what JSON type each key holds, and whether the body nests under an
// envelope key ({"error": {...}}).
//
// It comes from the document (a Markdown catalog's response-format JSON
// block, an OpenAPI document's error-response schemas) or from the
// configuration (`shape:` in .apierrlint.yml), which wins. The zero Shape
// is not valid; [DocumentShape] is the default.
type Shape struct {
	// Preset names where the shape comes from: "document" (the seed's
	// keys), "problem" (RFC 9457) or "envelope" (the document's keys
	// under Envelope); "" for a shape read from a document or schema.
	Preset string
	// Envelope is the key the body's object nests under; "" for a flat
	// body.
	Envelope string
	// Code, Message, Details and RequestID are the keys of those parts;
	// "" when the shape has no such part.
	Code, Message, Details, RequestID string
	// Status is the key that repeats the HTTP status as a JSON number (a
	// problem body's "status"); "" when there is none.
	Status string
	// Required are the keys a body must have (inside the envelope).
	Required []string
	// Types are the JSON types of the keys the shape knows: "string",
	// "number", "integer", "boolean", "object", "array". A key without
	// an entry may hold anything.
	Types map[string]string
	// File and Line say where the shape was stated (0: unknown), for
	// errors and messages.
	File string
	Line int
}

// DocumentShape is the shape of the seed document:
// {"code", "message", "details", "request_id"}, code and message
// required, details an object, request_id a string.
func DocumentShape() Shape {
	return Shape{
		Preset:    "document",
		Code:      "code",
		Message:   "message",
		Details:   "details",
		RequestID: "request_id",
		Required:  []string{"code", "message"},
		Types:     map[string]string{"code": "string", "message": "string", "details": "object", "request_id": "string"},
	}
}
