package main

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/sandbox"
	"cloudorder/ui"
	"cloudorder/ui/start"
)

// wizardFlags are the wizard's command line (docs/design.md, "Command line").
type wizardFlags struct {
	sandbox, dryRun bool
	plain           bool // --plain: one prompt per line, no terminal control (cmd_plain.go)
	from            string
	expectDigest    string // --expect-digest: with --from, place only the order with this digest
	endpoint        string
	profile         string
	timeout         time.Duration
}

// newWizardCmd is the root command: `cloudorder [flags]` runs the wizard.
func newWizardCmd(c *cli) *cobra.Command {
	var f wizardFlags
	cmd := &cobra.Command{
		Use: c.say(i18n.T("cloudorder [--sandbox | --dry-run] [flags]", "cloudorder [--sandbox | --dry-run] [选项]")),
		Short: c.say(i18n.T("Without a command it runs the wizard: choose, review and send an order.",
			"不带命令时运行向导:选择、审阅并发送订单。")),
		Example: "cloudorder --sandbox\ncloudorder --dry-run --lang zh\ncloudorder --from order.json --plain",
		Args:    c.noArgs,
		RunE: func(*cobra.Command, []string) error {
			return c.run(func() int {
				switch {
				case f.sandbox && f.dryRun:
					fmt.Fprintln(c.stderr, c.say(i18n.T("cloudorder: --sandbox and --dry-run exclude each other", "cloudorder:--sandbox 与 --dry-run 不能同时使用")))
					return exitUsage
				case !c.positiveTimeout(f.timeout):
					return exitUsage
				case f.expectDigest != "" && f.from == "":
					fmt.Fprintln(c.stderr, c.say(i18n.T("cloudorder: --expect-digest needs --from FILE: the reviewed order file",
						"cloudorder:--expect-digest 需要 --from 文件:即审阅过的订单文件")))
					return exitUsage
				}
				if f.expectDigest != "" {
					d, ok := normalizeDigest(f.expectDigest)
					if !ok {
						fmt.Fprintln(c.stderr, c.say(badDigest(f.expectDigest)))
						return exitUsage
					}
					f.expectDigest = d
				}
				return runWizard(c, f)
			})
		},
	}
	fs := cmd.Flags()
	c.sandboxFlag(fs, &f.sandbox)
	fs.BoolVar(&f.dryRun, "dry-run", false, c.say(i18n.T("send nothing; review and save the order file", "不发送;审阅并保存订单文件")))
	fs.BoolVar(&f.plain, "plain", false, c.say(i18n.T("plain line mode: one prompt per line, for screen readers and transcripts", "纯文本模式:每行一个提问,适合读屏软件与记录")))
	fs.StringVar(&f.from, "from", "", c.say(i18n.T("prefill from an order `FILE`", "从订单`文件`预填")))
	_ = cmd.MarkFlagFilename("from", "json")
	fs.StringVar(&f.expectDigest, "expect-digest", "", c.say(i18n.T("with --from: place only the order whose digest is `DIGEST` (from cloudorder review)",
		"与 --from 一起使用:仅当订单的摘要值为`摘要值`(来自 cloudorder review)时下单")))
	c.endpointFlag(fs, &f.endpoint)
	c.timeoutFlag(fs, &f.timeout)
	c.profileFlag(cmd, &f.profile)
	return cmd
}

