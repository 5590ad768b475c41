package ignore // want package:"holds error helpers or types"

import "net/http"

func sameLine(w http.ResponseWriter) {
	http.Error(w, "legacy clients parse text", 500) //apierrlint:ignore raw-http-error legacy v1 clients expect text/plain
}

func lineAbove(w http.ResponseWriter) {
	//apierrlint:ignore raw-http-error,missing-retry-after the proxy in front adds Retry-After
	http.Error(w, "slow down", 429)
}

// wholeFunction is a legacy endpoint.
//
//apierrlint:ignore raw-http-error kept byte-for-byte for the v1 API
func wholeFunction(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r)
	http.Error(w, "x", 400)
}

func otherRuleStillReported(w http.ResponseWriter) {
	//apierrlint:ignore raw-http-error the text is for curl users
	http.Error(w, "slow down", 429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

func twoLinesAbove(w http.ResponseWriter) {
	//apierrlint:ignore raw-http-error too far away // want `ignore-directive: //apierrlint:ignore raw-http-error suppresses nothing; remove it`

	http.Error(w, "x", 500) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
}

func noReason(w http.ResponseWriter) {
	http.Error(w, "x", 500) /* want `ignore-directive: //apierrlint:ignore raw-http-error needs a reason after the rule ids$` `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}` */ //apierrlint:ignore raw-http-error
}

func unknownRule(w http.ResponseWriter) {
	http.Error(w, "x", 500) //apierrlint:ignore raw-http-eror typo // want `ignore-directive: //apierrlint:ignore: unknown rule "raw-http-eror"; did you mean raw-http-error\? ` `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
}

func empty(w http.ResponseWriter) {
	http.Error(w, "x", 500) /* want `ignore-directive: //apierrlint:ignore needs rule ids and a reason: //apierrlint:ignore RULE\[,RULE\.\.\.\] REASON$` `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}` */ //apierrlint:ignore
}

//apierrlint:ignoreme is not a directive
func notADirective() {}

// The new rules are suppressed the same way.
func newRules(w http.ResponseWriter) { // want newRules:`helper\(writes retryafter\)`
	w.Header().Set("Retry-After", "30s") //apierrlint:ignore retry-after-format the CDN rewrites it to seconds
	w.WriteHeader(http.StatusGone)
	//apierrlint:ignore error-body-shape v1 clients read "error"
	w.Write([]byte(`{"error": "gone"}`))
}

// Each rule id of a directive is checked: one that is not a rule's drops
// the whole directive, so the findings it meant to suppress are reported.
func unknownInList(w http.ResponseWriter) {
	http.Error(w, "slow down", 429) /* want `ignore-directive: //apierrlint:ignore: unknown rule "missing-retry-aftr"; did you mean missing-retry-after\? ` `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code RATE_LIMIT_EXCEEDED` `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After` */ //apierrlint:ignore raw-http-error,missing-retry-aftr the proxy adds it
}

// ignore-directive is not a rule a directive can name: a directive cannot
// silence the findings about directives.
func namesItself(w http.ResponseWriter) {
	http.Error(w, "x", 500) /* want `ignore-directive: //apierrlint:ignore: unknown rule "ignore-directive" ` `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}` */ //apierrlint:ignore ignore-directive,raw-http-error because
}

// Rule ids are lower case, and an empty id is no rule.
func upperCase(w http.ResponseWriter) {
	http.Error(w, "x", 500) /* want `ignore-directive: //apierrlint:ignore: unknown rule "RAW-HTTP-ERROR" ` `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}` */ //apierrlint:ignore RAW-HTTP-ERROR because
}

func emptyID(w http.ResponseWriter) {
	http.Error(w, "x", 500) /* want `ignore-directive: //apierrlint:ignore: unknown rule "" ` `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}` */ //apierrlint:ignore raw-http-error, because
}

// A tab separates the prefix from the ids as a space does.
func tabSeparated(w http.ResponseWriter) {
	http.Error(w, "x", 500) //apierrlint:ignore	raw-http-error a tab, not a space
}

// A doc-comment directive that suppresses nothing in its function, with
// two rules.
//
//apierrlint:ignore status-mismatch,missing-retry-after nothing here needs it // want `ignore-directive: //apierrlint:ignore status-mismatch,missing-retry-after suppresses nothing; remove it`
func wholeUnused(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNotFound)
}

// A directive with two rules is used when one of them suppresses a finding.
func oneOfTwoUsed(w http.ResponseWriter) {
	//apierrlint:ignore raw-http-error,status-mismatch v1 clients parse the text
	http.Error(w, "x", 500)
}
