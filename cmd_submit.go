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

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/clicmd"
	"cloudorder/providers/cloud"
	"cloudorder/ui/lookups"
)

// interruptGrace is how long an interrupted order may take to end and be journaled before
// submit stops waiting (the intent is on disk already: the history then reads it as unknown).
const interruptGrace = 3 * time.Second

// submitFlags are the options of `cloudorder submit`.
type submitFlags struct {
	sendFlags
	allowDuplicate bool
	expectDigest   string // --expect-digest: send only the order with this digest
}

// sendFlags are the flags of every command that sends something that spends money (submit,
// pay): where it goes and how long to wait (cloudFlags), whether to ask, how to print the
// outcome.
type sendFlags struct {
	cloudFlags
	yes    bool
	output string
}

// cloudFlags say which cloud a command opens: the live one, the in-process sandbox
// (--sandbox) or --endpoint, as --profile, waiting --timeout (0: cloud.Open's default).
type cloudFlags struct {
	sandbox           bool
	endpoint, profile string
	timeout           time.Duration
}

// open opens the cloud f names; mode is Sandbox with --sandbox, else Live.
func (f cloudFlags) open(c *cli) (providers.Mode, providers.Provider, io.Closer, error) {
	mode := providers.Live
	if f.sandbox {
		mode = providers.Sandbox
	}
	p, closer, err := c.openCloud(mode, f.endpoint, f.timeout, f.profile)
	return mode, p, closer, err
}

// addSendFlags declares f's flags on cmd.
func (c *cli) addSendFlags(cmd *cobra.Command, f *sendFlags) {
	fs := cmd.Flags()
	c.sandboxFlag(fs, &f.sandbox)
	fs.BoolVar(&f.yes, "yes", false, c.say(i18n.T("do not ask for confirmation", "不询问确认")))
	c.outputFlag(cmd, &f.output, "text", "json")
	c.endpointFlag(fs, &f.endpoint)
	c.timeoutFlag(fs, &f.timeout)
	c.profileFlag(cmd, &f.profile)
}

// run checks f's values, then runs the command (its exit code).
func (f sendFlags) run(c *cli, run func() int) error {
	return c.run(func() int {
		if !c.flagWord("output", f.output, "text", "json") || !c.positiveTimeout(f.timeout) {
			return exitUsage
		}
		return run()
	})
}

// runSubmit sends one order file (docs/design.md, "Command line"). Exit codes: 0 placed · 1 invalid order or
// missing credentials, nothing sent · 2 usage error, unreadable file, an endpoint refused by
// the gate, no terminal to confirm on, or an identical order succeeded (or may have) within
// 24 h — or the history cannot be read — and --yes came without --allow-duplicate (the remedy
// is a flag, so it is a usage error; nothing sent) · 3 rejected by the API, nothing bought ·
// 4 sent (or interrupted in flight), outcome unknown — or placed but the history could not
// record it · 5 provably not sent, safe to retry · 130 interrupted before anything was sent.
// The lifecycle (placement) as lines on a terminal, or as a script's single step.
func runSubmit(c *cli, f submitFlags, name string) int {
	order, code := loadOrder(name, c, placement.NothingSent)
	if code != exitOK {
		return code
	}
	mode, p, closer, err := f.open(c)
	if err != nil {
		return refuseSetup(c, "submit", err)
	}
	defer closer.Close()
	if err := cloud.GateTarget(p, order.API, order.Region); err != nil {
		return refuseSetup(c, "submit", err)
	}
	// From here ctrl+c (or SIGTERM) ends the command; before the order leaves, it is "not
	// sent" (exit 130), never "may have been placed".
	ctx, stop := signalContext()
	defer stop()
	review := placement.NewReview(p, mode, catalog.Flow(order.API), order)
	// --expect-digest: only the order that was reviewed (cmd_review.go) may go.
	if code := checkExpectedDigest(c, review, f.expectDigest); code != exitOK {
		return code
	}
	var price placement.Price
	if code := confirm(ctx, c, f, p, review, &price); code != exitOK {
		return code
	}
	out := send(ctx, p, review, price, f.timeout)
	if !out.Placed() {
		return reportFailure(c, f, out, review.Target.Credential)
	}
	return reportSuccess(c, f, review, out)
}

// signalContext is a context that SIGINT or SIGTERM cancels (with the signal as its cause).
// The signals stay caught until stop, so a second ctrl+c cannot kill the process before the
// outcome is written.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			cancel(interrupted{s})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}

