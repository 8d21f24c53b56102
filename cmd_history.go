package main

import (
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/journal"
)

// cmdHistory lists the order journal, oldest first so the newest stays on screen. An order
// whose outcome is unknown — or was never written because the process died mid-flight — is
// flagged: it may exist, and only the console can tell.
func cmdHistory(args []string, c *cli) int {
	var output string
	rest, code := c.parseFlags("history", args, func(fs *flag.FlagSet) {
		fs.StringVar(&output, "output", "text", c.say(i18n.T("text or json", "text 或 json")))
	})
	if code >= 0 {
		return code
	}
	if len(rest) > 0 || (output != "text" && output != "json") {
		fmt.Fprintln(c.stderr, c.usageLine("history"))
		return exitUsage
	}
	path := config.HistoryPath(c.getenv)
	h, err := journal.Load(path)
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder history: %v\n", err)
		return exitUsage
	}
	entries := h.Entries
	for _, n := range h.Torn {
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("warning: %s line %d is not a whole record (a write was cut short) and was skipped",
			"警告:%s 第 %d 行不是完整记录(写入被中断),已跳过", path, n)))
	}
	if output == "json" {
		out := make([]historyItem, 0, len(entries))
		for _, e := range entries {
			out = append(out, item(e))
		}
		writeJSONLine(c.stdout, out)
		return exitOK
	}
	if len(entries) == 0 {
		fmt.Fprintln(c.stdout, c.say(i18n.Tf("no orders yet (%s)", "尚无订单(%s)", path)))
		return exitOK
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, c.say(i18n.T("TIME\tAPI\tREGION\tMODE\tOUTCOME\tORDER ID\tREQUEST ID", "时间\t接口\t区域\t模式\t结果\t订单号\t请求号")))
	for _, e := range entries {
		in := e.Intent
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", in.At.Local().Format(time.DateTime), providers.Printable(string(in.API)),
			providers.Printable(in.Region), providers.Printable(string(in.Mode)), c.say(outcomeText(e)),
			dash(e.Result.OrderID), dash(e.Result.RequestID))
	}
	_ = tw.Flush()
	return exitOK
}

// outcomeText is the outcome as the person should read it.
func outcomeText(e journal.Entry) i18n.Text {
	short := providers.OutcomeOfWord(e.Outcome).Short
	if e.Outcome == journal.OutcomeRejected {
		code := providers.Printable(e.Result.Code)
		return i18n.Text{EN: short.EN + ": " + code, ZH: short.ZH + ":" + code}
	}
	return short
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
}

func item(e journal.Entry) historyItem {
	in, r := e.Intent, e.Result
	outcome := e.Outcome
	if outcome == journal.OutcomePending {
		outcome = journal.OutcomeUnknown
	}
	return historyItem{ID: in.ID, At: in.At, API: in.API, Region: in.Region, ProjectID: in.ProjectID, Mode: string(in.Mode),
		Endpoint: in.Endpoint, Outcome: outcome, Recorded: e.Outcome != journal.OutcomePending, OrderID: r.OrderID,
		RequestID: r.RequestID, Code: r.Code, Message: r.Message, Error: r.Error, BodySHA256: in.BodySHA256}
}
