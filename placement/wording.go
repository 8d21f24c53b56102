package placement

import (
	"errors"
	"time"

	"cloudorder/i18n"
	"cloudorder/providers"
)

// Wording is how one kind of result reads and ends the command: the one table that submit,
// history, plain mode and the wizard share, so an outcome is worded once (the exit code and
// machine word are the kind's own: providers.Kind.Exit, Word). Messages inside errors carry
// only facts; callers print Headline, then the facts, then Advice.
type Wording struct {
	Exit     int       // the kind's process exit code (providers.Kind.Exit)
	Word     string    // the kind's machine word (providers.Kind.Word)
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

var outcomes = map[providers.Kind]Wording{
	0: {Headline: i18n.T("The order was placed.", "订单已创建。"), Short: i18n.T("ok", "成功"),
		Meaning: i18n.T("done", "完成")},
	providers.Invalid: {Short: i18n.T("not sent", "未发送"),
		Meaning:  i18n.T("invalid order or settings, nothing sent", "订单或设置无效,未发送"),
		Headline: i18n.T("Not sent: the order or the settings need fixing.", "未发送:订单或设置需要修改。"),
		Advice:   i18n.T("Fix what is named above, then try again.", "请修改上面指出的问题后重试。")},
	providers.Rejected: {Short: i18n.T("rejected", "被拒绝"),
		Meaning:  i18n.T("the API rejected the order (nothing bought)", "接口拒绝了订单(未购买)"),
		Headline: i18n.T("The API rejected the order; nothing was bought.", "接口拒绝了此订单,未产生购买。"),
		Advice:   i18n.T("Fix what the message names, then send it again.", "请按提示修改后再次发送。")},
	providers.Unknown: {Short: i18n.T("unknown — check the console", "未知 — 请在控制台核实"),
		Meaning: i18n.T("sent but the outcome is unknown (check history and the console first)", "已发送但结果未知(请先查看历史与控制台)"),
		Headline: i18n.T("WARNING: the order was sent but no clear answer came back. It MAY HAVE BEEN PLACED.",
			"警告:订单已发送,但未收到明确应答。订单可能已经生成。"),
		Advice: i18n.T("Check `cloudorder history` and the cloud console before trying again: sending it again could buy twice.",
			"再次尝试前请先查看 `cloudorder history` 和云控制台:重复发送可能导致重复购买。")},
	providers.NotSent: {Short: i18n.T("not sent", "未发送"),
		Meaning: i18n.T("not sent (DNS, connect or TLS failure): safe to retry", "未发送(DNS、连接或 TLS 失败):可以安全重试"),
		Headline: i18n.T("Not sent: nothing left this machine (no connection to the API was made).",
			"未发送:请求没有离开本机(未能连接到接口)。"),
		Advice: i18n.T("It is safe to try again once the cause above is fixed (network, DNS, endpoint or certificate).",
			"排除上述原因(网络、DNS、接入地址或证书)后可以安全重试。")},
}

// WordingOf returns the wording of a kind; 0 is success. An unknown kind reads as Unknown, the
// safe assumption.
func WordingOf(k providers.Kind) Wording {
	o, ok := outcomes[k]
	if !ok {
		k, o = providers.Unknown, outcomes[providers.Unknown]
	}
	o.Exit, o.Word = k.Exit(), k.Word()
	return o
}

// Failed classifies err (an *Error, or anything else, which reads as Unknown: the safe
// assumption) and returns it with its wording.
func Failed(err error) (*providers.Error, Wording) {
	var pe *providers.Error
	if !errors.As(err, &pe) {
		pe = &providers.Error{Kind: providers.Unknown, Message: err.Error(), Err: err}
	}
	return pe, WordingOf(pe.Kind)
}

// WordingOfWord returns the wording of the outcome a history record's word names ("ok",
// "rejected", "not_sent", "unknown"); any other word — a pending record — reads as Unknown.
func WordingOfWord(word string) Wording { return WordingOf(providers.KindOfWord(word)) }

// DescribeRecent says which earlier attempt makes an order a possible duplicate, and when.
func DescribeRecent(r providers.Recent) i18n.Text {
	at := r.At.Local().Format(time.DateTime)
	switch {
	case r.Err != nil:
		msg := providers.Printable(r.Err.Error())
		return i18n.Tf("the order history could not be read (%s), so an identical earlier order cannot be ruled out",
			"无法读取订单历史(%s),因此无法排除已有相同订单", msg)
	case r.Outcome == "ok":
		return i18n.Tf("an identical order succeeded at %s (order_id %s, request_id %s; history entry %s)",
			"相同的订单已于 %s 成功(order_id %s,request_id %s;历史记录 %s)",
			at, providers.Printable(r.OrderID), providers.Printable(r.RequestID), r.ID)
	case r.Unrecorded:
		return i18n.Tf("an identical order was started at %s and its outcome was never recorded (the process ended): "+
			"it may not have been sent, or it may have been placed (history entry %s)",
			"相同的订单已于 %s 开始发送,但结果从未记录(进程已结束):可能未发送,也可能已经生成(历史记录 %s)", at, r.ID)
	}
	return i18n.Tf("an identical order was sent at %s and its outcome is unknown: it may have been placed (history entry %s)",
		"相同的订单已于 %s 发送,结果未知:可能已经生成(历史记录 %s)", at, r.ID)
}
