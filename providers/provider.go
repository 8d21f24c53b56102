// Package providers is how an order reaches a cloud: a small interface that the wizard and the
// command line use without knowing any SDK, with one implementation per cloud.
package providers

import (
	"context"
	"time"

	"cloudorder/flows"
	"cloudorder/i18n"
)

// Provider places orders and answers the option look-ups the wizard's pickers use.
type Provider interface {
	// Submit sends the order exactly once. It never retries: a retry after a lost answer
	// can buy twice. Errors are *Error.
	Submit(ctx context.Context, o flows.Order) (Result, error)
	// Lookup returns documented or account-specific values for a field's picker, by the
	// look-up name a flows.Field declares (e.g. "workspaceapp/products").
	Lookup(ctx context.Context, q LookupQuery) ([]flows.Option, error)
	// Target describes where orders go, for the review screen and the banner.
	Target(api flows.APIID, region string) Target
}

// LookupQuery names a look-up and the order context it runs in.
type LookupQuery struct {
	API       flows.APIID
	Name      string
	Region    string
	ProjectID string
	// Inputs are the other answers the look-up depends on, by the names its field declares in
	// flows.Field.LookupInputs (e.g. "vpc_id" for the subnet list, the item's spec code for a DSC
	// product id). A change in any of them is a different query.
	Inputs map[string]string
}

// Result is a successful order.
type Result struct {
	OrderID   string
	RequestID string
	// Response holds the API's other response fields (e.g. Alibaba's Message,
	// BuyProductRequestId, ProductIds), as decoded JSON values.
	Response map[string]any
	// History is set by the journal when it could not record the outcome (a full disk).
	History *HistoryError
}

// Target says where orders go and as whom, with the secret never included.
type Target struct {
	Mode       Mode
	Endpoint   string // scheme://host[:port]
	Credential string // where the credential came from, e.g. "env ALIBABA_CLOUD_ACCESS_KEY_ID"
	MaskedKey  string // access key id, all but the first 4 characters masked
	// InProcess marks the in-process sandbox (--sandbox), which listens on a new loopback port
	// every run: the order's identity names it "sandbox", not its port (placement.Digest).
	InProcess bool
	// CLI is how the cloud's own command-line tool calls the API (providers/clicmd); the zero
	// CLI when none is known.
	CLI CLI
}

// Text names where orders go in both languages (the wizard's review, the history table).
func (m Mode) Text() i18n.Text {
	switch m {
	case Live:
		return i18n.T("live", "正式环境")
	case Sandbox:
		return i18n.T("sandbox", "沙箱")
	case LocalEndpoint:
		return i18n.T("local endpoint", "本地接入点")
	case DryRun:
		return i18n.T("dry run", "演练")
	}
	p := Printable(string(m)) // a mode read from a history file of another version
	return i18n.T(p, p)
}

// Banner says where orders go and what that means, in both languages, longest first: the
// wizard shows the longest that fits its window, plain mode and submit's summary the first.
// endpoint is named for a LocalEndpoint (left out when empty). A mode it does not know is
// announced as LIVE: never claim an order is safe.
func (m Mode) Banner(endpoint string) []i18n.Text {
	switch m {
	case Sandbox:
		return []i18n.Text{
			i18n.T("SANDBOX · orders go to the local sandbox; nothing is bought", "沙箱 · 订单发往本地沙箱,不会真实购买"),
			i18n.T("SANDBOX · nothing is bought", "沙箱 · 不会真实购买"),
			i18n.T("SANDBOX", "沙箱"),
		}
	case DryRun:
		return []i18n.Text{
			i18n.T("DRY RUN · nothing is sent; review and save the order file", "演练 · 不发送任何请求;可审阅并保存订单文件"),
			i18n.T("DRY RUN · nothing is sent", "演练 · 不发送任何请求"),
			i18n.T("DRY RUN", "演练"),
		}
	case LocalEndpoint:
		// Orders go to whatever listens there: named, never called LIVE or safe.
		name := i18n.T("LOCAL ENDPOINT", "本地接入点")
		if endpoint != "" {
			name = i18n.Tf("LOCAL ENDPOINT %s", "本地接入点 %s", Printable(endpoint))
		}
		return []i18n.Text{
			i18n.Tf("%s · not the cloud, not the cloudorder sandbox: orders go to whatever listens there",
				"%s · 既非云平台也非 cloudorder 沙箱:订单发往该地址上的服务", name),
			name,
			i18n.T("LOCAL ENDPOINT", "本地接入点"),
		}
	}
	return []i18n.Text{
		i18n.T("!! LIVE · orders go to the real cloud and COST MONEY !!", "!! 正式环境 · 订单发往真实云平台,会产生费用 !!"),
		i18n.T("!! LIVE · COSTS MONEY !!", "!! 正式环境 · 会产生费用 !!"),
		i18n.T("!! LIVE !!", "!! 正式 !!"),
	}
}

