package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/cloud"
	"cloudorder/providers/journal"
)

// historyFlags are the options of `cloudorder history`.
type historyFlags struct {
	output, since string
	limit         int
}

// newHistoryCmd is `cloudorder history`.
func newHistoryCmd(c *cli) *cobra.Command {
	var f historyFlags
	cmd := &cobra.Command{
		Use: c.say(i18n.T("history [flags]", "history [选项]")),
		Short: c.say(i18n.T("list the orders sent from this machine; show one whole, or export the order file it sent",
			"列出从本机发送的订单;完整显示一条,或导出其发送的订单文件")),
		Long: c.say(i18n.T("List the orders sent from this machine, oldest first, line by line as the history is read. An order whose outcome is unknown is "+
			"flagged: it may exist; `cloudorder status` asks the cloud's order records (or check the console), and what it finds is shown here.",
			"列出从本机发送的订单,最早的在前,边读边输出。结果未知的订单会被标出:它可能已存在;`cloudorder status` 会向云平台订单记录查询(或在控制台核实),查到的结果显示在这里。")),
		Example: "cloudorder history\ncloudorder history --since 7d --limit 20\ncloudorder history --since 2026-12-01 --output json\ncloudorder history show 3f2a",
		Args:    c.noArgs,
	}
	c.runWithOutput(cmd, &f.output, func(_ []string) int { return runHistory(c, f) })
	fs := cmd.Flags()
	fs.StringVar(&f.since, "since", "", c.say(i18n.T("only orders started since `WHEN`: a date (2026-12-01), a time (2026-12-01T08:00:00Z) or an age (36h, 7d)",
		"只列出`时间`之后开始的订单:日期(2026-12-01)、时刻(2026-12-01T08:00:00Z)或时长(36h、7d)")))
	fs.IntVar(&f.limit, "limit", 0, c.say(i18n.T("only the newest `N` orders (0: all)", "只列出最新的 `N` 条订单(0:全部)")))
	cmd.AddCommand(newHistoryShowCmd(c), newHistoryExportCmd(c))
	return cmd
}

// runHistory lists the order journal, oldest first so the newest stays on screen, as it is
// read (journal.Stream: 10^5 orders print in a few MiB). An order whose outcome is unknown —
// or was never written because the process died mid-flight — is flagged: it may exist until
// `cloudorder status` resolves it (orderstatus), which shows here.
func runHistory(c *cli, f historyFlags) int {
	since, ok := c.parseSince(f.since, time.Now())
	if !ok {
		return exitUsage
	}
	if f.limit < 0 {
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder: --limit must be 0 (all) or more, not %d", "cloudorder:--limit 必须是 0(全部)或更大,而不是 %d", f.limit)))
		return exitUsage
	}
	path := config.HistoryPath(c.getenv)
	opts := journal.StreamOptions{Since: since, Limit: f.limit}
	var shown int
	var list func(journal.Entry, journal.StreamInfo) error
	var end func()
	if f.output == "json" {
		w := bufio.NewWriter(c.stdout)
		list = func(e journal.Entry, info journal.StreamInfo) error {
			sep := ","
			if shown == 0 {
				sep = "["
			}
			shown++
			w.WriteString(sep)
			_, err := w.Write(bytes.TrimSuffix(jsonLine(item(e, info.Payments)), []byte("\n")))
			return err
		}
		end = func() {
			if shown == 0 {
				w.WriteString("[")
			}
			w.WriteString("]\n")
			_ = w.Flush()
		}
	} else {
		t := &columns{w: c.stdout, gap: 2}
		t.add(strings.Split(c.say(i18n.T("TIME|API|REGION|MODE|OUTCOME|ORDER ID|REQUEST ID|ENTRY", "时间|接口|区域|模式|结果|订单号|请求号|记录")), "|"))
		list = func(e journal.Entry, info journal.StreamInfo) error {
			shown++
			in := e.Intent
			return t.add([]string{in.At.Local().Format(time.DateTime), providers.Printable(string(in.API)),
				providers.Printable(in.Region), c.say(in.Mode.Text()), c.say(outcomeText(e, info.Payments)),
				dash(e.OrderID()), dash(e.Result.RequestID), in.ID})
		}
		end = func() {
			if shown == 0 {
				if since.IsZero() {
					fmt.Fprintln(c.stdout, c.say(i18n.Tf("no orders yet (%s)", "尚无订单(%s)", path)))
				} else {
					fmt.Fprintln(c.stdout, c.say(i18n.Tf("no orders since %s (%s)", "%s 之后没有订单(%s)", since.Local().Format(time.DateTime), path)))
				}
				return
			}
			_ = t.flush()
		}
	}
	info, err := journal.Stream(path, opts, list)
	if err != nil && shown == 0 {
		fmt.Fprintf(c.stderr, "cloudorder history: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	}
	end()
	for _, n := range info.Torn {
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("warning: %s line %d is not a whole record (a write was cut short) and was skipped",
			"警告:%s 第 %d 行不是完整记录(写入被中断),已跳过", path, n)))
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder history: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	}
	return exitOK
}

