package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/journal"
)

// historyShowOptions are the options of `cloudorder history show`.
type historyShowOptions struct{ output string }

// newHistoryShowCmd is `cloudorder history show ID`; runHistoryShow does the work.
func newHistoryShowCmd(c *cli) *cobra.Command {
	var opts historyShowOptions
	cmd := &cobra.Command{
		Use:   c.say(i18n.T("show ID [flags]", "show 记录ID [选项]")),
		Short: c.say(i18n.T("show one history entry whole: target, body sent, outcome, payments", "完整显示一条历史记录:目标、发送的请求体、结果、支付")),
		Long: c.say(i18n.T("Show one history entry whole: target, the body exactly as sent, outcome, order and request ids, "+
			"payments. ID is the entry's id (history lists it) or a part that begins or ends it.",
			"完整显示一条历史记录:目标、与发送内容完全一致的请求体、结果、订单号与请求号、支付。"+
				"记录ID 为该记录的 ID(history 会列出),或其唯一的开头或结尾部分。")),
		Example: "cloudorder history show 3f2a\ncloudorder history show 3f2a --output json",
		Args:    exactArgs(1, i18n.T("one entry id", "一个记录 ID")),
	}
	c.runWithOutput(cmd, &opts.output, func(args []string) int { return runHistoryShow(c, opts, args) })
	return cmd
}

// newHistoryExportCmd is `cloudorder history export ID`; runHistoryExport does the work.
func newHistoryExportCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:   c.say(i18n.T("export ID [flags]", "export 记录ID [选项]")),
		Short: c.say(i18n.T("print the order file an entry sent", "输出某条记录发送的订单文件")),
		Long: c.say(i18n.T("Print the order an entry sent as an order file, JSON-equal to the file it came from: "+
			"ready for diff, review or another submit.",
			"把某条记录发送的订单输出为订单文件,与原文件的 JSON 内容相同:可用于 diff、review 或再次 submit。")),
		Example: "cloudorder history export 3f2a > again.json",
		Args:    exactArgs(1, i18n.T("one entry id", "一个记录 ID")),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(func() int { return runHistoryExport(c, args) })
		},
	}
}

// findEntry reads the history and returns the entry named id (its whole id, or a part that
// begins or ends it and names one entry). ok false: said why, exit 2.
func findEntry(c *cli, cmd, id string) (journal.History, journal.Entry, bool) {
	path := config.HistoryPath(c.getenv)
	h, err := journal.Load(path)
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder %s: %s\n", cmd, c.say(i18n.TextOf(err)))
		return h, journal.Entry{}, false
	}
	e, found := entryByID(h.Entries, id)
	switch found {
	case 1:
		return h, e, true
	case 0:
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder %s: no history entry %q in %s (cloudorder history lists the ids)",
			"cloudorder %[1]s:%[3]s 中没有历史记录 %[2]q(cloudorder history 列出记录 ID)", cmd, id, path)))
	default:
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder %s: %q names %d history entries: give more of the id",
			"cloudorder %s:%q 对应 %d 条历史记录:请给出更完整的 ID", cmd, id, found)))
	}
	return h, journal.Entry{}, false
}

// entryByID finds the entry whose id is id, or, failing that, the entries whose id begins or
// ends with it (the random part is enough to name one); it returns how many matched.
func entryByID(entries []journal.Entry, id string) (journal.Entry, int) {
	if id == "" {
		return journal.Entry{}, 0
	}
	var matches []journal.Entry
	for _, e := range entries {
		switch {
		case e.Intent.ID == id:
			return e, 1
		case strings.HasPrefix(e.Intent.ID, id), strings.HasSuffix(e.Intent.ID, id):
			matches = append(matches, e)
		}
	}
	if len(matches) == 1 {
		return matches[0], 1
	}
	return journal.Entry{}, len(matches)
}

// historyRecord is `history show --output json`: the entry as `history --output json` lists
// it, with the body sent and the payments of its order.
type historyRecord struct {
	historyItem
	Body     json.RawMessage `json:"body"`
	Payments []historyItem   `json:"payments"`
	// Digest is the order's identity (placement.Digest), as review printed it.
	Digest string `json:"digest,omitempty"`
	// Amount and Currency are the price the review showed when the order was placed, when the
	// cloud quoted one.
	Amount   string `json:"amount,omitempty"`
	Currency string `json:"currency,omitempty"`
}

// payments are the payment entries (providers.PayOrdersAPI) of order orderID.
func payments(entries []journal.Entry, orderID string) []journal.Entry {
	if orderID == "" {
		return nil
	}
	var out []journal.Entry
	for _, e := range entries {
		var body struct {
			OrderID string `json:"order_id"`
		}
		if e.Intent.API == providers.PayOrdersAPI && json.Unmarshal(e.Intent.Body, &body) == nil && body.OrderID == orderID {
			out = append(out, e)
		}
	}
	return out
}

