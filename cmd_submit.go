package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/cloud"
)

// interruptGrace is how long an interrupted order may take to end and be journaled before
// submit stops waiting (the intent is on disk already: the history then reads it as unknown).
const interruptGrace = 3 * time.Second

// submitFlags are the options of `cloudorder submit`.
type submitFlags struct {
	sandbox, yes, allowDuplicate bool
	output, endpoint             string
	profile                      string
	timeout                      time.Duration
}

// runSubmit sends one order file (docs/design.md, "Command line"). Exit codes: 0 placed · 1 invalid order or
// missing credentials, nothing sent · 2 usage error, unreadable file, an endpoint refused by
// the gate, no terminal to confirm on, or an identical order succeeded (or may have) within
// 24 h — or the history cannot be read — and --yes came without --allow-duplicate (the remedy
// is a flag, so it is a usage error; nothing sent) · 3 rejected by the API, nothing bought ·
// 4 sent (or interrupted in flight), outcome unknown · 5 provably not sent, safe to retry.
func runSubmit(c *cli, f submitFlags, name string) int {
	order, code := loadOrder(name, c, providers.NothingSent)
	if code != exitOK {
		return code
	}
	mode := providers.Live
	if f.sandbox {
		mode = providers.Sandbox
	}
	p, closer, err := c.openCloud(mode, f.endpoint, f.timeout, f.profile)
	if err != nil {
		return refuseSetup(c, err)
	}
	defer closer.Close()
	if err := cloud.GateTarget(p, order.API, order.Region); err != nil {
		return refuseSetup(c, err)
	}

	if code := confirm(c, f, p, order); code != exitOK {
		return code
	}
	res, err := send(p, order, f.timeout)
	if err != nil {
		return reportFailure(c, f, err)
	}
	// The target's mode, not the flag: an --endpoint that answered as the sandbox is the
	// sandbox (providers/cloud/probe.go), as the summary and the history say.
	return reportSuccess(c, f, p.Target(order.API, order.Region).Mode, res)
}

// refuseSetup reports settings that stop the order before anything connects (an endpoint the
// gate refuses, say): exit 2.
func refuseSetup(c *cli, err error) int {
	fmt.Fprintf(c.stderr, "cloudorder submit: %s\n%s\n", c.say(i18n.TextOf(err)), c.say(providers.NothingSent))
	return exitUsage
}

// interrupted is why an order's context ended when a signal arrived.
type interrupted struct{ sig os.Signal }

func (i interrupted) Error() string { return "interrupted by " + signalName(i.sig) }

func signalName(s os.Signal) string {
	if s == syscall.SIGTERM {
		return "SIGTERM"
	}
	return "SIGINT"
}

// send places the order once. The whole call — connect, send, answer — ends within timeout;
// SIGINT or SIGTERM ends it early. Either way the journal records how it ended, and the error
// says why (the transport adds the context's cause). Signals stay caught until send returns,
// so a second ctrl+c cannot kill the process before the outcome is written.
func send(p providers.Provider, o flows.Order, timeout time.Duration) (providers.Result, error) {
	parent, interrupt := context.WithCancelCause(context.Background())
	defer interrupt(nil)
	ctx, cancel := context.WithTimeoutCause(parent, timeout, fmt.Errorf("--timeout %s ran out", timeout))
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)

	type answer struct {
		res providers.Result
		err error
	}
	done := make(chan answer, 1)
	go func() {
		res, err := p.Submit(ctx, o)
		done <- answer{res, err}
	}()
	var grace <-chan time.Time
	for {
		select {
		case a := <-done:
			return a.res, a.err
		case s := <-sigs:
			if grace == nil {
				interrupt(interrupted{s})
				grace = time.After(interruptGrace)
			}
		case <-grace:
			// The provider did not end in time; the journal's intent stays pending (unknown).
			return providers.Result{}, &providers.Error{Kind: providers.Unknown, Message: context.Cause(parent).Error(),
				Err: context.Cause(parent)}
		}
	}
}