// parseSince reads --since: a date (local midnight), a date and time (RFC 3339, or local
// "2006-01-02 15:04"), or an age before now (a Go duration such as 36h, or whole days, 7d);
// "" is no bound. It says the rule when the value is none of these.
func (c *cli) parseSince(v string, now time.Time) (time.Time, bool) {
	if v == "" {
		return time.Time{}, true
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, true
	}
	for _, layout := range []string{time.DateOnly, "2006-01-02 15:04", time.DateTime} {
		if t, err := time.ParseInLocation(layout, v, time.Local); err == nil {
			return t, true
		}
	}
	if days, ok := strings.CutSuffix(v, "d"); ok {
		if n, err := strconv.Atoi(days); err == nil && n >= 0 && n <= 100*366 {
			return now.AddDate(0, 0, -n), true
		}
	}
	if d, err := time.ParseDuration(v); err == nil && d >= 0 {
		return now.Add(-d), true
	}
	fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder: --since must be a date (2026-12-01), a time (2026-12-01T08:00:00Z) or an age (36h, 7d), not %q",
		"cloudorder:--since 必须是日期(2026-12-01)、时刻(2026-12-01T08:00:00Z)或时长(36h、7d),而不是 %q", v)))
	return time.Time{}, false
}

// columns writes rows aligned by display width as they come: in blocks, each column as wide
// as its widest cell so far, so a long history prints without being held whole (a column
// widens, never narrows, past a block boundary).
type columns struct {
	w      io.Writer
	gap    int
	widths []int
	rows   [][]string
}

// columnsBlock is how many rows are aligned together before they are written.
const columnsBlock = 512

func (t *columns) add(row []string) error {
	t.rows = append(t.rows, row)
	if len(t.rows) < columnsBlock {
		return nil
	}
	return t.flush()
}

func (t *columns) flush() error {
	for _, r := range t.rows {
		for i, cell := range r {
			if i >= len(t.widths) {
				t.widths = append(t.widths, 0)
			}
			t.widths[i] = max(t.widths[i], lipgloss.Width(cell))
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		for i, cell := range r {
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", t.widths[i]-lipgloss.Width(cell)+t.gap))
			}
		}
		b.WriteString("\n")
	}
	t.rows = t.rows[:0]
	_, err := io.WriteString(t.w, b.String())
	return err
}

// alignColumns lays rows out in columns padded by display width (lipgloss.Width: a Chinese
// character takes two cells), gap cells apart; text/tabwriter counts runes, so Chinese
// headers and outcomes pushed the columns after them out of line.
func alignColumns(rows [][]string, gap int) string {
	var widths []int
	for _, r := range rows {
		for i, cell := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], lipgloss.Width(cell))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, cell := range r {
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-lipgloss.Width(cell)+gap))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// outcomeText is the outcome as the person should read it, with what `cloudorder status`
// later learnt from the cloud: an unknown outcome's resolution, the order's last state.
func outcomeText(e journal.Entry, pays map[string]string) i18n.Text {
	t := sentText(e, pays, e.Status.State != "")
	switch e.Resolution.Outcome {
	case journal.ResolvedPlaced:
		t = i18n.T("unknown → placed (found in the cloud's orders)", "未知 → 已下单(在云平台订单中找到)")
	case journal.ResolvedNotPlaced:
		t = i18n.T("unknown → not placed", "未知 → 未下单")
	case journal.ResolvedAmbiguous:
		t = i18n.T("unknown → ambiguous: check the console", "未知 → 无法确定:请在控制台核实")
	}
	if st := e.Status.State; st != "" {
		s := providers.OrderState(st).Text()
		t = i18n.Text{EN: t.EN + " · " + s.EN, ZH: t.ZH + " · " + s.ZH}
	}
	return t
}

