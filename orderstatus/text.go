package orderstatus

import (
	"fmt"
	"strings"
	"time"

	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
)

// Lines is the report in both languages, one fact a line: what was asked, what the cloud
// said. Server text is shown inert (providers.Printable).
func (r Report) Lines() []i18n.Text {
	in := r.Entry.Intent
	out := []i18n.Text{i18n.Tf("history entry %s · %s · %s", "历史记录 %s · %s · %s", in.ID, p(string(in.API)), p(in.Region))}
	if res := r.Resolution; res != nil {
		out = append(out, res.Lines()...)
	}
	if o := r.Order; o != nil {
		out = append(out, OrderLines(*o, r.PayCommand)...)
	}
	if r.Err != nil {
		t := i18n.TextOf(r.Err)
		out = append(out, i18n.Text{EN: "  the cloud could not be asked: " + p(t.EN), ZH: "  无法向云平台查询:" + p(t.ZH)})
	}
	if r.NoteErr != nil {
		out = append(out, i18n.Tf("  warning: the history could not be updated: %s", "  警告:无法更新历史:%s", p(r.NoteErr.Error())))
	}
	return out
}

// Lines says what was queried, what was compared, each order of the window, and the verdict.
func (r Resolution) Lines() []i18n.Text {
	from, to := r.Window.From.Format(time.DateTime), r.Window.To.Format(time.DateTime)
	svc := ""
	if r.Query.ServiceType != "" {
		svc = " · " + r.Query.ServiceType
	}
	out := []i18n.Text{
		i18n.Tf("  the outcome was unknown: asked the cloud for %s orders created %s to %s UTC%s: %d listed",
			"  结果未知:已向云平台查询 %s 在 %s 至 %s(UTC)之间创建的订单%s:共 %d 个",
			p(string(r.Query.API)), from, to, svc, len(r.Candidates)),
		i18n.Tf("  compared with the order sent: %s", "  与所发订单比较:%s", p(strings.Join(r.Compared, "; "))),
	}
	for _, c := range r.Candidates {
		switch {
		case c.Match:
			out = append(out, i18n.Tf("    %s: matches", "    %s:匹配", p(c.Order.OrderID)))
		default:
			out = append(out, i18n.Tf("    %s: %s", "    %s:%s", p(c.Order.OrderID), p(strings.Join(c.Differs, "; "))))
		}
	}
	asOf := r.AsOf.Local().Format(time.DateTime)
	switch r.Verdict {
	case Placed:
		out = append(out, i18n.Tf("  → PLACED: the cloud has exactly one matching order, %s (recorded in the history)",
			"  → 已下单:云平台有且仅有一个匹配的订单 %s(已记入历史)", p(r.OrderID)))
	case NotPlaced:
		out = append(out, i18n.Tf("  → NOT PLACED as of %s: no matching order in the window, and the cloud's listing delay has passed; the order may be sent again (once)",
			"  → 截至 %s 未下单:时间窗口内没有匹配的订单,且云平台订单列表的延迟已过;可以再次发送(一次)", asOf))
	case Ambiguous:
		out = append(out, i18n.Tf("  → AMBIGUOUS: %s could each be this order; check them in the console. It still counts as possibly placed.",
			"  → 无法确定:%s 都可能是这个订单;请在控制台核实。仍按“可能已下单”处理。", p(strings.Join(r.Matches(), ", "))))
	case NotYet:
		out = append(out, i18n.Tf("  → NOT KNOWN YET: nothing matches so far, but the cloud may list an order up to %s; ask again after then",
			"  → 尚不能确定:目前没有匹配的订单,但云平台最晚可能在 %s 才列出订单;请在此之后再查询",
			r.Window.Settled.Local().Format(time.DateTime)))
	}
	return out
}

// OrderLines is an order's state: plain words and the cloud's, amount, creation time, products;
// payCommand pays it where it was sent (empty: placement.PayCommand to the cloud).
func OrderLines(o providers.BillingOrder, payCommand string) []i18n.Text {
	state := o.State.Text()
	out := []i18n.Text{i18n.Text{
		EN: fmt.Sprintf("  order %s: %s (cloud: %s)", p(o.OrderID), state.EN, p(o.CloudStatus)),
		ZH: fmt.Sprintf("  订单 %s:%s(云平台:%s)", p(o.OrderID), state.ZH, p(o.CloudStatus)),
	}}
	amount := strings.TrimSpace(p(o.Amount) + " " + p(o.Currency))
	if amount == "" {
		amount = "-"
	}
	created := "-"
	if !o.Created.IsZero() {
		created = o.Created.Local().Format(time.DateTime)
	}
	out = append(out, i18n.Tf("  amount %s · created %s", "  金额 %s · 创建于 %s", amount, created))
	for _, l := range o.Lines {
		out = append(out, i18n.Tf("    product %s", "    产品 %s", p(lineText(l))))
	}
	if o.State.Unpaid() {
		if payCommand == "" {
			payCommand = placement.PayCommand(o.OrderID, providers.Target{})
		}
		out = append(out, i18n.Tf("  it waits for payment: `%s`, or pay it in the console",
			"  等待付款:运行 `%s`,或在控制台付款", payCommand))
	}
	return out
}

func lineText(l providers.BillingLine) string {
	var parts []string
	for _, s := range []string{l.ProductID, l.ProductCode, l.Spec, l.SubscriptionType} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if l.PeriodType != 0 || l.PeriodNum != 0 {
		parts = append(parts, fmt.Sprintf("period %d×%d", l.PeriodType, l.PeriodNum))
	}
	if l.Quantity != 0 {
		parts = append(parts, fmt.Sprintf("×%d", l.Quantity))
	}
	if l.Amount != "" {
		parts = append(parts, l.Amount)
	}
	return strings.Join(parts, " · ")
}

func p(s string) string { return providers.Printable(s) }

// CommandLine is the command that refreshes entry, for screens that cannot ask themselves
// (plain mode, submit): `cloudorder status ENTRY`.
func CommandLine(entry string) string { return "cloudorder status " + entry }
