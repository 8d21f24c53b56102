package placement

import (
	"errors"
	"strings"

	"cloudorder/i18n"
	"cloudorder/providers"
)

// Advice is what every front-end says about a failed attempt: what happened (Headline) and
// what to do next (Hint), from ONE table — the wizard, plain mode and submit print the same
// words for the same failure. The words name no key or flag of one front-end.
type Advice struct {
	Headline, Hint i18n.Text
	// Credential is set when Hint is a format taking the credential in use (%s).
	Credential bool
	// NamesField is set when the cloud's message names a field of the order (the wizard's e
	// starts on it).
	NamesField bool
	// Word is the machine word: throttled, rejected, unknown, not_sent, interrupted.
	Word string
}

// The advice table's words that are not the outcome table's own.
var (
	throttled     = i18n.T("The API is throttling requests: this order was not placed.", "接口正在限流:本次订单未创建。")
	throttledHint = i18n.T("Wait a minute, then place it again; nothing needs to change.", "请稍等一分钟后再下单;无需修改任何内容。")
	authFailed    = i18n.T("The API did not accept the credentials: nothing was bought.", "接口未接受凭证:未产生购买。")
	authHint      = i18n.T("Check the credential in use (%s): the access key, its secret and the clock; then place it again.",
		"请检查正在使用的凭证(%s):访问密钥、密钥密文以及系统时间;然后再次下单。")
	badValue     = i18n.T("The API rejected a value: nothing was bought.", "接口拒绝了某个取值:未产生购买。")
	badValueHint = i18n.T("Fix the field the message names, then place it again.", "请修正信息中指出的字段,然后再次下单。")
	// Interrupted is the headline of an attempt stopped before anything was sent.
	Interrupted     = i18n.T("Interrupted before sending: nothing was sent.", "发送前已中断:未发送任何内容。")
	interruptedHint = i18n.T("Nothing needs checking: the order never left this machine.", "无需核实:订单从未离开本机。")
)

// adviceRule is code-specific advice: a failure of kind whose cloud error code matches says
// more than its kind's generic words.
type adviceRule struct {
	kind       providers.Kind
	codes      []string // exact codes, "Prefix*" or "*.Suffix"
	headline   i18n.Text
	hint       i18n.Text
	namesField bool
	credential bool
}

// adviceTable holds only what a code adds to its kind; every other failure reads as
// WordingOf words it. The first matching rule wins.
var adviceTable = []adviceRule{
	{kind: providers.Rejected, codes: []string{"SignatureDoesNotMatch", "IncompleteSignature", "InvalidAccessKeyId*",
		"InvalidTimeStamp*", "InvalidSecurityToken*", "Forbidden*", "APIGW.0301", "APIGW.0303", "APIGW.0305", "APIGW.0306"},
		headline: authFailed, hint: authHint, credential: true},
	{kind: providers.Rejected, codes: []string{"InvalidParameter*", "MissingParameter*", "dsc.40000011", "WKS.00211102", "*.InvalidParameter"},
		headline: badValue, hint: badValueHint, namesField: true},
}

// Advise is the advice for an outcome (zero when it was placed).
func Advise(o Outcome) Advice {
	switch {
	case o.Interrupted:
		return Advice{Headline: Interrupted, Hint: interruptedHint, Word: "interrupted"}
	case o.Err == nil:
		return Advice{}
	}
	return AdviseError(o.Err)
}

// AdviseError is the advice for a failure (nil gives none).
func AdviseError(err error) Advice {
	if err == nil {
		return Advice{}
	}
	var pe *providers.Error
	if !errors.As(err, &pe) {
		pe, _ = Failed(err)
	}
	out := WordingOf(pe.Kind)
	if providers.Throttled(pe) { // the rule the look-up cache retries by
		return Advice{Headline: throttled, Hint: throttledHint, Word: "throttled"}
	}
	for _, r := range adviceTable {
		if r.kind == pe.Kind && pe.Code != "" && codeMatches(r.codes, pe.Code) {
			return Advice{Headline: r.headline, Hint: r.hint, Credential: r.credential, NamesField: r.namesField, Word: out.Word}
		}
	}
	// WordingOf reads a kind it does not know as Unknown: the worst is assumed.
	return Advice{Headline: out.Headline, Hint: out.Advice, NamesField: pe.Kind == providers.Rejected, Word: out.Word}
}