// runWizard runs the interactive wizard. Exit codes: 0 after an order was placed, saved, or the
// person quit; 2 for usage errors, an unreadable --from file or no terminal; 3 or 4 when the
// last submission was rejected (3) or its outcome is unknown (4) and no order was placed after
// it; 1 when the last attempt was refused before sending (bad settings or credentials); 5 when
// it provably never left the machine (DNS, connect, TLS).
func runWizard(c *cli, f wizardFlags) int {
	var loaded *ui.Loaded
	if f.from != "" {
		// An unreadable file is reported before anything else, terminal or not.
		var code int
		if loaded, code = loadFrom(f.from, c); code != exitOK {
			return code
		}
	}
	in, out, ok := terminals(c)
	plainMode := plainWanted(f.plain, c.getenv)
	if !ok && !plainMode {
		fmt.Fprintln(c.stderr, c.say(i18n.T(
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
		Regions:   c.settings.Regions,
		APIs:      catalog.Flows(), // the wizard's first step, in the catalog's order
		From:      loaded,
		// The review shows whether the order is the approved one; placement.Send places only that.
		ExpectDigest: f.expectDigest,
		Timeout:      f.timeout,
	}
	switch {
	case f.sandbox:
		opts.Mode = providers.Sandbox
	case f.dryRun:
		opts.Mode = providers.DryRun
	}
	p, closer, err := c.openCloud(opts.Mode, f.endpoint, f.timeout, f.profile)
	switch {
	case err != nil && opts.Mode == providers.DryRun:
		// A dry run sends nothing: without a provider it only loses look-ups and target details.
	case err != nil:
		fmt.Fprintf(c.stderr, "cloudorder: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	default:
		opts.Provider = p
		defer closer.Close()
		// An --endpoint that answered the sandbox's identity probe is the sandbox, never LIVE
		// (providers/cloud/probe.go). LocalEndpoint waits for the UI's own banner for it.
		// Another loopback endpoint is LocalEndpoint: neither the cloud nor provably the sandbox.
		if m := probedMode(p); opts.Mode == providers.Live && (m == providers.Sandbox || m == providers.LocalEndpoint) {
			opts.Mode = m
		}
	}
	if opts.Mode == providers.Live || opts.Mode == providers.LocalEndpoint { // signed with the person's keys
		statuses := config.Credentials(c.getenv, f.profile)
		opts.Credentials = wizardCredentials(statuses) // said on the first screen
		opts.Regions = startRegions(c.settings.Regions, statuses)
	}

	if plainMode {
		if opts.Mode == providers.Sandbox && opts.ProjectID == "" {
			opts.ProjectID = sandbox.ProjectID // the sandbox account's project: nothing to type
		}
		return runPlain(opts, c, f.endpoint) // cmd_plain.go: the same session as plain lines, no TUI
	}
	// From here to restore nothing is printed: the terminal is the first frame's
	// (ui/start).
	st := start.Terminal(in, out)
	defer st.Restore()
	final, err := st.Program(ui.New(opts)).Run()
	st.Restore()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		fmt.Fprintf(c.stderr, "cloudorder: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	}
	m, _ := final.(ui.Model)
	o := m.Outcome()
	code := reportOutcome(o, c)
	printCheckedOrHint(c, o, f.endpoint, f.sandbox)
	return code
}

// probedMode is where the wizard's first API goes (an --endpoint that answered the sandbox's
// identity probe sends every API there; another loopback endpoint is LocalEndpoint).
func probedMode(p providers.Provider) providers.Mode {
	return p.Target(catalog.Flows()[0].ID, "").Mode
}

// wizardCredentials is config.Credentials as the wizard's first screen says it (the ui
// package knows no config): per cloud, the source and masked key, or what is missing and where
// it was looked for.
func wizardCredentials(statuses []config.CredentialStatus) []ui.Credential {
	var out []ui.Credential
	for _, st := range statuses {
		out = append(out, ui.Credential{Cloud: st.CloudID, Found: st.Found, Text: st.Text()})
	}
	return out
}

// startRegions is the region the wizard starts from per cloud: config.toml's [regions], else
// the region_id of the aliyun CLI profile the credential comes from, as the aliyun CLI itself
// defaults to it. The order's own region is always the one on screen.
func startRegions(settings map[string]string, statuses []config.CredentialStatus) map[string]string {
	out := maps.Clone(settings)
	if out == nil {
		out = map[string]string{}
	}
	for _, st := range statuses {
		if st.Found && st.Region != "" && out[st.CloudID] == "" {
			out[st.CloudID] = st.Region
		}
	}
	return out
}

// reportOutcome prints what must stay in the scrollback after the screen is gone and picks
// the exit code.
func reportOutcome(o ui.Outcome, c *cli) int {
	for _, p := range o.Saved {
		fmt.Fprintf(c.stdout, "saved: %s\n", p)
	}
	if o.OrderID != "" {
		fmt.Fprintf(c.stdout, "order_id: %s\nrequest_id: %s\n", providers.Printable(o.OrderID), providers.Printable(o.RequestID))
		for _, l := range placement.HistoryWarning(o.History, o.OrderID) {
			fmt.Fprintln(c.stderr, c.say(l))
		}
		if o.Unpaid && (!o.Payment || o.PayFailure != 0) {
			fmt.Fprintln(c.stdout, c.say(placement.UnpaidLine(o.PayCommand, o.ConsoleURL)))
		}
		if o.Payment {
			// The order exists either way; the payment's outcome is said, not turned into the
			// exit code (a script reads "paid:" or the warning).
			switch o.PayFailure {
			case 0:
				fmt.Fprintf(c.stdout, "paid: %s (request_id %s)\n", providers.Printable(o.OrderID), providers.Printable(o.PayRequestID))
			case providers.Unknown:
				fmt.Fprintln(c.stderr, "cloudorder: "+c.say(i18n.T("the payment's outcome is unknown: it may have been paid; check the console before paying again",
					"支付结果未知:可能已经支付;再次支付前请先查看控制台")))
			default:
				fmt.Fprintln(c.stderr, "cloudorder: "+c.say(i18n.T("the order was not paid; pay it in the console", "订单未支付;请在控制台支付")))
			}
		}
		if o.History != nil {
			return placement.Outcome{History: o.History}.ExitCode()
		}
		return exitOK
	}
	if o.Failure == 0 {
		if o.Cancelled {
			fmt.Fprintf(c.stderr, "cloudorder: %s\n", c.say(placement.Cancelled))
		}
		return exitOK
	}
	// The outcome table's headline and advice; FailureText carries the facts.
	out := placement.WordingOf(o.Failure)
	fmt.Fprintf(c.stderr, "cloudorder: %s\n", c.say(out.Headline))
	if o.FailureText != "" {
		fmt.Fprintf(c.stderr, "  %s\n", providers.Printable(o.FailureText))
	}
	if !out.Advice.IsZero() {
		fmt.Fprintf(c.stderr, "  %s\n", c.say(out.Advice))
	}
	return out.Exit
}

// loadFrom reads --from: a file that cannot be read or is not an order at all is a usage
// error; an order with problems opens with the problems shown at their fields.
func loadFrom(name string, c *cli) (*ui.Loaded, int) {
	api, a, problems, code := readOrderFile(name, c)
	if code != exitOK {
		return nil, code
	}
	if api == nil {
		printProblems(c, name, problems)
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
