package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/orderstatus"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/journal"
	"cloudorder/ui"
)

// statusOptions are the flags of `cloudorder status`.
type statusOptions struct {
	cloudFlags
	output string
}

// newStatusCmd is `cloudorder status [ID...]`: its flags, then runStatus.
func newStatusCmd(c *cli) *cobra.Command {
	var opts statusOptions
	cmd := &cobra.Command{
		Use:   c.say(i18n.T("status [ID...] [flags]", "status [编号...] [选项]")),
		Short: c.say(i18n.T("the orders' state from the cloud; resolves unknown outcomes", "从云平台查询订单状态;确定结果未知的订单")),
		Long: c.say(i18n.T("Ask the cloud's billing records about orders sent from this machine. With a history "+
			"entry id or an order id: the order's state (pending payment, processing, completed, "+
			"cancelled), amount, creation time and products. An entry whose outcome was unknown is "+
			"resolved: the cloud's orders created around it are matched to the order sent (placed, "+
			"not placed, or ambiguous). With no id: every entry that is unknown, pending or unpaid. "+
			"The history records what was found.",
			"向云平台的账单记录查询从本机发送的订单。给出历史记录编号或订单号:订单状态(待支付、处理中、"+
				"已完成、已取消)、金额、创建时间与产品。结果未知的记录会被确认:将其前后创建的云平台订单与"+
				"所发订单比对(已下单、未下单或无法确定)。不给编号:查询所有结果未知、未完成或未付款的记录。"+
				"查询结果记入历史。")),
		Example: "cloudorder status\ncloudorder status CS2612070615ABCDE --output json\ncloudorder status --sandbox\ncloudorder status --endpoint http://127.0.0.1:8790",
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(func() int {
				if !c.flagWord("output", opts.output, "text", "json") || !c.positiveTimeout(opts.timeout) {
					return exitUsage
				}
				return runStatus(c, opts, args)
			})
		},
	}
	fs := cmd.Flags()
	c.outputFlag(cmd, &opts.output, "text", "json")
	c.endpointFlag(fs, &opts.endpoint)
	fs.BoolVar(&opts.sandbox, "sandbox", false, c.say(i18n.T("ask the in-process sandbox's order book (the orders --sandbox placed)",
		"查询内置沙箱的订单记录(--sandbox 所下的订单)")))
	c.timeoutFlag(fs, &opts.timeout)
	c.profileFlag(cmd, &opts.profile)
	return cmd
}

// runStatus asks the cloud about the entries named by ids (history entry ids or order ids),
// or, with none, about every entry that is due (orderstatus.Due): the order's state, or an
// unknown outcome resolved from the cloud's orders. The history records what was settled.
// Exit: 0 every entry answered (an ambiguous or not-yet answer included) · 2 usage, an id not
// in the history, or an entry sent elsewhere · else the exit of the worst failure's kind
// (1 settings, 3 the billing API refused, 4 no clear answer, 5 not sent).
func runStatus(c *cli, opts statusOptions, ids []string) int {
	path := config.HistoryPath(c.getenv)
	h, err := journal.Load(path)
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder status: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	}
	_, p, closer, err := opts.open(c)
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder status: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	}
	defer closer.Close()
	book, okBook := p.(providers.OrderBook)
	note, okNote := p.(orderstatus.Noter)
	if !okBook || !okNote {
		fmt.Fprintln(c.stderr, c.say(i18n.T("cloudorder status: the cloud's order records cannot be read here", "cloudorder status:此处无法读取云平台的订单记录")))
		return exitUsage
	}

	entries, code := statusEntries(c, h.Entries, ids, p)
	if len(entries) == 0 {
		if code == exitOK {
			fmt.Fprintln(c.stdout, c.say(i18n.T("nothing to check: no order in the history is unknown, pending or unpaid",
				"无需查询:历史中没有结果未知、未完成或未付款的订单")))
		}
		return code
	}
	var reports []orderstatus.Report
	var elsewhere []journal.Entry // due entries sent to another target: not asked here
	for _, e := range entries {
		t := p.Target(e.Intent.API, e.Intent.Region)
		if !orderstatus.SameTarget(catalog.Flow(e.Intent.API), e, t) {
			if len(ids) == 0 {
				elsewhere = append(elsewhere, e)
				continue
			}
			fmt.Fprintln(c.stderr, c.say(otherTarget(e, t)))
			code = max(code, exitUsage)
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), opts.timeout)
		rep := orderstatus.Refresh(ctx, book, note, e, time.Now())
		cancel()
		if rep.Order != nil { // asked where it was sent: this run's flags pay it there too
			rep.PayCommand = placement.PayCommand(rep.Order.OrderID, t)
		}
		reports = append(reports, rep)
		if rep.Err != nil {
			code = max(code, providers.KindOf(rep.Err).Exit())
		}
	}
	if len(elsewhere) > 0 {
		fmt.Fprintln(c.stderr, c.say(elsewhereNote(elsewhere)))
		if len(reports) == 0 && opts.output != "json" {
			fmt.Fprintln(c.stdout, c.say(i18n.T("nothing to check here: every entry due was sent elsewhere (see the note)",
				"此处无需查询:所有待查询的记录都发往别处(见提示)")))
		}
	}
	if opts.output == "json" {
		out := make([]statusItem, 0, len(reports))
		for _, r := range reports {
			out = append(out, statusItemOf(r))
		}
		writeJSONLine(c.stdout, out)
		return code
	}
	for i, r := range reports {
		if i > 0 {
			fmt.Fprintln(c.stdout)
		}
		for _, l := range r.Lines() {
			fmt.Fprintln(c.stdout, c.say(l))
		}
	}
	return code
}