// newSubmitCmd is `cloudorder submit FILE`: its flags, then runSubmit.
func newSubmitCmd(c *cli) *cobra.Command {
	var f submitFlags
	cmd := &cobra.Command{
		Use:   c.say(i18n.T("submit FILE [flags]", "submit 文件 [选项]")),
		Short: c.say(i18n.T("send one order file", "发送一个订单文件")),
		Long: c.say(i18n.T("Send one order file: validated as by validate, shown, confirmed (or --yes), sent once "+
			"and journaled. Order creation is never retried automatically.",
			"发送一个订单文件:按 validate 的规则检查、显示、确认(或 --yes)后只发送一次并记入历史。下单请求从不自动重试。")),
		Example: "cloudorder submit order.json --sandbox\ncloudorder submit order.json --yes --output json\n" +
			"cloudorder submit - --yes < order.json",
		Args:              exactArgs(1, i18n.T("one order file", "一个订单文件")),
		ValidArgsFunction: orderFiles(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(func() int {
				if !c.flagWord("output", f.output, "text", "json") || !c.positiveTimeout(f.timeout) {
					return exitUsage
				}
				return runSubmit(c, f, args[0])
			})
		},
	}
	fs := cmd.Flags()
	c.sandboxFlag(fs, &f.sandbox)
	fs.BoolVar(&f.yes, "yes", false, c.say(i18n.T("do not ask for confirmation", "不询问确认")))
	fs.BoolVar(&f.allowDuplicate, "allow-duplicate", false, c.say(i18n.T("send even if an identical order succeeded, or may have, in the last 24 hours (or the history cannot be read)", "即使 24 小时内已有相同订单成功或可能成功(或历史无法读取)也发送")))
	c.outputFlag(cmd, &f.output, "text", "json")
	c.endpointFlag(fs, &f.endpoint)
	c.timeoutFlag(fs, &f.timeout)
	c.profileFlag(cmd, &f.profile)
	return cmd
}

// loadOrder reads the order file once and validates it the way `validate` does. What is sent
// and journaled is the validated order itself, encoded by flows (API.Build: compact, keys in
// the documented order); flows.Load has checked that it says exactly what the file's body
// says, so nothing that was not validated can reach the wire.
// refusal is the line said when the order is invalid (what was not done: "nothing was sent").
func loadOrder(name string, c *cli, refusal i18n.Text) (flows.Order, int) {
	api, a, problems, code := readOrderFile(name, c)
	if code != exitOK {
		return flows.Order{}, code
	}
	printProblems(c, name, problems)
	if api == nil || flows.Blocking(problems) {
		fmt.Fprintln(c.stderr, c.say(refusal))
		return flows.Order{}, exitInvalid
	}
	return api.Build(a), exitOK
}

// openCloud is cloud.Open as every command opens it: config.toml's endpoints and Huawei site
// (loadSettings: a broken file stops a live command), the tool's user agent, and the
// command's flags (timeout 0: cloud.Open's default; profile "": the SDKs' usual order).
func (c *cli) openCloud(mode providers.Mode, endpoint string, timeout time.Duration, profile string) (providers.Provider, io.Closer, error) {
	settings, err := loadSettings(c, mode)
	if err != nil {
		return nil, nil, err
	}
	return cloud.Open(cloud.Options{Mode: mode, Endpoint: endpoint, Timeout: timeout, Getenv: c.getenv,
		Endpoints: settings.Endpoints, HuaweiSite: settings.HuaweiSite, UserAgent: "cloudorder/" + toolVersion(), Profile: profile})
}

