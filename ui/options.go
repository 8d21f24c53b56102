package ui

import (
	"time"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// Options are what the wizard is started with. Everything outside the terminal (the
// provider, the clock, the file system location for saves) is passed in, so tests can swap it.
type Options struct {
	// Provider places orders and answers look-ups. nil (a dry run without one) means no
	// look-ups and no target details; orders are never placed in a dry run anyway.
	Provider providers.Provider
	Mode     providers.Mode // Live, Sandbox or DryRun: the banner and whether y places
	// APIs are the APIs the first step offers, in its order: required (the composition root
	// passes catalog.Flows()). Screen tests name theirs, so a new API changes none of their
	// pictures.
	APIs    flows.Registry
	Lang    i18n.Lang
	NoColor bool // NO_COLOR: emphasis without colour

	// Credentials say, per cloud, which credential orders will use or what is missing and
	// where it was looked for (config.Credentials, worded by the caller): the first screen
	// shows them in live mode, before any field is filled.
	Credentials []Credential

	// From prefills the wizard from a loaded order file (--from).
	From *Loaded
	// ExpectDigest is the digest a reviewer approved (--expect-digest, normalised): the review
	// shows whether the order matches it, and only a matching order is placed.
	ExpectDigest string
	// ProjectID pre-fills project_id for the Huawei APIs (HUAWEICLOUD_SDK_PROJECT_ID).
	ProjectID string
	// Regions are config.toml's [regions]: the default region per cloud ("alibaba", "huawei").
	Regions map[string]string

	SaveDir string           // where saved order files go by default ("" = current directory)
	Now     func() time.Time // nil = time.Now
	// Clock is the confirmation protocol's clock (placement.Debounce: an answer counts only
	// when it comes after its question was on screen); nil = time.Now. Tests step it.
	Clock func() time.Time
	// Timeout is the provider's bound on the wait for an answer (--timeout), shown while an
	// order is in flight; 0 shows the elapsed time alone.
	Timeout time.Duration
	// LookupTimeout bounds each option look-up (0 = 10s); a slow look-up never blocks.
	LookupTimeout time.Duration
}

// Credential is one cloud's credential as the first screen reports it.
type Credential struct {
	Cloud string // flows.API.Cloud: "alibaba" or "huawei"
	Found bool
	Text  i18n.Text // e.g. "Huawei Cloud: env HUAWEICLOUD_SDK_AK HPUA****", or what is missing
}

// Loaded is an order file read for --from.
type Loaded struct {
	Name     string
	API      *flows.API
	Answers  *flows.Answers
	Problems []flows.Problem
}

// Outcome is what the session ended with, for the exit code and the lines printed after exit.
type Outcome struct {
	API       flows.APIID
	OrderID   string // set when an order was placed
	RequestID string
	Saved     []string // order files written, and commands saved beside them
	// Failure is the kind of the last failed submission when no order was placed after it
	// (0 when none): the wizard's exit code follows it.
	Failure providers.Kind
	// FailureText gives the failure's facts for the lines printed after exit (the caller adds
	// the outcome's headline and advice from placement.WordingOf).
	FailureText string
	// Cancelled is set when the person quit before any order was sent: the exit line says
	// so (placement.Cancelled).
	Cancelled bool
	// Payment is set when p paid (or tried to pay) the placed order: PayFailure is the kind
	// of its failure, 0 when it was paid; PayRequestID the cloud's request id.
	Payment      bool
	PayFailure   providers.Kind
	PayRequestID string
	// Unpaid is set when the placed order was created unpaid and ConsoleURL pays it; the
	// exit lines say "placed, unpaid" (placement.UnpaidLine) unless it was paid.
	Unpaid     bool
	ConsoleURL string
	PayCommand string // pays it where it was sent (placement.PayCommand)
	// History is set when the history could not record the placed order's outcome.
	History *providers.HistoryError
	// Found and NotPlaced are what "check now" (check.go) learnt of the unknown outcome from
	// the cloud's orders and recorded in the history: the order found, or that none was.
	Found     string
	NotPlaced bool
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}
