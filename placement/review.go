// Package placement is the one order lifecycle every front-end drives — the wizard, plain
// mode, `submit` and `pay`: from the moment an order is complete to the moment its outcome is
// known and, where the API creates orders unpaid, paid. It computes the review once (target,
// exact body, price of that body, CLI command, digest, unpaid or not), asks its questions as
// states whose answers count only after they were shown (confirm.go), decides on duplicates,
// sends once, and says every outcome through one table (advice.go). Front-ends only render.
package placement

import (
	"context"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/clicmd"
)

// Review is what a person approves, computed once from the order: the front-ends render it,
// none computes its own.
type Review struct {
	// API is the order's flow (what its title and documented sets are).
	API    *flows.API
	Order  flows.Order
	Target providers.Target
	// Body is exactly the bytes Submit sends (the order's compact body).
	Body []byte
	// Digest is the order's identity (Digest): `cloudorder review` prints it and
	// `submit --expect-digest` compares it.
	Digest string
	// Unpaid is set when the API creates its orders unpaid (Huawei DSC): placing is then not
	// buying until the order is paid, with `cloudorder pay ORDER_ID` or on ConsoleURL.
	Unpaid     bool
	ConsoleURL string
	// Sends is false when nothing is placed from here (a dry run, or no provider).
	Sends bool
	// Expect is the digest a reviewer approved (`--expect-digest`, from `cloudorder review`);
	// "" when none was asked for. Send refuses, nothing sent, an order whose Digest differs.
	Expect string
}

// Reviewed reports whether the order is the one approved: no digest was asked for, or Digest
// is the expected one.
func (r Review) Reviewed() bool { return r.Expect == "" || r.Expect == r.Digest }

// DigestLine is how the review shows the digest, and whether it is the approved one.
func (r Review) DigestLine() i18n.Text {
	switch {
	case r.Expect == "":
		return i18n.Tf("digest %s", "摘要值 %s", r.Digest)
	case r.Reviewed():
		return i18n.Tf("digest %s — the reviewed order (--expect-digest)", "摘要值 %s — 与审阅的订单一致(--expect-digest)", r.Digest)
	}
	return NotReviewed(r.Digest, r.Expect)
}

// NotReviewed says that an order is not the approved one: nothing is sent.
func NotReviewed(got, want string) i18n.Text {
	return i18n.Tf("not sent: this order's digest is %s, not the reviewed %s — the order, its target or the account differ from what was reviewed. Compare with `cloudorder diff`, then review it again.",
		"未发送:此订单的摘要值为 %s,而不是审阅时的 %s — 订单、目标或账号与审阅时不同。请用 `cloudorder diff` 比较后重新审阅。", got, want)
}

// NewReview builds the review of o going through p (nil: a dry run without a provider).
func NewReview(p providers.Provider, mode providers.Mode, api *flows.API, o flows.Order) Review {
	r := Review{API: api, Order: o, Body: o.CompactBody(), Target: providers.Target{Mode: mode}}
	if p != nil {
		r.Target = p.Target(o.API, o.Region)
		if mode == providers.DryRun {
			r.Target.Mode = providers.DryRun
		}
		if u, ok := p.(providers.UnpaidOrders); ok {
			r.Unpaid, r.ConsoleURL = u.Unpaid(o.API)
		}
	}
	r.Sends = p != nil && r.Target.Mode != providers.DryRun
	r.Digest = Digest(api, r.Target, o)
	return r
}

// Command is the same order as its cloud's CLI command for shell sh (providers/clicmd), or
// why there is none.
func (r Review) Command(sh clicmd.Shell, lang i18n.Lang) (string, error) {
	if _, ok := clicmd.For(r.Target.CLI); !ok {
		return "", i18n.Errorf("no CLI command is known for "+string(r.Order.API), "没有与 "+string(r.Order.API)+" 对应的命令行命令")
	}
	if r.Target.Endpoint == "" {
		return "", i18n.Errorf("no endpoint known: the command needs one", "接入地址未知,无法生成命令")
	}
	return clicmd.Render(r.API, r.Order, r.Target, sh, lang)
}

// UnpaidLine is how a placed order the cloud created unpaid is said everywhere (submit, plain
// mode, the wizard's result, history): placed, unpaid, and how to pay it.
func UnpaidLine(payCommand, consoleURL string) i18n.Text {
	if consoleURL == "" {
		return i18n.Tf("placed, unpaid — pay with `%s`", "已下单,未支付 — 请用 `%s` 支付", payCommand)
	}
	return i18n.Tf("placed, unpaid — pay with `%s` or in the console: %s",
		"已下单,未支付 — 请用 `%s` 或在控制台支付:%s", payCommand, consoleURL)
}