// refuseSetup reports settings that stop command (submit, pay) before anything connects (an
// endpoint the gate refuses, say): exit 2.
func refuseSetup(c *cli, command string, err error) int {
	fmt.Fprintf(c.stderr, "cloudorder %s: %s\n%s\n", command, c.say(i18n.TextOf(err)), c.say(placement.NothingSent))
	return exitUsage
}

// interrupted is why an order's context ended when a signal arrived.
type interrupted struct{ sig os.Signal }

func (i interrupted) Error() string { return "interrupted by " + signalName(i.sig) }

// Is makes a signal an interruption to the lifecycle (placement.ErrInterrupted).
func (i interrupted) Is(target error) bool { return target == placement.ErrInterrupted }

func signalName(s os.Signal) string {
	if s == syscall.SIGTERM {
		return "SIGTERM"
	}
	return "SIGINT"
}

// send places the order once (placement.Send). The whole call — connect, send, answer — ends
// within timeout; ctx (a signal) ends it early. Either way the journal records how it ended.
// A provider that does not end within interruptGrace of the signal leaves its intent pending
// (unknown).
func send(ctx context.Context, p providers.Provider, r placement.Review, price placement.Price, timeout time.Duration) placement.Outcome {
	tctx, cancel := timeoutContext(ctx, timeout)
	defer cancel()
	done := make(chan placement.Outcome, 1)
	go func() { done <- placement.Send(tctx, p, r, price) }()
	select {
	case o := <-done:
		return o
	case <-ctx.Done():
	}
	select {
	case o := <-done:
		return o
	case <-time.After(interruptGrace):
		cause := context.Cause(ctx)
		return placement.Outcome{Err: &providers.Error{Kind: providers.Unknown, Message: cause.Error(), Err: cause}}
	}
}

// timeoutContext bounds one send (connect, send, answer) by --timeout, which it names as the
// cause when it runs out.
func timeoutContext(ctx context.Context, timeout time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeoutCause(ctx, timeout, fmt.Errorf("--timeout %s ran out", timeout))
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
			return f.run(c, func() int { return runSubmit(c, f, args[0]) })
		},
	}
	c.addSendFlags(cmd, &f.sendFlags)
	fs := cmd.Flags()
	fs.BoolVar(&f.allowDuplicate, "allow-duplicate", false, c.say(i18n.T("send even if an identical order succeeded, or may have, in the last 24 hours (or the history cannot be read)", "即使 24 小时内已有相同订单成功或可能成功(或历史无法读取)也发送")))
	fs.StringVar(&f.expectDigest, "expect-digest", "", c.say(i18n.T("send only if the order's digest is `DIGEST` (from cloudorder review); otherwise nothing is sent",
		"仅当订单的摘要值为`摘要值`(来自 cloudorder review)时发送;否则不发送")))
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
	opts := cloud.Options{Mode: mode, Endpoint: endpoint, Timeout: timeout, Getenv: c.getenv,
		Endpoints: settings.Endpoints, HuaweiSite: settings.HuaweiSite, UserAgent: "cloudorder/" + toolVersion(), Profile: profile}
	if mode == providers.Sandbox { // submit → pay → status with --sandbox see the same orders
		opts.SandboxState = config.SandboxStatePath(c.getenv)
	}
	return cloud.Open(opts)
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

// confirmClock is the confirmation protocol's clock (placement.Debounce); tests step it.
var confirmClock = time.Now

// confirm is the lifecycle's questions as submit asks them. With --yes nothing is asked, and an
// order identical in meaning to one that succeeded in the last 24 hours, or whose outcome is
// unknown — or any order while the history cannot be read — is refused unless
// --allow-duplicate. On a terminal the review is shown (target, body, price, unpaid or not,
// the CLI command, the digest) and "Place this order?" asked; a duplicate then asks "place it
// AGAIN?", answered only by the word again. An answer typed before its question was on
// screen (or within placement.Debounce of it) is ignored, and the person told so.
func confirm(ctx context.Context, c *cli, f submitFlags, p providers.Provider, r placement.Review, price *placement.Price) int {
	if !f.yes && !isTerminal(c.stdin) {
		fmt.Fprintln(c.stderr, c.say(i18n.T(
			"not sent: submit asks for confirmation on a terminal; stdin is not one. Review the file and pass --yes to send without asking.",
			"未发送:submit 需要在终端上确认,而标准输入不是终端。请审阅文件后使用 --yes 直接发送。")))
		return exitUsage
	}
	in := bufio.NewReader(c.stdin)
	if !f.yes {
		*price = priceOf(ctx, p, r)
		printSummary(c, r, *price)
		if code := ask(ctx, c, in, placement.AskPlace, i18n.T("Place this order? [y/N] ", "确认下单?[y/N] ")); code != exitOK {
			return code
		}
	}
	if f.allowDuplicate {
		return exitOK
	}
	dup, err := placement.CheckDuplicate(ctx, p, r)
	if err != nil {
		return reportInterrupted(c, f)
	}
	if !dup.Found {
		return exitOK
	}
	fmt.Fprintf(c.stderr, "%s\n", c.say(placement.DescribeRecent(dup.Recent)))
	if f.yes {
		fmt.Fprintln(c.stderr, c.say(i18n.T(
			"not sent: add --allow-duplicate to place it again, or check `cloudorder history` and the console first",
			"未发送:如需再次下单请加 --allow-duplicate,或先查看 `cloudorder history` 和控制台")))
		return exitUsage
	}
	return ask(ctx, c, in, placement.AskPlaceAgain, i18n.Tf("Place it again anyway? Type %s to place a second order: ",
		"仍要再次下单?输入 %s 下第二个订单:", placement.AgainWord))
}

