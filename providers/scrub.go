package providers

import (
	"errors"
	"strings"
)

// Scrub removes the given secret values (a secret key, a security token) from err's text: a
// server that cannot verify a signature may echo what it signed, headers and token included
// (Alibaba's SignatureDoesNotMatch does), and an SDK may pass that text on. The text is what
// reaches the screen and the history; the original error stays reachable with errors.As.
// Values shorter than 8 characters are left alone (they would blank ordinary words).
func Scrub(err error, secrets ...string) error {
	var keep []string
	for _, s := range secrets {
		if len(s) >= 8 {
			keep = append(keep, s)
		}
	}
	if err == nil || len(keep) == 0 {
		return err
	}
	clean := func(s string) string {
		for _, v := range keep {
			s = strings.ReplaceAll(s, v, "****")
		}
		return s
	}
	var pe *Error
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