// HintText is the hint with the credential in use filled in where it takes one.
func (a Advice) HintText(credential string) i18n.Text {
	if a.Credential {
		return i18n.Tf(a.Hint.EN, a.Hint.ZH, credential)
	}
	return a.Hint
}

func codeMatches(codes []string, code string) bool {
	for _, c := range codes {
		switch {
		case c == code:
			return true
		case strings.HasSuffix(c, "*") && strings.HasPrefix(code, strings.TrimSuffix(c, "*")):
			return true
		case strings.HasPrefix(c, "*") && strings.HasSuffix(code, strings.TrimPrefix(c, "*")):
			return true
		}
	}
	return false
}

// The payment's own words: a failed PayOrders is about money not paid, never about an order
// not bought (the order exists either way).
var (
	payThrottled = i18n.T("The API is throttling requests: nothing was paid.", "接口正在限流:未支付。")
	payAuth      = i18n.T("The API did not accept the credentials: nothing was paid.", "接口未接受凭证:未支付。")
	payAuthHint  = i18n.T("Check the credential in use (%s): the access key, its secret and the clock; then pay again.",
		"请检查正在使用的凭证(%s):访问密钥、密钥密文以及系统时间;然后再次支付。")
	payWords = map[providers.Kind][2]i18n.Text{
		providers.Invalid: {i18n.T("Not sent: the payment or the settings need fixing; nothing was paid.", "未发送:支付或设置需要修改;未支付。"),
			i18n.T("Fix what is named above, then pay again.", "请修改上面指出的问题后再次支付。")},
		providers.Rejected: {i18n.T("The payment was refused; nothing was paid.", "支付被拒绝;未支付。"),
			i18n.T("Nothing changed: fix what the message names (the order id, its region, the account's balance), then pay again, or pay in the console.",
				"没有任何变化:请按提示修改(订单号、区域、账户余额)后再次支付,或在控制台支付。")},
		providers.Unknown: {i18n.T("WARNING: the payment was sent but no clear answer came back. It MAY HAVE BEEN PAID.",
			"警告:支付请求已发送,但未收到明确应答。可能已经支付。"), PayUnknown},
		providers.NotSent: {i18n.T("Not sent: nothing left this machine; nothing was paid.", "未发送:请求没有离开本机;未支付。"),
			i18n.T("It is safe to pay again once the cause above is fixed (network, DNS, endpoint or certificate).",
				"排除上述原因(网络、DNS、接入地址或证书)后可以安全地再次支付。")},
	}
)

// AdvisePayment is the advice for a payment's outcome (zero when it was paid): the same rules
// as Advise — the kind, throttling, a credential code — in the payment's words.
func AdvisePayment(o Outcome) Advice {
	switch {
	case o.Interrupted:
		return Advice{Headline: i18n.T("Interrupted before sending: nothing was paid.", "发送前已中断:未支付。"),
			Hint: i18n.T("The order stays unpaid: pay it when you are ready.", "订单仍未支付:准备好后再支付。"), Word: "interrupted"}
	case o.Err == nil:
		return Advice{}
	}
	a := AdviseError(o.Err)
	switch {
	case a.Word == "throttled":
		a.Headline, a.Hint = payThrottled, i18n.T("Wait a minute, then pay again; nothing needs to change.", "请稍等一分钟后再次支付;无需修改任何内容。")
	case a.Credential:
		a.Headline, a.Hint = payAuth, payAuthHint
	default:
		w, ok := payWords[o.Err.Kind]
		if !ok {
			w = payWords[providers.Unknown] // a kind it does not know: the worst is assumed
		}
		a.Headline, a.Hint = w[0], w[1]
	}
	a.NamesField = false // a payment has no field of the order to start editing at
	return a
}