// priceOf is r's price as a command asks for it: bounded by a look-up's wait (lookups.Wait),
// through no cache.
func priceOf(ctx context.Context, p providers.Provider, r placement.Review) placement.Price {
	ctx, cancel := context.WithTimeout(ctx, lookups.Wait(0))
	defer cancel()
	return placement.PriceOf(ctx, p, nil, r)
}

// ask puts one question on the terminal and reads answers until one counts: a line typed
// before the question was shown is ignored (said), any other answer but the question's own
// word is no. exitOK to go on.
func ask(ctx context.Context, c *cli, in *bufio.Reader, a placement.Ask, prompt i18n.Text) int {
	for {
		fmt.Fprint(c.stderr, c.say(prompt))
		q := placement.NewQuestion(a, confirmClock())
		type read struct {
			line string
			err  error
		}
		got := make(chan read, 1)
		go func() {
			line, err := in.ReadString('\n')
			got <- read{line, err}
		}()
		var ans read
		select {
		case ans = <-got:
		case <-ctx.Done():
			fmt.Fprintln(c.stderr)
			return reportInterrupted(c, submitFlags{})
		}
		switch q.Line(ans.line, confirmClock(), true) {
		case placement.Yes:
			return exitOK
		case placement.TooEarly:
			if ans.err == nil {
				fmt.Fprintln(c.stderr, c.say(placement.TooEarlyText))
				continue
			}
		}
		fmt.Fprintln(c.stderr, c.say(placement.NothingSent))
		return exitUsage
	}
}

// reportInterrupted ends a command the person interrupted before anything was sent.
func reportInterrupted(c *cli, f submitFlags) int {
	return reportFailure(c, f, placement.Outcome{Interrupted: true}, "")
}

// printSummary shows the review — where the order goes, as whom, the exact body, its price,
// whether it is created unpaid, the same order as a CLI command and its digest — on stderr
// (stdout is kept for the result, so --output json stays parseable).
func printSummary(c *cli, r placement.Review, price placement.Price) {
	t, o := r.Target, r.Order
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
	row(i18n.T("Digest", "摘要"), r.Digest)
	for i, l := range price.Lines() {
		if i == 0 {
			row(i18n.T("Price", "价格"), c.say(l))
			continue
		}
		fmt.Fprintf(c.stderr, "  %-12s %s\n", "", c.say(l))
	}
	if r.Unpaid {
		row(i18n.T("Payment", "支付"), c.say(placement.UnpaidNote))
	}
	fmt.Fprintln(c.stderr, c.say(i18n.T("Body:", "请求体:")))
	body, err := json.MarshalIndent(json.RawMessage(r.Body), "  ", "  ")
	if err != nil {
		body = r.Body
	}
	fmt.Fprintf(c.stderr, "  %s\n", body)
	if cmd, err := r.Command(clicmd.SH, c.lang); err == nil {
		fmt.Fprintln(c.stderr, c.say(i18n.T("The same order as a CLI command (sh):", "同一订单对应的命令行命令(sh):")))
		fmt.Fprint(c.stderr, cmd)
	}
}

