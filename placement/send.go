package placement

import (
	"context"
	"errors"
	"time"

	"cloudorder/i18n"
	"cloudorder/providers"
)

// Duplicate is the duplicate decision's input: an earlier attempt at the same order (by
// Digest) that succeeded or may have, within providers.DuplicateWindow — or a history that
// could not be read, which cannot rule one out (Recent.Err).
type Duplicate struct {
	Found  bool
	Recent providers.Recent
}

// CheckDuplicate looks for an earlier attempt at r's order in p's history (the journal). A
// provider that keeps none finds nothing. ctx ending first (ctrl+c) is an error: nothing was
// sent, and whether a duplicate exists is not known.
func CheckDuplicate(ctx context.Context, p providers.Provider, r Review) (Duplicate, error) {
	df, ok := p.(providers.DuplicateFinder)
	if !ok {
		return Duplicate{}, nil
	}
	type found struct {
		r  providers.Recent
		ok bool
	}
	done := make(chan found, 1)
	go func() {
		rec, ok := df.RecentDuplicate(r.Order, providers.DuplicateWindow)
		done <- found{rec, ok}
	}()
	select {
	case f := <-done:
		return Duplicate{Found: f.ok, Recent: f.r}, nil
	case <-ctx.Done():
		return Duplicate{}, interruptedBeforeSending(ctx)
	}
}

// Outcome is how one attempt ended, typed: front-ends word it through Advise and UnpaidLine.
type Outcome struct {
	Result providers.Result
	// Err is the classified failure (nil when placed).
	Err *providers.Error
	// Interrupted is set when ctrl+c (or SIGTERM) ended the attempt before anything was sent:
	// provably not sent, nothing journaled as sent (exit 130).
	Interrupted bool
	// Unpaid is set when the order was placed and the API creates orders unpaid.
	Unpaid     bool
	ConsoleURL string
	// PayCommand pays the unpaid order where it was sent (PayCommand): with the order's
	// --sandbox or --endpoint, so that copying it never pays elsewhere.
	PayCommand string
	// History is set when the history could not record the outcome: the person must see the
	// order id and the record (HistoryWarning), and the exit code says so (ExitCode).
	History *providers.HistoryError
}

// Placed reports whether the order was placed.
func (o Outcome) Placed() bool { return o.Err == nil && !o.Interrupted }

// Kind is the failure kind (0 when placed; NotSent when interrupted before sending).
func (o Outcome) Kind() providers.Kind {
	switch {
	case o.Interrupted:
		return providers.NotSent
	case o.Err != nil:
		return o.Err.Kind
	}
	return 0
}

// ExitInterrupted is the exit code of a command the person interrupted before anything was
// sent (the shell's 128+SIGINT).
const ExitInterrupted = 130

// ExitCode is the outcome's exit code (README.md, the exit-code table): the outcome table's, 130 when
// interrupted before sending, and 4 when placed but the history could not record it — the
// history then holds the attempt as "unknown" (its intent has no outcome), and 4 is the code
// that tells a script not to try again before looking.
func (o Outcome) ExitCode() int {
	switch {
	case o.Interrupted:
		return ExitInterrupted
	case o.Err != nil:
		return o.Err.Kind.Exit()
	case o.History != nil:
		return providers.Unknown.Exit()
	}
	return 0
}

// Send places r's order once — never retried: a retry after a lost answer can buy twice. The
// provider (the journal) records the intent before sending and the outcome after. ctx ending
// before the order leaves (waiting for the history's lock, the credential chain) is
// Interrupted: not sent.
func Send(ctx context.Context, p providers.Provider, r Review, price Price) Outcome {
	if !r.Reviewed() { // --expect-digest: only the approved order may go
		return Outcome{Err: &providers.Error{Kind: providers.Invalid, Message: NotReviewed(r.Digest, r.Expect).EN}}
	}
	if isInterrupt(ctx) {
		return Outcome{Interrupted: true, Err: asError(interruptedBeforeSending(ctx))}
	}
	if price.Err == nil && price.Quote.Priced {
		ctx = providers.WithReviewedPrice(ctx, price.Quote.Total, price.Quote.Currency)
	}
	res, err := p.Submit(ctx, r.Order)
	out := outcomeOf(ctx, res, err, r.Unpaid, r.ConsoleURL)
	if out.Placed() && out.Unpaid {
		out.PayCommand = PayCommand(res.OrderID, r.Target)
	}
	return out
}

func outcomeOf(ctx context.Context, res providers.Result, err error, unpaid bool, console string) Outcome {
	if err == nil {
		return Outcome{Result: res, Unpaid: unpaid, ConsoleURL: console, History: res.History}
	}
	pe := asError(err)
	out := Outcome{Err: pe, History: pe.History}
	// Interrupted and provably nothing sent: the journal refused before its intent, or the
	// provider stopped before the request left (both say Invalid or NotSent).
	if isInterrupt(ctx) && (pe.Kind == providers.Invalid || pe.Kind == providers.NotSent) {
		out.Interrupted = true
	}
	return out
}

// ErrInterrupted is the cause a front-end cancels its context with when the person interrupts
// (ctrl+c, SIGTERM): errors.Is(cause, ErrInterrupted). Any other end of the context (the
// --timeout) is not an interruption.
var ErrInterrupted = errors.New("interrupted")

func isInterrupt(ctx context.Context) bool {
	return ctx.Err() != nil && errors.Is(context.Cause(ctx), ErrInterrupted)
}

func asError(err error) *providers.Error {
	pe, _ := Failed(err)
	return pe
}

// interruptedBeforeSending is the error of an attempt that ended before anything was sent.
func interruptedBeforeSending(ctx context.Context) error {
	cause := context.Cause(ctx)
	if cause == nil {
		cause = context.Canceled
	}
	return &providers.Error{Kind: providers.NotSent, Message: "stopped before sending: " + cause.Error(), Err: cause}
}

// HistoryWarning is what the person is told when the history could not record a sent order
// or payment: the order id, why, and the record to keep by hand.
func HistoryWarning(h *providers.HistoryError, orderID string) []i18n.Text {
	if h == nil {
		return nil
	}
	reason := providers.Printable(errors.Unwrap(h).Error())
	head := i18n.Tf("WARNING: order %s was sent, but the history could not record its outcome (%s).",
		"警告:订单 %s 已发送,但订单历史无法记录其结果(%s)。", providers.Printable(orderID), reason)
	if orderID == "" {
		head = i18n.Tf("WARNING: the history could not record how this attempt ended (%s).", "警告:订单历史无法记录此次尝试的结果(%s)。", reason)
	}
	return []i18n.Text{
		head,
		i18n.T("`cloudorder history` will show it as unknown. Keep this record by hand:", "`cloudorder history` 将把它显示为结果未知。请手动保存以下记录:"),
		{EN: "  " + providers.Printable(h.Record), ZH: "  " + providers.Printable(h.Record)},
	}
}

// Now is the clock the protocol reads; tests replace it.
var Now = time.Now