// otherTarget says that e was sent where this run does not read, and how to ask there.
func otherTarget(e journal.Entry, t providers.Target) i18n.Text {
	if orderstatus.InProcess(catalog.Flow(e.Intent.API), e) {
		return i18n.Tf("cloudorder status: entry %s was sent to the in-process sandbox: run `cloudorder status %s --sandbox`",
			"cloudorder status:记录 %s 发往内置沙箱:请运行 `cloudorder status %s --sandbox`", e.Intent.ID, e.Intent.ID)
	}
	ep := providers.Printable(e.Intent.Endpoint)
	return i18n.Tf("cloudorder status: entry %s was sent to %s, and this run reads %s: run `cloudorder status %s --endpoint %s`",
		"cloudorder status:记录 %s 发往 %s,而本次读取的是 %s:请运行 `cloudorder status %s --endpoint %s`",
		e.Intent.ID, ep, providers.Printable(t.Endpoint), e.Intent.ID, ep)
}

// elsewhereNote is one line about the due entries a bare `status` did not ask about because
// they were sent to another endpoint or to the in-process sandbox.
func elsewhereNote(es []journal.Entry) i18n.Text {
	inProcess, eps := 0, []string{}
	for _, e := range es {
		if orderstatus.InProcess(catalog.Flow(e.Intent.API), e) {
			inProcess++
			continue
		}
		if ep := providers.Printable(e.Intent.Endpoint); !slices.Contains(eps, ep) {
			eps = append(eps, ep)
		}
	}
	t := i18n.Text{}
	if len(eps) > 0 {
		t = i18n.Tf("note: entries sent elsewhere, not asked about here: %d; run `cloudorder status --endpoint URL` with %s.",
			"注意:发往别处、未在此查询的记录:%d 条;请对 %s 运行 `cloudorder status --endpoint URL`。",
			len(es)-inProcess, strings.Join(eps, ", "))
	}
	if inProcess > 0 {
		ip := i18n.Tf("note: entries sent to the in-process sandbox, not asked about here: %d; run `cloudorder status --sandbox`.",
			"注意:发往内置沙箱、未在此查询的记录:%d 条;请运行 `cloudorder status --sandbox`。", inProcess)
		if t.EN == "" {
			return ip
		}
		t = i18n.Text{EN: t.EN + "\n" + ip.EN, ZH: t.ZH + "\n" + ip.ZH}
	}
	return t
}

