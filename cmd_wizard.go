package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/cloud"
	"cloudorder/providers/sandbox"
	"cloudorder/ui"
)

// wizardFlags are the wizard's command line (DESIGN.md §3).
type wizardFlags struct {
	sandbox, dryRun bool
	plain           bool // --plain: one prompt per line, no terminal control (cmd_plain.go)
	from, lang      string
	endpoint        string
	profile         string
	timeout         time.Duration
}

// cmdWizard runs the interactive wizard. Exit codes: 0 after an order was placed, saved, or the
// person quit; 2 for usage errors, an unreadable --from file or no terminal; 3 or 4 when the
// last submission was rejected (3) or its outcome is unknown (4) and no order was placed after
// it; 1 when the last attempt was refused before sending (bad settings or credentials); 5 when
// it provably never left the machine (DNS, connect, TLS).
func cmdWizard(args []string, c *cli) int {
	f, code := parseWizardFlags(args, c)
	if code >= 0 {
		return code
	}
	if f.lang != "" {
		lang, ok := config.Lang(f.lang, c.getenv)
		if !ok {
			fmt.Fprintln(c.stderr, c.say(flows.Tf("cloudorder: --lang must be en or zh, not %q", "cloudorder:--lang 只能是 en 或 zh,而不是 %q", f.lang)))
			return exitUsage
		}
		c.lang = lang
	}
	var loaded *ui.Loaded
	if f.from != "" {
		// An unreadable file is reported before anything else, terminal or not.
		if loaded, code = loadFrom(f.from, c); code != exitOK {
			return code
		}
	}
	in, out, ok := terminals(c)
	plainMode := plainWanted(f.plain, c.getenv)
	if !ok && !plainMode {
		fmt.Fprintln(c.stderr, c.say(flows.T(
			"cloudorder: the wizard needs a terminal (stdin and stdout must be a TTY).\n"+
				"  To order from a script, write an order file and run: cloudorder submit FILE --yes",
			"cloudorder:向导需要在终端中运行(标准输入和标准输出都必须是终端)。\n"+
				"  在脚本中下单请编写订单文件并运行:cloudorder submit 文件 --yes")))
		return exitUsage
	}
	opts := ui.Options{
		Mode:      providers.Live,
		Lang:      c.lang,
		NoColor:   c.getenv("NO_COLOR") != "",
		ProjectID: c.getenv("HUAWEICLOUD_SDK_PROJECT_ID"),
		From:      loaded,
		Timeout:   f.timeout,
	}
	switch {
	case f.sandbox:
		opts.Mode = providers.Sandbox
	case f.dryRun:
		opts.Mode = providers.DryRun
	}
	settings := loadSettings(c)
	p, closer, err := cloud.Open(cloud.Options{Mode: opts.Mode, Endpoint: f.endpoint, Timeout: f.timeout, Getenv: c.getenv,
		Endpoints: settings.Endpoints, UserAgent: "cloudorder/" + version, Profile: f.profile})
	switch {
	case err != nil && opts.Mode == providers.DryRun:
		// A dry run sends nothing: without a provider it only loses look-ups and target details.
	case err != nil:
		fmt.Fprintf(c.stderr, "cloudorder: %v\n", err)
		return exitUsage
	default:
		opts.Provider = p
		defer closer.Close()
		// An --endpoint that answered the sandbox's identity probe is the sandbox, never LIVE
		// (providers/cloud/probe.go). LocalEndpoint waits for the UI's own banner for it.
		if opts.Mode == providers.Live && p.Target(flows.AlibabaPAI, "cn-hangzhou").Mode == providers.Sandbox {
			opts.Mode = providers.Sandbox
		}
	}
	if opts.Mode == providers.Sandbox && opts.ProjectID == "" {
		opts.ProjectID = sandbox.ProjectID // the sandbox account's project: nothing to type
	}

	if plainMode {
		return runPlain(opts, c) // cmd_plain.go: the same session as plain lines, no TUI
	}
	prog, restore := newProgram(ui.New(opts), in, out)
	defer restore()
	final, err := prog.Run()
	restore()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		fmt.Fprintf(c.stderr, "cloudorder: %v\n", err)
		return exitUsage
	}
	m, _ := final.(ui.Model)
	return reportOutcome(m.Outcome(), c)
}

