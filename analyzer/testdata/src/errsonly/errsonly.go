package errsonly // want package:"holds error helpers or types"

// An error package that does not import net/http.

type Error struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

func New(status int, code, msg string) *Error { // want New:`helper\(status=0 code=1\)`
	return &Error{Status: status, Code: code, Message: msg}
}

var ErrGone = &Error{Status: 410, Code: "GONE", Message: "x"} // want `unknown-code: GONE is not in the error catalog \(embedded default\)`
