package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// subcommand is one sub-command's usage, declared once: the table below is what `cloudorder
// --help` lists, what `cloudorder CMD --help` prints (with the flags the command declares when
// it parses, parseFlags) and what an unknown flag prints before exit 2.
type subcommand struct {
	name     string    // "" is the wizard: `cloudorder [flags]`
	synopsis i18n.Text // the usage line(s), without "usage: "
	about    i18n.Text // what it does, one line
	// interleaved: flags may come after the positional arguments (submit FILE --yes).
	interleaved bool
	run         func(args []string, c *cli) int
}

// commands returns the table in the order `cloudorder --help` lists it. (A function, not a
// variable: the commands' run functions print usage from this table.)
func commands() []subcommand {
	return []subcommand{
		{name: "", run: cmdWizard,
			synopsis: i18n.T("cloudorder [--sandbox | --dry-run] [--plain] [--from FILE] [--lang en|zh] [--endpoint URL] [--timeout 30s]\n             [--profile NAME]",
				"cloudorder [--sandbox | --dry-run] [--plain] [--from 文件] [--lang en|zh] [--endpoint URL] [--timeout 30s]\n             [--profile 名称]"),
			about: i18n.T("the wizard: choose, review and send an order", "向导:选择、审阅并发送订单")},
		{name: "validate", run: cmdValidate,
			synopsis: i18n.T("cloudorder validate FILE...", "cloudorder validate 文件..."),
			about:    i18n.T("check order files, send nothing", "检查订单文件,不发送")},
		{name: "submit", run: cmdSubmit, interleaved: true,
			synopsis: i18n.T("cloudorder submit FILE [--sandbox] [--yes] [--allow-duplicate] [--output text|json]\n                       [--endpoint URL] [--timeout 30s] [--profile NAME]",
				"cloudorder submit 文件 [--sandbox] [--yes] [--allow-duplicate] [--output text|json]\n                       [--endpoint URL] [--timeout 30s] [--profile 名称]"),
			about: i18n.T("send one order file", "发送一个订单文件")},
		{name: "command", run: cmdCommand, interleaved: true,
			synopsis: i18n.T("cloudorder command FILE [--shell sh|pwsh|cmd] [--endpoint URL]", "cloudorder command 文件 [--shell sh|pwsh|cmd] [--endpoint URL]"),
			about:    i18n.T("print the order as the aliyun/hcloud command", "输出订单对应的 aliyun/hcloud 命令")},
		{name: "sandbox", run: cmdSandbox,
			synopsis: i18n.T("cloudorder sandbox [--addr 127.0.0.1:PORT]", "cloudorder sandbox [--addr 127.0.0.1:端口]"),
			about: i18n.T("serve the loopback emulator of the ordering APIs; nothing sent to it is bought",
				"运行下单接口的本地模拟服务;发往它的订单不会产生任何购买")},
		{name: "history", run: cmdHistory, interleaved: true,
			synopsis: i18n.T("cloudorder history [--output text|json] | history show ID [--output text|json] | history export ID",
				"cloudorder history [--output text|json] | history show 记录ID [--output text|json] | history export 记录ID"),
			about: i18n.T("list the orders sent from this machine; show one whole, or export the order file it sent",
				"列出从本机发送的订单;完整显示一条,或导出其发送的订单文件")},
		{name: "explain", run: cmdExplain, interleaved: true,
			synopsis: i18n.T("cloudorder explain [API [FIELD-PATH]] [--output text|json] [--lang en|zh]", "cloudorder explain [接口 [字段路径]] [--output text|json] [--lang en|zh]"),
			about:    i18n.T("what an API's fields, values and rules mean, offline", "离线查看接口的字段、取值与规则的含义")},
		{name: "schema", run: cmdSchema, interleaved: true,
			synopsis: i18n.T("cloudorder schema API [--lang en|zh]", "cloudorder schema 接口 [--lang en|zh]"),
			about:    i18n.T("print the JSON Schema (draft 2020-12) of the API's order file, for editors", "输出该接口订单文件的 JSON Schema(draft 2020-12),供编辑器使用")},
		{name: "status", run: cmdStatus, interleaved: true,
			synopsis: i18n.T("cloudorder status [ID...] [--output text|json] [--endpoint URL] [--timeout 30s] [--profile NAME]",
				"cloudorder status [编号...] [--output text|json] [--endpoint URL] [--timeout 30s] [--profile 名称]"),
			about: i18n.T("the orders' state from the cloud; resolves unknown outcomes from the cloud's order records",
				"从云平台查询订单状态;根据云平台的订单记录确定结果未知的订单")},
		{name: "version", run: cmdVersion,
			synopsis: i18n.T("cloudorder version (or --version)", "cloudorder version(或 --version)"),
			about:    i18n.T("print the version", "显示版本")},
	}
}

