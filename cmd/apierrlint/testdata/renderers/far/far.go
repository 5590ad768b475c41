package far

import (
	"example.com/rend/apierr"
	"example.com/rend/mid"
)

var _ = mid.Wrap

func Wrong() error {
	return &apierr.Error{HTTP: 409, Kind: "NOT_FOUND", Text: "x"}
}
