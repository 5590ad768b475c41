package apierr

type Error struct {
	HTTP int
	Kind string
	Text string
	Wait int
}

func (e *Error) Error() string { return e.Text }