// loadSettings is the one read of config.toml (run) for a command that opens a cloud. A file
// that cannot be used may be the one that names where orders go ([endpoints]), so a live
// command is refused until it is fixed; the sandbox and a dry run go on without its settings,
// after a warning that names file, line and column.
func loadSettings(c *cli, mode providers.Mode) (config.Settings, error) {
	if c.settingsErr == nil {
		return c.settings, nil
	}
	problems := i18n.TextOf(c.settingsErr)
	if mode == providers.Live {
		return config.Settings{}, &i18n.Err{T: i18n.Tf(
			"config.toml cannot be used, and nothing is sent to a cloud until it is fixed (--sandbox and --dry-run go on without it):\n%s",
			"config.toml 无法使用,修正之前不会向云端发送任何请求(--sandbox 和 --dry-run 可忽略它继续):\n%s", problems)}
	}
	fmt.Fprintf(c.stderr, "%s%s\n", c.say(warningPrefix), c.say(i18n.Tf(
		"config.toml is not used (%s):\n%s", "未使用 config.toml(%s):\n%s", mode.Text(), problems)))
	return config.Settings{}, nil
}

// isTerminal reports whether r is an interactive terminal; tests replace it.
var isTerminal = func(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// confirm shows the summary and asks, unless --yes. An order identical in meaning to one that
// succeeded in the last 24 hours, or whose outcome is unknown, is refused with --yes (unless
// --allow-duplicate) and asked about again interactively; so is any order while the history
// cannot be read, since a duplicate cannot be ruled out.
func confirm(c *cli, f submitFlags, p providers.Provider, o flows.Order) int {
	var recent providers.Recent
	dup := false
	if df, ok := p.(providers.DuplicateFinder); ok && !f.allowDuplicate {
		recent, dup = df.RecentDuplicate(o, providers.DuplicateWindow)
	}
	if f.yes {
		if dup {
			fmt.Fprintf(c.stderr, "%s\n%s\n", c.say(recent.Describe()), c.say(i18n.T(
				"not sent: add --allow-duplicate to place it again, or check `cloudorder history` and the console first",
				"未发送:如需再次下单请加 --allow-duplicate,或先查看 `cloudorder history` 和控制台")))
			return exitUsage
		}
		return exitOK
	}
	if !isTerminal(c.stdin) {
		fmt.Fprintln(c.stderr, c.say(i18n.T(
			"not sent: submit asks for confirmation on a terminal; stdin is not one. Review the file and pass --yes to send without asking.",
			"未发送:submit 需要在终端上确认,而标准输入不是终端。请审阅文件后使用 --yes 直接发送。")))
		return exitUsage
	}
	printSummary(c, p.Target(o.API, o.Region), o)
	in := bufio.NewReader(c.stdin)
	if !ask(c, in, i18n.T("Place this order? [y/N] ", "确认下单?[y/N] ")) {
		fmt.Fprintln(c.stderr, c.say(providers.NothingSent))
		return exitUsage
	}
	if dup {
		fmt.Fprintf(c.stderr, "%s\n", c.say(recent.Describe()))
		if !ask(c, in, i18n.T("Place it again anyway? [y/N] ", "仍要再次下单?[y/N] ")) {
			fmt.Fprintln(c.stderr, c.say(providers.NothingSent))
			return exitUsage
		}
	}
	return exitOK
}

// ask prints a question and reads one line; only y or yes (or 是) agrees.
func ask(c *cli, in *bufio.Reader, q i18n.Text) bool {
	fmt.Fprint(c.stderr, c.say(q))
	line, _ := in.ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "是":
		return true
	}
	return false
}

// printSummary shows where the order goes, as whom, and the exact body, on stderr (stdout is
// kept for the result, so --output json stays parseable).
func printSummary(c *cli, t providers.Target, o flows.Order) {
	row := func(label i18n.Text, v string) {
		if v != "" {
			fmt.Fprintf(c.stderr, "  %-12s %s\n", c.say(label)+":", v)
		}
	}
	fmt.Fprintln(c.stderr, c.say(t.Mode.Banner(t.Endpoint)[0]))
	row(i18n.T("API", "接口"), string(o.API))
	row(i18n.T("Region", "区域"), o.Region)
	row(i18n.T("Project", "项目"), o.ProjectID)
	row(i18n.T("Endpoint", "接入地址"), t.Endpoint)
	row(i18n.T("Mode", "模式"), string(t.Mode))
	row(i18n.T("Credential", "凭证"), strings.TrimSpace(t.Credential+" "+t.MaskedKey))
	fmt.Fprintln(c.stderr, c.say(i18n.T("Body:", "请求体:")))
	body, err := json.MarshalIndent(json.RawMessage(o.CompactBody()), "  ", "  ")
	if err != nil {
		body = o.Body
	}
	fmt.Fprintf(c.stderr, "  %s\n", body)
}