// statusEntries are the entries ids name (each must be in the history), or the due ones.
func statusEntries(c *cli, all []journal.Entry, ids []string, p providers.Provider) ([]journal.Entry, int) {
	if len(ids) == 0 {
		unpaid := func(api flows.APIID) bool {
			u, ok := p.(providers.UnpaidOrders)
			if !ok {
				return false
			}
			yes, _ := u.Unpaid(api)
			return yes
		}
		return orderstatus.Due(all, unpaid), exitOK
	}
	var out []journal.Entry
	code := exitOK
	for _, id := range ids {
		e, ok := orderstatus.Find(all, id)
		if !ok {
			// An entry id shortened as history show takes it (its random end or its start).
			n := 0
			e, n = entryByID(slices.DeleteFunc(slices.Clone(all), func(x journal.Entry) bool {
				return x.Intent.API == providers.PayOrdersAPI
			}), id)
			if n > 1 {
				fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder status: %q names %d history entries: give more of the id",
					"cloudorder status:%q 对应 %d 条历史记录:请给出更完整的 ID", providers.Printable(id), n)))
				code = exitUsage
				continue
			}
			ok = n == 1
		}
		if !ok {
			fmt.Fprintln(c.stderr, c.say(i18n.Tf(
				"cloudorder status: %q is neither a history entry nor an order id in this machine's history (`cloudorder history` lists them)",
				"cloudorder status:%q 既不是历史记录编号,也不是本机历史中的订单号(`cloudorder history` 可列出)", providers.Printable(id))))
			code = exitUsage
			continue
		}
		out = append(out, e)
	}
	return out, code
}

// statusItem is one entry in `status --output json`.
type statusItem struct {
	Entry      string                  `json:"entry"`
	API        flows.APIID             `json:"api"`
	Region     string                  `json:"region"`
	Order      *providers.BillingOrder `json:"order,omitempty"`
	StateText  *i18n.Text              `json:"state_text,omitempty"`
	Resolution *orderstatus.Resolution `json:"resolution,omitempty"`
	Error      string                  `json:"error,omitempty"`
	Kind       string                  `json:"error_kind,omitempty"` // not_sent, rejected, unknown …
}

func statusItemOf(r orderstatus.Report) statusItem {
	it := statusItem{Entry: r.Entry.Intent.ID, API: r.Entry.Intent.API, Region: r.Entry.Intent.Region, Order: r.Order,
		Resolution: r.Resolution}
	if r.Order != nil {
		t := r.Order.State.Text()
		it.StateText = &t
	}
	if r.Err != nil {
		it.Error, it.Kind = providers.Printable(r.Err.Error()), providers.KindOf(r.Err).Word()
	}
	return it
}

// printCheckedOrHint ends the wizard's exit lines after an unknown outcome: what "check now"
// (ui/check.go) learnt from the cloud's orders and recorded, or else the status line to run.
func printCheckedOrHint(c *cli, o ui.Outcome, endpoint string, inProcess bool) {
	switch {
	case o.OrderID == "" && o.Found != "":
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("The cloud's order records show it WAS placed: order %s (recorded in the history; `%s` tells its state).",
			"云平台订单记录显示订单已生成:订单 %s(已记入历史;`%s` 可查询其状态)。", providers.Printable(o.Found), statusCommand(o.Found, endpoint, inProcess))))
	case o.OrderID == "" && o.NotPlaced:
		fmt.Fprintln(c.stderr, c.say(i18n.T("The cloud's order records show it was NOT placed (recorded in the history: it may be sent again, once).",
			"云平台订单记录显示订单未生成(已记入历史:可以再次发送一次)。")))
	default:
		printStatusHint(c, o.OrderID == "" && o.Failure == providers.Unknown, endpoint, inProcess)
	}
}

// printStatusHint prints, when the outcome is unknown, the command that asks the cloud what
// became of the order (the wizard's and plain mode's exit lines; submit prints it with its
// advice).
func printStatusHint(c *cli, unknown bool, endpoint string, inProcess bool) {
	if unknown {
		fmt.Fprintln(c.stderr, c.say(statusHint(endpoint, inProcess)))
	}
}

// sentTo is where the entry's order was sent, as far as paying it again needs to know: the
// cloud, the in-process sandbox (--sandbox) or another endpoint (--endpoint).
func sentTo(e journal.Entry) providers.Target {
	t := providers.Target{Mode: e.Intent.Mode, Endpoint: e.Intent.Endpoint}
	if api := catalog.Flow(e.Intent.API); api != nil {
		t.InProcess = orderstatus.InProcess(api, e)
	}
	return t
}
