package providers

import (
	"errors"
	"fmt"
	"time"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/inert"
)

// Outcome is how one kind of result reads and ends the command: the one table that submit,
// history and the wizard share, so an outcome is worded once. Messages inside errors carry
// only facts; callers print Headline, then the facts, then Advice.
type Outcome struct {
	Exit     int       // the process exit code (README "Exit codes")
	Word     string    // the machine word in --output json and the history: ok, rejected, unknown, not_sent
	Headline i18n.Text // what happened
	Advice   i18n.Text // what to do next
	Short    i18n.Text // the outcome in a list (`cloudorder history`)
	Meaning  i18n.Text // what the exit code means, in --help's list of them
}

// NothingSent frames a refusal before anything was sent (a bad file, settings, a question
// answered no). Messages inside errors never carry it; the caller that prints adds it once.
var NothingSent = i18n.T("nothing was sent", "未发送任何内容")

// Cancelled is the line that ends a session the person quit before sending anything (the
// wizard's exit, plain mode's end of input or ctrl+c).
var Cancelled = i18n.Tf("cancelled — %s", "已取消 — %s", NothingSent)

// SandboxNothingBought follows an order placed in the sandbox, wherever its IDs are printed.
var SandboxNothingBought = i18n.T("(sandbox: nothing was bought)", "(沙箱:未产生购买)")

// DuplicateWindow is how far back an identical order that succeeded, or may have, makes
// submit refuse it without --allow-duplicate and the wizard ask again.
const DuplicateWindow = 24 * time.Hour

var outcomes = map[Kind]Outcome{
	0: {Exit: 0, Word: "ok", Headline: i18n.T("The order was placed.", "订单已创建。"), Short: i18n.T("ok", "成功"),
		Meaning: i18n.T("done", "完成")},
	Invalid: {Exit: 1, Word: "not_sent", Short: i18n.T("not sent", "未发送"),
		Meaning:  i18n.T("invalid order or settings, nothing sent", "订单或设置无效,未发送"),
		Headline: i18n.T("Not sent: the order or the settings need fixing.", "未发送:订单或设置需要修改。"),
		Advice:   i18n.T("Fix what is named above, then try again.", "请修改上面指出的问题后重试。")},
	Rejected: {Exit: 3, Word: "rejected", Short: i18n.T("rejected", "被拒绝"),
		Meaning:  i18n.T("the API rejected the order (nothing bought)", "接口拒绝了订单(未购买)"),
		Headline: i18n.T("The API rejected the order; nothing was bought.", "接口拒绝了此订单,未产生购买。"),
		Advice:   i18n.T("Fix what the message names, then send it again.", "请按提示修改后再次发送。")},
	Unknown: {Exit: 4, Word: "unknown", Short: i18n.T("unknown — check the console", "未知 — 请在控制台核实"),
		Meaning: i18n.T("sent but the outcome is unknown (check history and the console first)", "已发送但结果未知(请先查看历史与控制台)"),
		Headline: i18n.T("WARNING: the order was sent but no clear answer came back. It MAY HAVE BEEN PLACED.",
			"警告:订单已发送,但未收到明确应答。订单可能已经生成。"),
		Advice: i18n.T("Check `cloudorder history` and the cloud console before trying again: sending it again could buy twice.",
			"再次尝试前请先查看 `cloudorder history` 和云控制台:重复发送可能导致重复购买。")},
	NotSent: {Exit: 5, Word: "not_sent", Short: i18n.T("not sent", "未发送"),
		Meaning: i18n.T("not sent (DNS, connect or TLS failure): safe to retry", "未发送(DNS、连接或 TLS 失败):可以安全重试"),
		Headline: i18n.T("Not sent: nothing left this machine (no connection to the API was made).",
			"未发送:请求没有离开本机(未能连接到接口)。"),
		Advice: i18n.T("It is safe to try again once the cause above is fixed (network, DNS, endpoint or certificate).",
			"排除上述原因(网络、DNS、接入地址或证书)后可以安全重试。")},
}

// OutcomeOf returns the outcome of a kind; 0 is success. An unknown kind reads as Unknown, the
// safe assumption.
func OutcomeOf(k Kind) Outcome {
	if o, ok := outcomes[k]; ok {
		return o
	}
	return outcomes[Unknown]
}

// Failed classifies err (an *Error, or anything else, which reads as Unknown: the safe
// assumption) and returns it with its outcome.
func Failed(err error) (*Error, Outcome) {
	var pe *Error
	if !errors.As(err, &pe) {
		pe = &Error{Kind: Unknown, Message: err.Error(), Err: err}
	}
	return pe, OutcomeOf(pe.Kind)
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

// OutcomeOfWord returns the outcome a history record's word names ("ok", "rejected",
// "not_sent", "unknown"); any other word — a pending record — reads as Unknown.
func OutcomeOfWord(word string) Outcome {
	for _, k := range []Kind{0, Rejected, NotSent} {
		if outcomes[k].Word == word {
			return outcomes[k]
		}
	}
	return outcomes[Unknown]
}

// Describe says which earlier attempt makes an order a possible duplicate, and when.
func (r Recent) Describe() i18n.Text {
	at := r.At.Local().Format(time.DateTime)
	switch {
	case r.Err != nil:
		msg := Printable(r.Err.Error())
		return i18n.Tf("the order history could not be read (%s), so an identical earlier order cannot be ruled out",
			"无法读取订单历史(%s),因此无法排除已有相同订单", msg)
	case r.Outcome == "ok":
		return i18n.Tf("an identical order succeeded at %s (order_id %s, request_id %s; history entry %s)",
			"相同的订单已于 %s 成功(order_id %s,request_id %s;历史记录 %s)",
			at, Printable(r.OrderID), Printable(r.RequestID), r.ID)
	}
	return i18n.Tf("an identical order was sent at %s and its outcome is unknown: it may have been placed (history entry %s)",
		"相同的订单已于 %s 发送,结果未知:可能已经生成(历史记录 %s)", at, r.ID)
}

// PrintableText is t with each language Printable: words a server or an account wrote.
func PrintableText(t i18n.Text) i18n.Text { return i18n.T(Printable(t.EN), Printable(t.ZH)) }

// InertOptions is a look-up's options with their labels and help Printable: they come from
// the account (project, VPC and server group names), and every screen draws them — a name
// holding an escape sequence must not reach the terminal as one. Values stay as they are:
// they are what is sent, and validation refuses one the review could not show
// (flows.TerminalActive); screens show them through Printable.
func InertOptions(opts []flows.Option) []flows.Option {
	out := make([]flows.Option, 0, len(opts))
	for _, o := range opts {
		o.Label, o.Help = PrintableText(o.Label), PrintableText(o.Help)
		out = append(out, o)
	}
	if opts == nil {
		return nil
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

// Printable shows text that came from a server (codes, messages, ids) or an SDK inertly
// (inert.Text: control, C1, DEL, bidi and line-separator characters and invalid UTF-8
// escaped), so an answer cannot move the cursor, recolour the terminal or forge a line.
func Printable(s string) string { return inert.Text(s) }