// reportSuccess prints order_id and request_id (text) or one JSON object (json). Text from the
// server is shown inert (providers.Printable).
func reportSuccess(c *cli, f submitFlags, mode providers.Mode, res providers.Result) int {
	if f.output == "json" {
		out := map[string]any{}
		for k, v := range res.Response {
			out[k] = v
		}
		out["order_id"], out["request_id"] = res.OrderID, res.RequestID
		writeJSONLine(c.stdout, out)
	} else {
		fmt.Fprintf(c.stdout, "order_id: %s\nrequest_id: %s\n", providers.Printable(res.OrderID), providers.Printable(res.RequestID))
	}
	if mode == providers.Sandbox {
		fmt.Fprintln(c.stderr, c.say(providers.SandboxNothingBought))
	}
	return exitOK
}

// reportFailure explains a failed order: the outcome's headline, the facts (the cloud's code,
// message and request id, shown inert), and what to do next — all from providers.OutcomeOf.
func reportFailure(c *cli, f submitFlags, err error) int {
	pe, out := providers.Failed(err)
	if f.output == "json" {
		msg := pe.Message
		if msg == "" && pe.Err != nil {
			msg = pe.Err.Error()
		}
		writeJSONLine(c.stdout, map[string]any{"outcome": out.Word, "http_status": pe.HTTPStatus, "code": pe.Code,
			"message": msg, "request_id": pe.RequestID})
	}
	fmt.Fprintln(c.stderr, c.say(out.Headline))
	for _, line := range pe.Facts() {
		fmt.Fprintln(c.stderr, "  "+line)
	}
	var miss *config.MissingError
	if errors.As(err, &miss) {
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("Set %s (or use --sandbox to try without a real account).",
			"请设置 %s(或使用 --sandbox 在不使用真实账号的情况下试用)。", strings.Join(miss.Set, " / "))))
	} else if out.Advice.EN != "" {
		fmt.Fprintln(c.stderr, c.say(out.Advice))
	}
	if pe.Kind == providers.Unknown {
		fmt.Fprintln(c.stderr, c.say(statusHint(f.endpoint)))
	}
	return out.Exit
}

// statusHint is the command that asks the cloud what became of an order whose outcome is
// unknown (cmd_status.go: it matches the cloud's orders to the one sent).
func statusHint(endpoint string) i18n.Text {
	cmd := "cloudorder status"
	if endpoint != "" {
		cmd += " --endpoint " + providers.Printable(endpoint)
	}
	return i18n.Tf("To find out from the cloud's own order records, run: %s", "如需根据云平台的订单记录确认,请运行:%s", cmd)
}

// writeJSONLine writes v as one JSON line. encoding/json escapes C0 controls but passes DEL,
// C1 controls and bidi overrides through, which a terminal showing the line would act on;
// they are escaped too (the result is the same JSON value).
func writeJSONLine(w io.Writer, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return
	}
	_, _ = w.Write(inertJSON(b.Bytes()))
}

// inertJSON escapes, inside encoded JSON, the runes providers.Printable would; outside strings
// encoded JSON is ASCII, so every such rune is inside a string, where \uXXXX means the same.
func inertJSON(b []byte) []byte {
	s := string(b)
	if providers.Printable(s) == s {
		return b
	}
	var out strings.Builder
	for _, r := range s {
		if r != '\n' && providers.Printable(string(r)) != string(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return []byte(out.String())
}