// reportSuccess prints order_id and request_id (text) or one JSON object (json); an order the
// API created unpaid says so ("placed, unpaid — pay with …", "paid": false). Text from the
// server is shown inert (providers.Printable). A history that could not record the outcome is
// said loudly, with the record, and exits 4 (placement.Outcome.ExitCode).
func reportSuccess(c *cli, f submitFlags, r placement.Review, out placement.Outcome) int {
	res := out.Result
	if f.output == "json" {
		obj := map[string]any{}
		for k, v := range res.Response {
			obj[k] = v
		}
		obj["order_id"], obj["request_id"] = res.OrderID, res.RequestID
		if out.Unpaid {
			obj["paid"] = false
			obj["pay_command"] = out.PayCommand
			if out.ConsoleURL != "" {
				obj["console_url"] = out.ConsoleURL
			}
		}
		writeJSONLine(c.stdout, obj)
	} else {
		fmt.Fprintf(c.stdout, "order_id: %s\nrequest_id: %s\n", providers.Printable(res.OrderID), providers.Printable(res.RequestID))
		if out.Unpaid {
			fmt.Fprintln(c.stdout, c.say(placement.UnpaidLine(out.PayCommand, out.ConsoleURL)))
		}
	}
	if r.Target.Mode == providers.Sandbox {
		fmt.Fprintln(c.stderr, c.say(placement.SandboxNothingBought))
	}
	for _, l := range placement.HistoryWarning(out.History, res.OrderID) {
		fmt.Fprintln(c.stderr, c.say(l))
	}
	return out.ExitCode()
}

// reportFailure explains a failed order: the advice table's headline, the facts (the cloud's
// code, message and request id, shown inert), and what to do next (placement.Advise).
func reportFailure(c *cli, f submitFlags, out placement.Outcome, credential string) int {
	return reportAdvice(c, f, out, placement.Advise(out), credential, true)
}

// reportAdvice prints a failed attempt as a says it (the order's words or the payment's);
// status adds, after an unknown outcome, the command that asks the cloud what became of it.
func reportAdvice(c *cli, f submitFlags, out placement.Outcome, a placement.Advice, credential string, status bool) int {
	pe := out.Err
	if pe == nil {
		pe = &providers.Error{Kind: providers.NotSent}
	}
	if f.output == "json" {
		msg := pe.Message
		if msg == "" && pe.Err != nil {
			msg = pe.Err.Error()
		}
		writeJSONLine(c.stdout, map[string]any{"outcome": a.Word, "http_status": pe.HTTPStatus, "code": pe.Code,
			"message": msg, "request_id": pe.RequestID})
	}
	fmt.Fprintln(c.stderr, c.say(a.Headline))
	if !out.Interrupted {
		for _, line := range pe.Facts() {
			fmt.Fprintln(c.stderr, "  "+line)
		}
	}
	var miss *config.MissingError
	if errors.As(pe, &miss) {
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("Set %s (or use --sandbox to try without a real account).",
			"请设置 %s(或使用 --sandbox 在不使用真实账号的情况下试用)。", strings.Join(miss.Set, " / "))))
	} else if !a.Hint.IsZero() {
		fmt.Fprintln(c.stderr, c.say(a.HintText(credential)))
	}
	for _, l := range placement.HistoryWarning(out.History, "") {
		fmt.Fprintln(c.stderr, c.say(l))
	}
	if status && out.ExitCode() == providers.Unknown.Exit() {
		fmt.Fprintln(c.stderr, c.say(statusHint(f.endpoint, f.sandbox)))
	}
	return out.ExitCode()
}

// statusHint is the command that asks the cloud what became of an order whose outcome is
// unknown (cmd_status.go: it matches the cloud's orders to the one sent).
func statusHint(endpoint string, inProcess bool) i18n.Text {
	return i18n.Tf("To find out from the cloud's own order records, run: %s", "如需根据云平台的订单记录确认,请运行:%s",
		statusCommand("", endpoint, inProcess))
}

// statusCommand is `cloudorder status [ID]` asking where the order was sent: the in-process
// sandbox, whose book is kept across commands (--sandbox), or --endpoint.
func statusCommand(id, endpoint string, inProcess bool) string {
	cmd := "cloudorder status"
	if id != "" {
		cmd += " " + providers.Printable(id)
	}
	switch {
	case inProcess:
		cmd += " --sandbox"
	case endpoint != "":
		cmd += " --endpoint " + providers.Printable(endpoint)
	}
	return cmd
}

// writeJSONLine writes v as one JSON line. encoding/json escapes C0 controls but passes DEL,
// C1 controls and bidi overrides through, which a terminal showing the line would act on;
// they are escaped too (the result is the same JSON value).
func writeJSONLine(w io.Writer, v any) {
	if line := jsonLine(v); line != nil {
		_, _ = w.Write(line)
	}
}

// jsonLine is v as writeJSONLine writes it (nil when v does not encode).
func jsonLine(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return nil
	}
	return inertJSON(b.Bytes())
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