// sentText is the outcome the send itself had; a placed order its API created unpaid says
// whether it was paid from here ("ok · unpaid", "ok · paid").
// With cloudSays (a status record holds the cloud's own state), "unpaid" is left to the
// cloud's word, which may be newer; a payment made from here is still said.
func sentText(e journal.Entry, pays map[string]string, cloudSays bool) i18n.Text {
	short := placement.WordingOfWord(e.Outcome).Short
	if e.Outcome == journal.OutcomeRejected {
		code := providers.Printable(e.Result.Code)
		return i18n.Text{EN: short.EN + ": " + code, ZH: short.ZH + ":" + code}
	}
	if paid, ok := paidState(e, pays); ok && !(cloudSays && paid == "") {
		var w i18n.Text
		switch paid {
		case journal.OutcomeOK:
			w = i18n.T("paid", "已支付")
		case journal.OutcomeUnknown:
			w = i18n.T("payment unknown", "支付结果未知")
		default:
			pay := placement.PayCommand(e.Result.OrderID, sentTo(e))
			w = i18n.T("unpaid — "+pay, "未支付 — "+pay)
		}
		return i18n.Text{EN: short.EN + " · " + w.EN, ZH: short.ZH + " · " + w.ZH}
	}
	return short
}

// paymentStates are the outcomes of the payments among entries by the order id they paid: ok,
// or unknown for one that may have gone through (a success wins).
func paymentStates(entries []journal.Entry) map[string]string {
	out := map[string]string{}
	for _, e := range entries {
		if e.Intent.API != providers.PayOrdersAPI {
			continue
		}
		var body struct {
			OrderID string `json:"order_id"`
		}
		if json.Unmarshal(e.Intent.Body, &body) != nil || body.OrderID == "" {
			continue
		}
		switch e.Outcome {
		case journal.OutcomeOK:
			out[body.OrderID] = journal.OutcomeOK
		case journal.OutcomeUnknown, journal.OutcomePending:
			if out[body.OrderID] != journal.OutcomeOK {
				out[body.OrderID] = journal.OutcomeUnknown
			}
		}
	}
	return out
}

// paidState is, for a placed order its API created unpaid, how its payment stands: ok
// (paid), unknown, or "" (unpaid); ok false for every other entry.
func paidState(e journal.Entry, pays map[string]string) (string, bool) {
	if e.Outcome != journal.OutcomeOK || e.Result.OrderID == "" || !cloud.CreatesUnpaid(e.Intent.API) {
		return "", false
	}
	return pays[e.Result.OrderID], true
}

// dash shows a value from the history (which holds server text) inert, "-" when empty.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return providers.Printable(s)
}

// historyItem is one order in `history --output json`.
type historyItem struct {
	ID         string      `json:"id"`
	At         time.Time   `json:"at"`
	API        flows.APIID `json:"api"`
	Region     string      `json:"region"`
	ProjectID  string      `json:"project_id,omitempty"`
	Mode       string      `json:"mode"`
	Endpoint   string      `json:"endpoint"`
	Outcome    string      `json:"outcome"`  // ok, rejected, not_sent or unknown
	Recorded   bool        `json:"recorded"` // false: no outcome was written (the process died mid-flight)
	OrderID    string      `json:"order_id,omitempty"`
	RequestID  string      `json:"request_id,omitempty"`
	Code       string      `json:"code,omitempty"`
	Message    string      `json:"message,omitempty"`
	Error      string      `json:"error,omitempty"`
	BodySHA256 string      `json:"body_sha256"`
	// What `cloudorder status` learnt later: an unknown outcome's resolution (placed,
	// not_placed, ambiguous) and the order's last state from the cloud.
	Resolution string `json:"resolution,omitempty"`
	State      string `json:"state,omitempty"`
	// Paid is set for a placed order its API created unpaid: false until it was paid from
	// here (PaymentUnknown: a payment was sent and may have gone through).
	Paid           *bool `json:"paid,omitempty"`
	PaymentUnknown bool  `json:"payment_unknown,omitempty"`
}

func item(e journal.Entry, pays map[string]string) historyItem {
	in, r := e.Intent, e.Result
	outcome := e.Outcome
	if outcome == journal.OutcomePending {
		outcome = journal.OutcomeUnknown
	}
	it := historyItem{ID: in.ID, At: in.At, API: in.API, Region: in.Region, ProjectID: in.ProjectID, Mode: string(in.Mode),
		Endpoint: in.Endpoint, Outcome: outcome, Recorded: e.Outcome != journal.OutcomePending, OrderID: r.OrderID,
		RequestID: r.RequestID, Code: r.Code, Message: r.Message, Error: r.Error, BodySHA256: in.BodySHA256,
		Resolution: e.Resolution.Outcome, State: e.Status.State}
	if it.OrderID == "" {
		it.OrderID = e.OrderID()
	}
	if state, ok := paidState(e, pays); ok {
		paid := state == journal.OutcomeOK
		it.Paid, it.PaymentUnknown = &paid, state == journal.OutcomeUnknown
	}
	return it
}