// runHistoryShow prints one history entry whole: target, body sent, outcome, order id, the
// price when recorded, and its payments. Exit 0 shown · 2 usage error, no such entry or an
// unreadable history.
func runHistoryShow(c *cli, opts historyShowOptions, args []string) int {
	h, e, ok := findEntry(c, "history show", args[0])
	if !ok {
		return exitUsage
	}
	pays := payments(h.Entries, e.Result.OrderID)
	if opts.output == "json" {
		rec := historyRecord{historyItem: item(e, paymentStates(pays)), Body: e.Intent.Body, Payments: []historyItem{}, Digest: e.Intent.Digest,
			Amount: e.Intent.Amount, Currency: e.Intent.Currency}
		for _, p := range pays {
			rec.Payments = append(rec.Payments, item(p, nil))
		}
		writeJSONLine(c.stdout, rec)
		return exitOK
	}
	fmt.Fprint(c.stdout, c.entryText(e, pays))
	return exitOK
}

// entryText is one entry as a person reads it; server text is shown inert.
func (c *cli) entryText(e journal.Entry, pays []journal.Entry) string {
	in, r := e.Intent, e.Result
	rows := [][]string{
		{c.say(i18n.T("Entry", "记录")), in.ID},
		{c.say(i18n.T("Time", "时间")), in.At.Local().Format(time.DateTime)},
		{c.say(i18n.T("API", "接口")), providers.Printable(string(in.API))},
		{c.say(i18n.T("Region", "区域")), providers.Printable(in.Region)},
		{c.say(i18n.T("Project", "项目")), dash(in.ProjectID)},
		{c.say(i18n.T("Endpoint", "接入地址")), dash(in.Endpoint)},
		{c.say(i18n.T("Mode", "模式")), c.say(in.Mode.Text())},
		{c.say(i18n.T("Outcome", "结果")), c.say(outcomeText(e, paymentStates(pays)))},
		{c.say(i18n.T("Order ID", "订单号")), dash(r.OrderID)},
		{c.say(i18n.T("Request ID", "请求号")), dash(r.RequestID)},
	}
	if r.Message != "" {
		rows = append(rows, []string{c.say(i18n.T("Message", "消息")), providers.Printable(r.Message)})
	}
	if r.Error != "" && r.Message == "" {
		rows = append(rows, []string{c.say(i18n.T("Error", "错误")), providers.Printable(r.Error)})
	}
	price := i18n.T("none recorded: no price was shown when it was placed", "无记录:下单时未显示价格")
	if in.Amount != "" {
		amount := providers.Printable(providers.JoinNonEmpty(" ", in.Amount, in.Currency))
		price = i18n.Tf("%s (list price shown at review)", "%s(审阅时显示的官网价)", amount)
	}
	rows = append(rows, []string{c.say(i18n.T("Price", "价格")), c.say(price)})
	if in.Digest != "" {
		rows = append(rows, []string{c.say(i18n.T("Digest", "摘要")), in.Digest})
	}
	pay := c.say(i18n.T("none recorded", "无记录"))
	if len(pays) > 0 {
		var parts []string
		for _, p := range pays {
			parts = append(parts, fmt.Sprintf("%s %s (%s)", p.Intent.At.Local().Format(time.DateTime), c.say(outcomeText(p, nil)), p.Intent.ID))
		}
		pay = strings.Join(parts, "; ")
	}
	rows = append(rows, []string{c.say(i18n.T("Payment", "支付")), pay})
	var b strings.Builder
	b.WriteString(alignColumns(rows, 2))
	b.WriteString("\n" + c.say(i18n.Tf("Body (exactly what was sent, sha256 %s):", "请求体(与发送内容完全一致,sha256 %s):", in.BodySHA256)) + "\n")
	var body bytes.Buffer
	if err := json.Indent(&body, in.Body, "", "  "); err != nil {
		body.Reset()
		body.Write(in.Body)
	}
	for _, line := range strings.Split(body.String(), "\n") {
		b.WriteString("  " + providers.Printable(line) + "\n")
	}
	return b.String()
}

// runHistoryExport writes the order an entry sent as an order file (api, region, project_id,
// body), JSON-equal to the file it came from: ready for diff, review or another submit.
// Exit 0 written · 2 usage error, no such entry, an unreadable history, or an entry that is not
// an order (a payment).
func runHistoryExport(c *cli, args []string) int {
	_, e, ok := findEntry(c, "history export", args[0])
	if !ok {
		return exitUsage
	}
	o, ok := entryOrder(e)
	if !ok {
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder history export: %s is %s, not an order: there is no order file to export",
			"cloudorder history export:%s 是 %s,不是订单:没有可导出的订单文件", e.Intent.ID, e.Intent.API)))
		return exitUsage
	}
	out, err := o.MarshalFile()
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder history export: %v\n", err)
		return exitUsage
	}
	_, _ = c.stdout.Write(out)
	return exitOK
}

// entryOrder is the order an entry sent; false for entries that are not orders (payments).
func entryOrder(e journal.Entry) (flows.Order, bool) {
	in := e.Intent
	if catalog.Flow(in.API) == nil {
		return flows.Order{}, false
	}
	return flows.Order{API: in.API, Region: in.Region, ProjectID: in.ProjectID, Body: in.Body}, true
}
