// Package gonames holds the Go names that apierrlint gen gives to what it
// writes, for gen and for the fixes that call gen's code before any package
// imports it (the analyzer spells a code's constant as gen named it).
package gonames

import (
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms are the words that Go names spell in capitals (golint's list,
// with CSRF and JWT): CSRF_VALIDATION_FAILED is CodeCSRFValidationFailed.
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSRF": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true,
	"JSON": true, "JWT": true, "LHS": true, "QPS": true, "RAM": true, "RHS": true, "RPC": true,
	"SLA": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true, "TLS": true, "TTL": true,
	"UDP": true, "UI": true, "UID": true, "UUID": true, "URI": true, "URL": true, "UTF8": true,
	"VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
}

// ConstName is the Go name of the constant of a code: Code followed by the
// code's words in camel case, initialisms in capitals (NOT_FOUND, not-found
// and notFound are CodeNotFound; invalid_api_key and invalidAPIKey are
// CodeInvalidAPIKey; 404 is Code404). "" when the code has no letter or
// digit.
func ConstName(code string) string {
	words := strings.FieldsFunc(code, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("Code")
	for _, w := range words {
		for _, w := range humps(w) {
			up, low := strings.ToUpper(w), strings.ToLower(w)
			if initialisms[up] {
				b.WriteString(up)
				continue
			}
			r, n := utf8.DecodeRuneInString(low)
			b.WriteRune(unicode.ToUpper(r))
			b.WriteString(low[n:])
		}
	}
	return b.String()
}

// humps splits a word written in camel case into its parts: apiKeyInvalid
// is api, Key, Invalid; HTTPServer is HTTP, Server. A word in one case
// (E1001A) is one part.
func humps(w string) []string {
	if w == strings.ToUpper(w) || w == strings.ToLower(w) {
		return []string{w}
	}
	rs := []rune(w)
	var parts []string
	start := 0
	for i := 1; i < len(rs); i++ {
		lowerBefore := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
		acronymEnd := unicode.IsUpper(rs[i-1]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
		if unicode.IsUpper(rs[i]) && (lowerBefore || acronymEnd) {
			parts = append(parts, string(rs[start:i]))
			start = i
		}
	}
	return append(parts, string(rs[start:]))
}

// AssumedName is the name a package is assumed to have from its import
// path, as goimports assumes it: the last element without a version
// suffix (v2) or a go- prefix, up to its first character that cannot be in
// a name (yaml.v3: yaml).
func AssumedName(importPath string) string {
	base := path.Base(importPath)
	if strings.HasPrefix(base, "v") {
		if _, err := strconv.Atoi(base[1:]); err == nil {
			if dir := path.Dir(importPath); dir != "." {
				base = path.Base(dir)
			}
		}
	}
	base = strings.TrimPrefix(base, "go-")
	if i := strings.IndexFunc(base, func(r rune) bool {
		return !(unicode.IsLetter(r) || r == '_' || unicode.IsDigit(r))
	}); i >= 0 {
		base = base[:i]
	}
	return base
}
