package analyzer

// Doc is the analyzer's documentation, shown by `apierrlint help`.
const Doc = `check HTTP handlers against the documented API error convention

apierrlint reports, against an error catalog (a Markdown table of codes and
their HTTP statuses, JSON or YAML; the embedded default unless -catalog is
given), in net/http handlers and in gin, echo, fiber and go-chi/render ones:

  raw-http-error       http.Error, http.NotFound and plain text written after
                       a 4xx/5xx status, or no body at all, instead of a JSON
                       error body {"code", "message", "details", "request_id"}
  unknown-code         a constant error code that the catalog does not document
  status-mismatch      a documented code sent with another constant status
  missing-retry-after  a 429 (see -retry-after) written on a path where the
                       Retry-After header was not set before the status
  error-body-shape     an error body that is not the documented shape (the
                       catalog's response-format block or -shape; by default
                       {"code", "message", "details", "request_id"}): a key
                       missing, a key of another JSON type, not an object
  retry-after-format   a Retry-After value that is not whole seconds ("30s",
                       a time.Duration's String, an HTTP date)
  default-error-response
                       a framework's or net/http's own error answer that the
                       app does not replace: fiber.New without an
                       ErrorHandler, echo.New without an HTTPErrorHandler,
                       gin without NoRoute, fiber's limiter without
                       LimitReached, http.TimeoutHandler, a ReverseProxy
                       without an ErrorHandler, ...
  undocumented-status  a constant status that the handler of an OpenAPI
                       operation answers and the operation does not document,
                       or a route the document does not describe (only with a
                       catalog that has operations)

Error helpers are inferred across packages (analysis facts): functions that
take a status and/or a code parameter and put them into a response or an error
value, wrappers that fix one of them, wrappers of wrappers, and helpers that set
Retry-After. Call sites are checked with their constant arguments; a finding is
reported once, where the constants meet. Values computed at run time are not
guessed at: the analysis stays silent. Test files and generated files are not
checked unless -tests or -generated is given.

Central error renderers (echo's HTTPErrorHandler, fiber's ErrorHandler, a gin
middleware that reads c.Errors, a net/http adapter's) are found through types:
everything they write is an error response, whatever its status; the app's
must answer the errors it does not recognise with a code documented with 500;
what they read from the error values they recognise (the status, the code,
Retry-After) is learned, and the values built where a renderer is visible are
checked against it (docs/renderers.md).`