// find returns the command named name ("" = the wizard).
func find(name string) (subcommand, bool) {
	for _, cmd := range commands() {
		if cmd.name == name {
			return cmd, true
		}
	}
	return subcommand{}, false
}

// subcommandNames lists the sub-commands, for a message: "validate, submit, …".
func subcommandNames() string {
	var names []string
	for _, cmd := range commands() {
		if cmd.name != "" {
			names = append(names, cmd.name)
		}
	}
	return strings.Join(names, ", ")
}

// The flags several commands share, declared once: --endpoint, --timeout and --profile.
func (c *cli) endpointFlag(fs *flag.FlagSet, v *string) {
	fs.StringVar(v, "endpoint", "", c.say(i18n.T("replace the API endpoint (scheme://host[:port])", "替换接口地址(scheme://host[:port])")))
}

func (c *cli) timeoutFlag(fs *flag.FlagSet, v *time.Duration) {
	fs.DurationVar(v, "timeout", 30*time.Second, c.say(i18n.T("how long to wait for the API's answer", "等待接口应答的时间")))
}

func (c *cli) outputFlag(fs *flag.FlagSet, v *string) {
	fs.StringVar(v, "output", "text", c.say(i18n.T("text or json", "text 或 json")))
}

func (c *cli) sandboxFlag(fs *flag.FlagSet, v *bool) {
	fs.BoolVar(v, "sandbox", false, c.say(i18n.T("send orders to the in-process sandbox (nothing is bought)", "发送到内置模拟服务(不会产生购买)")))
}

// flagWord reports whether flag --name's value v is one of words, and says the rule when not.
func (c *cli) flagWord(name, v string, words ...string) bool {
	if slices.Contains(words, v) {
		return true
	}
	list := i18n.T(strings.Join(words, ", "), strings.Join(words, "、"))
	fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder: --%s must be one of %s, not %q", "cloudorder:--%s 只能是 %s 之一,而不是 %q", name, list, v)))
	return false
}

// positiveTimeout reports whether --timeout is above zero, and says the rule when not.
func (c *cli) positiveTimeout(d time.Duration) bool {
	if d > 0 {
		return true
	}
	fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder: --timeout must be positive, e.g. 30s, not %s", "cloudorder:--timeout 必须大于 0,例如 30s,而不是 %s", d)))
	return false
}

func (c *cli) profileFlag(fs *flag.FlagSet, v *string) {
	fs.StringVar(v, "profile", "", c.say(i18n.T("use this aliyun CLI profile / Huawei credentials-file section", "使用此 aliyun CLI 配置 / 华为云凭证文件中的此段")))
}