// PayCommand is the command that pays orderID where t sent it: `cloudorder pay ID` for the
// cloud, with --sandbox for the in-process sandbox and --endpoint for another endpoint — a
// hint copied as printed must never pay (or fail to pay) somewhere else. Server text (the id,
// the endpoint) is made inert.
func PayCommand(orderID string, t providers.Target) string {
	cmd := "cloudorder pay " + providers.Printable(orderID)
	switch {
	case t.InProcess:
		cmd += " --sandbox"
	case t.Mode == providers.Sandbox || t.Mode == providers.LocalEndpoint:
		if t.Endpoint != "" {
			cmd += " --endpoint " + providers.Printable(t.Endpoint)
		}
	}
	return cmd
}

// UnpaidNote is the review's line for an API that creates orders unpaid.
var UnpaidNote = i18n.T("this API creates the order unpaid: nothing is charged until it is paid (`cloudorder pay ORDER_ID`, or p on the result)",
	"此接口创建的订单为未支付状态:支付前不扣费(`cloudorder pay 订单号`,或在结果页按 p)")

// Price is the price of the review's exact body, or why there is none.
type Price struct {
	Quote providers.Quote
	Err   error
	// Mismatches are the items whose priced product id is not the one the body sends: the
	// cloud's inquiry prices by spec and period, so a body holding another edition's id
	// would otherwise show a plausible price for something else.
	Mismatches []Mismatch
	// None is set when the provider has no price inquiry at all (a dry run).
	None bool
}

// Mismatch is one item priced under another product id than the body sends.
type Mismatch struct {
	Path   string // e.g. "body.product_infos[0].product_id"
	Priced string // the id the inquiry priced
	Sends  string // the id the body sends
}

// Quoter asks a price inquiry once per account and body (the wizard's session cache,
// ui/lookups.Cache).
type Quoter interface {
	Quote(ctx context.Context, pr providers.Pricer, target providers.Target, o flows.Order) (providers.Quote, error)
}

// PriceOf asks p's price inquiry (through cache; nil asks p itself) for the price of exactly
// r's body and checks that it priced the product ids the body sends.
func PriceOf(ctx context.Context, p providers.Provider, cache Quoter, r Review) Price {
	pr, ok := p.(providers.Pricer)
	if !ok || !r.Sends {
		return Price{None: true}
	}
	var q providers.Quote
	var err error
	if cache != nil {
		q, err = cache.Quote(ctx, pr, r.Target, r.Order)
	} else {
		q, err = pr.Quote(ctx, r.Order)
	}
	if err != nil {
		return Price{Err: err}
	}
	return Price{Quote: q, Mismatches: mismatches(q)}
}

func mismatches(q providers.Quote) []Mismatch {
	var out []Mismatch
	for _, it := range q.Items {
		if it.Sends != "" && it.ProductID != "" && it.Sends != it.ProductID {
			out = append(out, Mismatch{Path: it.Path + ".product_id", Priced: it.ProductID, Sends: it.Sends})
		}
	}
	return out
}

// Lines are the price as the review says it: the total (or why there is none), then one line
// per item, then each mismatch ("priced OFFI…; this order sends OFFI…").
func (p Price) Lines() []i18n.Text {
	switch {
	case p.None:
		return nil
	case p.Err != nil:
		return []i18n.Text{providers.PriceUnknown(errorText(p.Err))}
	}
	var out []i18n.Text
	if len(p.Mismatches) > 0 {
		out = append(out, i18n.T("this price is NOT the price of this order: the inquiry priced another product id than the body sends",
			"此价格不是本订单的价格:询价所用的产品 ID 与请求体中的不同"))
	} else {
		out = append(out, p.Quote.Line())
	}
	for _, it := range p.Quote.ItemLines() {
		out = append(out, providers.PrintableText(it))
	}
	for _, m := range p.Mismatches {
		out = append(out, m.Text())
	}
	return out
}

// Text says a mismatch at its field.
func (m Mismatch) Text() i18n.Text {
	return i18n.Tf("%s: priced %s; this order sends %s", "%s:询价的是 %s;本订单发送的是 %s",
		m.Path, providers.Printable(m.Priced), providers.Printable(m.Sends))
}

type printableErr struct{ s string }

func (e printableErr) Error() string { return e.s }

// errorText is err shown inert (a server's words).
func errorText(err error) error { return printableErr{providers.Printable(err.Error())} }