// reportOutcome prints what must stay in the scrollback after the screen is gone and picks
// the exit code.
func reportOutcome(o ui.Outcome, c *cli) int {
	for _, p := range o.Saved {
		fmt.Fprintf(c.stdout, "saved: %s\n", p)
	}
	if o.OrderID != "" {
		fmt.Fprintf(c.stdout, "order_id: %s\nrequest_id: %s\n", providers.Printable(o.OrderID), providers.Printable(o.RequestID))
		return exitOK
	}
	switch o.Failure {
	case providers.Rejected:
		fmt.Fprintf(c.stderr, "cloudorder: %s: %s\n", c.say(flows.T("the API rejected the order (nothing bought)", "接口拒绝了订单(未购买)")), providers.Printable(o.FailureText))
		return exitRejected
	case providers.Unknown:
		fmt.Fprintf(c.stderr, "cloudorder: %s: %s\n", c.say(flows.T(
			"the order's outcome is unknown; it may have been placed. Check `cloudorder history` and the console before trying again",
			"订单结果未知,可能已创建。再次尝试前请查看 `cloudorder history` 与控制台")), providers.Printable(o.FailureText))
		return exitUnknown
	case providers.Invalid:
		fmt.Fprintf(c.stderr, "cloudorder: %s: %s\n", c.say(flows.T("nothing was sent", "未发送")), providers.Printable(o.FailureText))
		return exitInvalid
	case providers.NotSent:
		fmt.Fprintf(c.stderr, "cloudorder: %s %s\n", c.say(providers.OutcomeOf(providers.NotSent).Headline), providers.Printable(o.FailureText))
		return exitNotSent
	}
	if o.Cancelled {
		fmt.Fprintf(c.stderr, "cloudorder: %s\n", c.say(ui.CancelledText))
	}
	return exitOK
}

// parseWizardFlags parses the wizard's flags; code is -1 to go on, else the exit code.
func parseWizardFlags(args []string, c *cli) (wizardFlags, int) {
	var f wizardFlags
	fs := flag.NewFlagSet("cloudorder", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.BoolVar(&f.sandbox, "sandbox", false, "send orders to the in-process sandbox")
	fs.BoolVar(&f.dryRun, "dry-run", false, "send nothing; review and save the order file")
	fs.BoolVar(&f.plain, "plain", false, "plain line mode: one prompt per line, for screen readers and transcripts")
	fs.StringVar(&f.from, "from", "", "prefill from an order file")
	fs.StringVar(&f.lang, "lang", "", "interface language: en or zh")
	fs.StringVar(&f.endpoint, "endpoint", "", "replace the API endpoint (scheme://host:port)")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "bound on the wait for the API's answer")
	fs.StringVar(&f.profile, "profile", "", "use this aliyun CLI profile / Huawei credentials-file section")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return f, exitOK
		}
		return f, exitUsage
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintln(c.stderr, c.say(flows.Tf("cloudorder: unexpected argument %q (sub-commands: validate, submit, command, sandbox, history, version)",
			"cloudorder:多余的参数 %q(子命令:validate、submit、command、sandbox、history、version)", fs.Arg(0))))
		return f, exitUsage
	case f.sandbox && f.dryRun:
		fmt.Fprintln(c.stderr, c.say(flows.T("cloudorder: --sandbox and --dry-run exclude each other", "cloudorder:--sandbox 与 --dry-run 不能同时使用")))
		return f, exitUsage
	case f.timeout <= 0:
		fmt.Fprintln(c.stderr, c.say(flows.T("cloudorder: --timeout must be positive", "cloudorder:--timeout 必须大于 0")))
		return f, exitUsage
	}
	return f, -1
}

// loadFrom reads --from: a file that cannot be read or is not an order at all is a usage
// error; an order with problems opens with the problems shown at their fields.
func loadFrom(name string, c *cli) (*ui.Loaded, int) {
	api, a, problems, code := readOrderFile(name, c)
	if code != exitOK {
		return nil, code
	}
	if api == nil {
		for _, p := range problems {
			fmt.Fprintf(c.stderr, "%s: %s: %s\n", name, p.Path, c.say(p.Msg))
		}
		return nil, exitUsage
	}
	return &ui.Loaded{Name: name, API: api, Answers: a, Problems: problems}, exitOK
}

// terminals returns the terminal files behind stdin and stdout, ok false when either is not one.
func terminals(c *cli) (*os.File, *os.File, bool) {
	in, ok1 := c.stdin.(*os.File)
	out, ok2 := c.stdout.(*os.File)
	if !ok1 || !ok2 || !term.IsTerminal(in.Fd()) || !term.IsTerminal(out.Fd()) {
		return nil, nil, false
	}
	return in, out, true
}
