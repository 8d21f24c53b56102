package providers

import (
	"errors"
	"fmt"
	"strings"
)

// Kind classifies a failed order by what the person must do next.
type Kind int

// Failure kinds; each has its exit code and machine word (Exit, Word), and placement words it
// for people (placement.WordingOf).
const (
	Invalid  Kind = iota + 1 // nothing was sent (bad order, bad settings, missing credentials): exit 1
	Rejected                 // the API answered 4xx: nothing bought: exit 3
	Unknown                  // sent, but no clear answer (5xx, timeout, connection lost): exit 4
	NotSent                  // provably nothing left this machine (DNS, connect, TLS): exit 5, safe to retry
)

// Error is a classified order failure. Err keeps the SDK's own error.
type Error struct {
	Kind       Kind
	HTTPStatus int
	Code       string
	Message    string
	RequestID  string
	Err        error
	// History is set by the journal when it could not record the outcome.
	History *HistoryError
}

func (e *Error) Error() string {
	msg := e.Message
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	switch {
	case e.Code != "" && e.RequestID != "":
		return fmt.Sprintf("%s: %s (request id %s)", e.Code, msg, e.RequestID)
	case e.Code != "":
		return fmt.Sprintf("%s: %s", e.Code, msg)
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the failure kind of err; an unclassified error counts as Unknown, the safe
// assumption for anything that may have reached the cloud.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Unknown
}

// Exit is the process exit code of an order that ended with k, 0 (no failure) being success:
// the contract scripts rely on (README.md, the exit-code table). A kind this version does not know exits
// as Unknown, the safe assumption.
func (k Kind) Exit() int {
	switch k {
	case 0:
		return 0
	case Invalid:
		return 1
	case Rejected:
		return 3
	case NotSent:
		return 5
	}
	return 4
}

// Word is k's machine word in --output json and the history: ok, not_sent (Invalid and
// NotSent alike: nothing left), rejected, unknown.
func (k Kind) Word() string {
	switch k {
	case 0:
		return "ok"
	case Invalid, NotSent:
		return "not_sent"
	case Rejected:
		return "rejected"
	}
	return "unknown"
}

// KindOfWord is the kind a history record's word names: 0 for "ok", NotSent for "not_sent",
// Rejected; any other word — a pending record — reads as Unknown.
func KindOfWord(word string) Kind {
	for _, k := range []Kind{0, Rejected, NotSent} {
		if k.Word() == word {
			return k
		}
	}
	return Unknown
}

// Facts are what the cloud or the SDK said about a failure, as "label: value" lines shown
// inert (Printable): code, message, request_id, http_status; empty ones are left out.
func (e *Error) Facts() []string {
	var out []string
	fact := func(label, v string) {
		if v != "" {
			out = append(out, label+": "+Printable(v))
		}
	}
	msg := e.Message
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	fact("code", e.Code)
	fact("message", msg)
	fact("request_id", e.RequestID)
	if e.HTTPStatus != 0 {
		fact("http_status", fmt.Sprint(e.HTTPStatus))
	}
	return out
}

// StatusClass is the class of an HTTP status: 2 for 2xx, 3 for 3xx, and so on.
func StatusClass(status int) int { return status / 100 }

// StatusKind is what an answer with this HTTP status means for a call that changes something
// (an order, a payment), the one reading both clouds' providers use: a 4xx was refused, so
// nothing was bought (Rejected); a 3xx (the transport never follows one: RedirectError), a
// 5xx, or any other status may have been acted on (Unknown). A 2xx is success only once the
// caller has found the documented fields in it; one without them is Unknown too. For a
// look-up every answer but a 2xx is simply a failure.
func StatusKind(status int) Kind {
	if StatusClass(status) == 4 {
		return Rejected
	}
	return Unknown
}

// Retryable reports whether a failed look-up or quote is worth one more try: the cloud was
// busy or the answer was lost. Invalid requests and rejections other than throttling are not.
// Only read-only calls may be retried; orders and payments never are.
func Retryable(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	switch {
	case e.Kind == Invalid:
		return false
	case e.Kind == Rejected:
		return Throttled(e)
	}
	return true
}

// Throttled reports whether a rejection is the cloud asking to slow down — HTTP 429, an
// Alibaba Throttling.* or TooManyRequests code, Huawei API Gateway's APIGW.0308 — rather than
// a refusal of the request itself: worth trying again later, as is.
func Throttled(e *Error) bool {
	code := strings.ToLower(e.Code)
	return e.Kind == Rejected && (e.HTTPStatus == 429 || strings.Contains(code, "throttl") ||
		strings.HasPrefix(code, "toomanyrequests") || e.Code == "APIGW.0308")
}