// SandboxKeys is the credential source a provider reports when it signs with the sandbox's
// published keys (the in-process sandbox, or an --endpoint that answered its identity probe).
const SandboxKeys = "sandbox (built-in keys)"

// Mode is where orders go.
type Mode string

// The modes the wizard's banner shows.
const (
	Live    Mode = "live"
	Sandbox Mode = "sandbox"
	DryRun  Mode = "dry-run"
	// LocalEndpoint is an --endpoint on this machine that is not the cloudorder sandbox (it did
	// not answer GET /_sandbox/health): orders reach whatever listens there, which is neither
	// the real cloud nor provably an emulator. Banner: "LOCAL ENDPOINT <url>", never LIVE.
	LocalEndpoint Mode = "local-endpoint"
)

// Recent is an earlier attempt at the same order found in the history: one that succeeded
// (Outcome "ok") or whose outcome is unknown ("unknown": it may have been placed). When the
// history could not be read, Err says why and nothing else is set: a duplicate cannot be
// ruled out.
type Recent struct {
	ID        string // the history entry
	Outcome   string // "ok" or "unknown"
	OrderID   string
	RequestID string
	At        time.Time
	Err       error
	// Unrecorded: the history holds the attempt's intent and no outcome — the process ended
	// (kill -9, power loss) after the intent was written, before or while it sent, so whether
	// anything went out is not known either.
	Unrecorded bool
}

// DuplicateWindow is how far back an identical order that succeeded, or may have, makes
// submit refuse it without --allow-duplicate and the wizard ask again.
const DuplicateWindow = 24 * time.Hour

// DuplicateFinder is implemented by providers that keep a history (the journal): before an
// order identical to one that succeeded recently — or may have — is sent, the person is asked
// again. found is also true when the history could not be read (Recent.Err).
type DuplicateFinder interface {
	RecentDuplicate(o flows.Order, within time.Duration) (r Recent, found bool)
}

// HistoryError says that the history could not record the outcome of an order (or payment)
// that was sent: the person must see it, with the record to keep by hand.
type HistoryError struct {
	Record string // the outcome record as it would have been written (one JSON line)
	Err    error
}

func (e *HistoryError) Error() string {
	return "the history could not record the outcome: " + e.Err.Error()
}

func (e *HistoryError) Unwrap() error { return e.Err }

type reviewedPriceKey struct{}

// ReviewedPrice is the price the person saw at the review, recorded with the order's intent so
// that paying it later (`cloudorder pay`) can show the amount.
type ReviewedPrice struct{ Amount, Currency string }

// WithReviewedPrice carries the reviewed price to the journal with the order it priced.
func WithReviewedPrice(ctx context.Context, amount, currency string) context.Context {
	return context.WithValue(ctx, reviewedPriceKey{}, ReviewedPrice{amount, currency})
}

// ReviewedPriceOf is the price WithReviewedPrice carried (zero when none).
func ReviewedPriceOf(ctx context.Context) ReviewedPrice {
	p, _ := ctx.Value(reviewedPriceKey{}).(ReviewedPrice)
	return p
}

// PaymentFinder is implemented by providers that keep a history (the journal): an order that
// was paid — or may have been — is never paid again from here.
type PaymentFinder interface {
	EarlierPayment(p Payment) (r Recent, found bool)
}