// parseFlags parses the flags name declares (declare may be nil) and returns the positional
// arguments, or code ≥ 0 to exit with: --help/-h prints the command's usage to stdout (0), an
// unknown or malformed flag prints the problem and the usage to stderr (2).
func (c *cli) parseFlags(name string, args []string, declare func(fs *flag.FlagSet)) (rest []string, code int) {
	cmd, _ := find(name)
	fs := flag.NewFlagSet("cloudorder "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the flag package's own usage is English only: ours is printed
	fs.Usage = func() {}
	if declare != nil {
		declare(fs)
	}
	for {
		err := fs.Parse(args)
		switch {
		case errors.Is(err, flag.ErrHelp):
			c.usage(c.stdout, cmd, fs)
			return nil, exitOK
		case err != nil:
			fmt.Fprintf(c.stderr, "%s: %v\n", strings.TrimSpace("cloudorder "+name), err)
			c.usage(c.stderr, cmd, fs)
			return nil, exitUsage
		}
		args = fs.Args()
		if !cmd.interleaved || len(args) == 0 {
			return append(rest, args...), -1
		}
		rest, args = append(rest, args[0]), args[1:]
	}
}

// usageLine is "usage: " and name's synopsis, for a wrong number of arguments.
func (c *cli) usageLine(name string) string {
	cmd, _ := find(name)
	return c.say(i18n.T("usage: ", "用法:")) + c.say(cmd.synopsis)
}

// usage prints cmd's usage and the flags fs declares. The wizard's usage is the whole tool's:
// it lists every sub-command.
func (c *cli) usage(w io.Writer, cmd subcommand, fs *flag.FlagSet) {
	if cmd.name == "" {
		fmt.Fprint(w, c.toolUsage())
	} else {
		fmt.Fprintf(w, "%s%s\n\n%s\n", c.say(i18n.T("usage: ", "用法:")), c.say(cmd.synopsis), c.say(cmd.about))
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", c.say(i18n.T("Flags:", "选项:")))
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// toolUsage is `cloudorder --help`: every command, the exit codes and the APIs with their
// documentation.
func (c *cli) toolUsage() string {
	var b strings.Builder
	b.WriteString(c.say(i18n.T("cloudorder — place cloud product orders, reviewed before they are sent\n\nUsage:\n",
		"cloudorder — 下单前可审阅的云产品下单工具\n\n用法:\n")))
	for _, cmd := range commands() {
		fmt.Fprintf(&b, "  %s\n      %s\n", c.say(cmd.synopsis), c.say(cmd.about))
	}
	b.WriteString("\n" + c.say(exitCodesText()) + "\n")
	b.WriteString(c.say(i18n.T("APIs (the order file's \"api\"):\n", "接口(订单文件中的 \"api\"):\n")))
	for _, a := range flows.APIs() {
		fmt.Fprintf(&b, "  %s  %s\n      %s %s · %s\n", a.ID, c.say(a.Title), a.Method, a.Path, a.DocURL)
	}
	return b.String()
}

// exitCodesText is --help's list of exit codes: the outcome table's (providers.OutcomeOf), in
// order, with the two that only the command line has (main.go).
func exitCodesText() i18n.Text {
	rows := []struct {
		code    int
		meaning i18n.Text
	}{
		{exitOK, providers.OutcomeOf(0).Meaning},
		{exitInvalid, providers.OutcomeOf(providers.Invalid).Meaning},
		{exitUsage, i18n.T("usage error, unreadable input, an endpoint refused or a possible duplicate refused: nothing sent", "用法错误、输入不可读、接入地址被拒绝或可能重复的订单被拒绝:未发送")},
		{exitRejected, providers.OutcomeOf(providers.Rejected).Meaning},
		{exitUnknown, providers.OutcomeOf(providers.Unknown).Meaning},
		{exitNotSent, providers.OutcomeOf(providers.NotSent).Meaning},
		{exitCanceled, i18n.T("--plain: ended (end of input or ctrl+c) before anything was sent", "--plain:发送前结束(输入结束或 ctrl+c)")},
	}
	t := i18n.T("Exit codes:\n", "退出码:\n")
	for _, r := range rows {
		t = i18n.Tf("%s  %3d  %s\n", "%s  %3d  %s\n", t, r.code, r.meaning)
	}
	return t
}

// cmdVersion prints the version; `cloudorder --version` is the same command.
func cmdVersion(args []string, c *cli) int {
	rest, code := c.parseFlags("version", args, nil)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder version: unexpected argument %q", "cloudorder version:多余的参数 %q", rest[0])))
		return exitUsage
	}
	fmt.Fprintln(c.stdout, "cloudorder", toolVersion())
	return exitOK
}

// toolVersion is -ldflags "-X main.version=…" when set, else the module version the Go
// toolchain stamped into the build (a tag, or a pseudo-version from the commit), else the
// commit itself, else "dev".
func toolVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "dev-" + rev
}
