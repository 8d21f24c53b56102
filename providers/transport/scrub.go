package transport

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"strings"

	"cloudorder/providers"
)

// Scrub removes the given secret values (a secret key, a security token) from err's text: a
// server that cannot verify a signature may echo what it signed, headers and token included
// (Alibaba's SignatureDoesNotMatch does), and an SDK may pass that text on. Every form a
// server can echo a value in is removed (secretForms: raw, URL-encoded, base64, JSON-escaped).
// The text is what reaches the screen and the history; the original error stays reachable
// with errors.As. Values shorter than 8 characters are left alone (they would blank ordinary
// words).
func Scrub(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	clean := scrubber(secrets)
	if clean == nil {
		return err
	}
	var pe *providers.Error
	if !errors.As(err, &pe) {
		if msg := err.Error(); clean(msg) != msg {
			return scrubbed{msg: clean(msg), err: err}
		}
		return err
	}
	out := *pe
	out.Code, out.Message, out.RequestID = clean(pe.Code), clean(pe.Message), clean(pe.RequestID)
	if pe.Err != nil {
		if msg := pe.Err.Error(); clean(msg) != msg {
			out.Err = scrubbed{msg: clean(msg), err: pe.Err}
		}
	}
	return &out
}

// ScrubResult removes the secrets, in every form, from what a successful answer brought: an
// order or request id and the other response fields are printed, exported and journaled, and
// a server may echo a token as any of them.
func ScrubResult(r providers.Result, secrets ...string) providers.Result {
	clean := scrubber(secrets)
	if clean == nil {
		return r
	}
	r.OrderID, r.RequestID = clean(r.OrderID), clean(r.RequestID)
	if r.Response != nil {
		out := make(map[string]any, len(r.Response))
		for k, v := range r.Response {
			out[clean(k)] = scrubValue(v, clean)
		}
		r.Response = out
	}
	return r
}

// scrubValue cleans every string of a decoded JSON value.
func scrubValue(v any, clean func(string) string) any {
	switch x := v.(type) {
	case string:
		return clean(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = scrubValue(e, clean)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[clean(k)] = scrubValue(e, clean)
		}
		return out
	}
	return v
}

// ScrubText removes the secrets, in every form, from one text.
func ScrubText(text string, secrets ...string) string {
	if clean := scrubber(secrets); clean != nil {
		return clean(text)
	}
	return text
}

// scrubber is a function that blanks every form of the secrets (8 characters or more), or nil
// when there is none.
func scrubber(secrets []string) func(string) string {
	var forms []string
	for _, s := range secrets {
		if len(s) >= 8 {
			forms = append(forms, secretForms(s)...)
		}
	}
	if len(forms) == 0 {
		return nil
	}
	// Longest first: a form that contains another is replaced whole.
	slices.SortFunc(forms, func(a, b string) int { return len(b) - len(a) })
	forms = slices.Compact(forms)
	pairs := make([]string, 0, 2*len(forms))
	for _, f := range forms {
		pairs = append(pairs, f, "****")
	}
	r := strings.NewReplacer(pairs...)
	return r.Replace
}

// secretForms are the ways a server or an SDK can write a value into a text: as it is,
// URL-encoded (query and path escaping), JSON-escaped, and base64 (standard and URL alphabet,
// padded or not) — of the value alone or inside a longer encoded text, where it starts at any
// of three byte offsets and only its middle characters are its own.
func secretForms(s string) []string {
	forms := []string{s, url.QueryEscape(s), url.PathEscape(s), strings.ReplaceAll(url.QueryEscape(s), "+", "%20")}
	if j, err := json.Marshal(s); err == nil {
		forms = append(forms, string(j[1:len(j)-1]))
		// An escaped JSON string inside JSON again (an error message quoting an answer).
		if jj, err := json.Marshal(string(j[1 : len(j)-1])); err == nil {
			forms = append(forms, string(jj[1:len(jj)-1]))
		}
	}
	n := len(s)
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
		for k := range 3 {
			e := enc.EncodeToString(append(make([]byte, k), s...))
			// Characters whose 6 bits all come from s: from ceil(8k/6) to floor(8(k+n)/6).
			from, to := (8*k+5)/6, 8*(k+n)/6
			forms = append(forms, e[from:to])
		}
	}
	var out []string
	for _, f := range forms {
		if len(f) >= 8 {
			out = append(out, f)
		}
	}
	return out
}

// Redacted is err shown by msg, a text without err's secrets; err stays reachable with
// errors.As (the SDK's own error, for its codes).
func Redacted(msg string, err error) error { return scrubbed{msg: msg, err: err} }

// scrubbed is an error shown by a text without its secrets.
type scrubbed struct {
	msg string
	err error
}

func (s scrubbed) Error() string { return s.msg }
func (s scrubbed) Unwrap() error { return s.err }
