package journal

import (
	"encoding/json"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
)

// Record kinds: an intent is written before an order is sent, an outcome after.
const (
	KindIntent  = "intent"
	KindOutcome = "outcome"
)

// Outcomes. An intent with no outcome record (the process died mid-flight) reads as Pending,
// which means the same as Unknown: the order may have been placed.
const (
	OutcomeOK       = "ok"
	OutcomeRejected = "rejected"
	OutcomeUnknown  = "unknown"
	OutcomeNotSent  = "not_sent" // nothing left the machine (settings, credentials, DNS, connect, TLS)
	OutcomePending  = ""         // no outcome record
)

// Record is one line of the history file. Credentials never appear in it: an order has none,
// and nothing from a request's headers is recorded.
type Record struct {
	Kind string    `json:"kind"`
	ID   string    `json:"id"`
	At   time.Time `json:"at"`

	// Intent fields.
	API        flows.APIID     `json:"api,omitempty"`
	Region     string          `json:"region,omitempty"`
	ProjectID  string          `json:"project_id,omitempty"`
	Endpoint   string          `json:"endpoint,omitempty"`
	Mode       providers.Mode  `json:"mode,omitempty"`
	Body       json.RawMessage `json:"body,omitempty"`
	BodySHA256 string          `json:"body_sha256,omitempty"`
	// OrderKey is the identity older versions compared (it counted the mode): read, never
	// compared or written (recordDigests).
	OrderKey string `json:"order_key,omitempty"`
	// Digest is the order's identity, placement.Digest: what the duplicate guard compares.
	// Records written before it existed have theirs computed when read (recordDigests).
	Digest string `json:"digest,omitempty"`
	// Amount and Currency are the price the person saw at the review (list price), when the
	// cloud quoted one: `cloudorder pay` shows it.
	Amount   string `json:"amount,omitempty"`
	Currency string `json:"currency,omitempty"`

	// Outcome fields.
	Outcome    string `json:"outcome,omitempty"`
	OrderID    string `json:"order_id,omitempty"`
	RequestID  string `json:"request_id,omitempty"`
	HTTPStatus int    `json:"http_status,omitempty"`
	Code       string `json:"code,omitempty"`
	Message    string `json:"message,omitempty"`
	Error      string `json:"error,omitempty"`

	// Resolution and status fields (resolution.go).
	Matches []string `json:"matches,omitempty"` // the order ids an ambiguous resolution found
	State   string   `json:"state,omitempty"`   // a status record's plain state (providers.OrderState)
}

// Entry is one order: its intent joined with its outcome, if any.
type Entry struct {
	Intent Record
	// Outcome is one of the Outcome constants; OutcomePending when the intent has no outcome.
	Outcome  string
	Result   Record    // the outcome record (zero when pending)
	Finished time.Time // when the outcome was written
	// Resolution is the newest resolution of an unknown or pending outcome from the cloud's
	// own order records (resolution.go); zero when there is none.
	Resolution Record
	// Status is the newest state the cloud reported for the order (resolution.go); zero when
	// none was asked.
	Status Record
}

// Settled reports whether the entry's outcome is known (ok, rejected or not sent).
func (e Entry) Settled() bool {
	return e.Outcome == OutcomeOK || e.Outcome == OutcomeRejected || e.Outcome == OutcomeNotSent
}
